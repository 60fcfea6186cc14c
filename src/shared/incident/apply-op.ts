import type * as Y from 'yjs';
import { z } from 'zod';
import {
  addActionItem,
  addActionItemArgsSchema,
  updateActionItem,
  updateActionItemArgsSchema,
} from './action-item-ops';
import {
  changeSeverity,
  changeSeveritySchema,
  correctTime,
  correctTimeArgsSchema,
  postStatusUpdate,
  postStatusUpdateArgsSchema,
  setLifecycle,
  setLifecycleArgsSchema,
  setStatusCadence,
  setStatusCadenceArgsSchema,
  updateDetails,
  updateDetailsArgsSchema,
} from './lifecycle-ops';
import type { OpContext } from './op-context';
import {
  addRole,
  addRoleArgsSchema,
  assignRole,
  assignRoleArgsSchema,
  checkArgsSchema,
  runbookStepArgsSchema,
  tickCheck,
  tickRunbookStep,
  untickCheck,
  untickRunbookStep,
} from './team-ops';
import {
  addTimelineEntry,
  addTimelineEntryArgsSchema,
  editTimelineEntry,
  editTimelineEntryArgsSchema,
  strikeTimelineEntry,
  strikeTimelineEntryArgsSchema,
} from './timeline-ops';

const op = <T extends string, S extends z.ZodType>(type: T, args: S) =>
  z.object({ type: z.literal(type), args }).strict();

/**
 * Every change a person can make to an existing incident, as one tagged value: what the renderer
 * sends (`incident:apply`) and what the incident service applies. `args` are the arguments of the
 * operation of the same name in `src/shared/incident`.
 */
export const incidentOpSchema = z.discriminatedUnion('type', [
  op('severity.change', changeSeveritySchema),
  op('lifecycle.set', setLifecycleArgsSchema),
  op('time.correct', correctTimeArgsSchema),
  op('details.update', updateDetailsArgsSchema),
  op('status-update.post', postStatusUpdateArgsSchema),
  op('status-cadence.set', setStatusCadenceArgsSchema),
  op('role.assign', assignRoleArgsSchema),
  op('role.add', addRoleArgsSchema),
  op('check.tick', checkArgsSchema),
  op('check.untick', checkArgsSchema),
  op('runbook-step.tick', runbookStepArgsSchema),
  op('runbook-step.untick', runbookStepArgsSchema),
  op('timeline.add', addTimelineEntryArgsSchema),
  op('timeline.edit', editTimelineEntryArgsSchema),
  op('timeline.strike', strikeTimelineEntryArgsSchema),
  op('action-item.add', addActionItemArgsSchema),
  op('action-item.update', updateActionItemArgsSchema),
]);

/** One change to an incident, as the caller writes it. */
export type IncidentOp = z.input<typeof incidentOpSchema>;

/** The kind of an {@link IncidentOp}. */
export type IncidentOpType = IncidentOp['type'];

/** What applying an operation reports: whether anything changed, and any id it created. */
export interface IncidentOpOutcome {
  /** False when the document already was as asked (nothing written). */
  changed: boolean;
  /** The id of what the operation created: a timeline entry, role or action item. */
  createdId?: string;
}

/**
 * Apply one operation to an incident's document as one transaction. Refused operations throw
 * an `IncidentOpError` and write nothing.
 * @param doc - the incident's document
 * @param incidentOp - the operation and its arguments (checked by the operation itself)
 * @param ctx - who does it and when
 */
export function applyIncidentOp(
  doc: Y.Doc,
  incidentOp: IncidentOp,
  ctx: OpContext,
): IncidentOpOutcome {
  switch (incidentOp.type) {
    case 'severity.change':
      return changeSeverity(doc, incidentOp.args, ctx);
    case 'lifecycle.set':
      return setLifecycle(doc, incidentOp.args, ctx);
    case 'time.correct':
      return correctTime(doc, incidentOp.args, ctx);
    case 'details.update':
      return updateDetails(doc, incidentOp.args, ctx);
    case 'status-update.post':
      return { changed: true, createdId: postStatusUpdate(doc, incidentOp.args, ctx).id };
    case 'status-cadence.set':
      setStatusCadence(doc, incidentOp.args, ctx);
      return { changed: true };
    case 'role.assign':
      return assignRole(doc, incidentOp.args, ctx);
    case 'role.add':
      return { changed: true, createdId: addRole(doc, incidentOp.args, ctx).roleId };
    case 'check.tick':
      return tickCheck(doc, incidentOp.args, ctx);
    case 'check.untick':
      return untickCheck(doc, incidentOp.args, ctx);
    case 'runbook-step.tick':
      return tickRunbookStep(doc, incidentOp.args, ctx);
    case 'runbook-step.untick':
      return untickRunbookStep(doc, incidentOp.args, ctx);
    case 'timeline.add':
      return { changed: true, createdId: addTimelineEntry(doc, incidentOp.args, ctx).id };
    case 'timeline.edit':
      return editTimelineEntry(doc, incidentOp.args, ctx);
    case 'timeline.strike':
      return strikeTimelineEntry(doc, incidentOp.args, ctx);
    case 'action-item.add':
      return { changed: true, createdId: addActionItem(doc, incidentOp.args, ctx).id };
    case 'action-item.update':
      return updateActionItem(doc, incidentOp.args, ctx);
  }
}
