import * as Y from 'yjs';
import { z } from 'zod';
import { defaultsIdSchema } from '../domain/incident-defaults';
import { severitySchema } from '../domain/severity';
import { slugTitle } from './channel';
import {
  runbookStepKey,
  type IncidentTypes,
  type StoredChecklistItem,
  type StoredRole,
} from './doc-layout';
import { IncidentOpError } from './errors';
import {
  appendEntry,
  parseArgs,
  requireIncident,
  resolveContext,
  transact,
  type Changed,
  type OpContext,
} from './op-context';
import { actorSchema } from './schema';

/** Arguments of {@link assignRole}: `holder: null` takes the role back from whoever holds it. */
export const assignRoleArgsSchema = z
  .object({ roleId: z.string().min(1).max(64), holder: actorSchema.nullable() })
  .strict();

/** Arguments of {@link assignRole}. */
export type AssignRoleArgs = z.input<typeof assignRoleArgsSchema>;

/** Arguments of {@link addRole}; the id is made from the name when left out. */
export const addRoleArgsSchema = z
  .object({
    roleId: defaultsIdSchema.optional(),
    name: z.string().trim().min(1).max(100),
    /** The role's checklist, one text per item. */
    checklist: z.array(z.string().trim().min(1).max(500)).max(100).optional(),
  })
  .strict();

/** Arguments of {@link addRole}. */
export type AddRoleArgs = z.input<typeof addRoleArgsSchema>;

/** Arguments of {@link tickCheck} and {@link untickCheck}: a role or closure checklist item. */
export const checkArgsSchema = z.object({ itemId: z.string().min(1).max(200) }).strict();

/** Arguments of {@link tickCheck} and {@link untickCheck}. */
export type CheckArgs = z.input<typeof checkArgsSchema>;

/**
 * Arguments of {@link tickRunbookStep} and {@link untickRunbookStep}. The step's and runbook's
 * texts are only used to word the timeline entry.
 */
export const runbookStepArgsSchema = z
  .object({
    runbookId: z.string().min(1).max(1024),
    stepId: z
      .string()
      .min(1)
      .max(200)
      .refine((id) => !id.includes('/'), { error: 'a step id has no "/"' }),
    stepText: z.string().trim().min(1).max(1000).optional(),
    runbookTitle: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** Arguments of {@link tickRunbookStep} and {@link untickRunbookStep}. */
export type RunbookStepArgs = z.input<typeof runbookStepArgsSchema>;

const storedRoleSchema = z.object({
  name: z.string(),
  order: z.number(),
  holder: z.string().optional(),
});

function readRole(types: IncidentTypes, roleId: string): StoredRole {
  const parsed = storedRoleSchema.safeParse(types.roles.get(roleId));
  if (!parsed.success) {
    throw new IncidentOpError('not-found', `This incident has no role "${roleId}".`);
  }
  return parsed.data;
}

/**
 * Give a role to someone, hand it over, or take it back (`holder: null`). Written as one value
 * (holder, when, by whom) and recorded on the timeline.
 * @param doc - the incident's document
 * @param args - the role and its new holder
 * @param ctx - who assigns it and when
 */
export function assignRole(doc: Y.Doc, args: AssignRoleArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(assignRoleArgsSchema, args, 'assignRole');
  const types = requireIncident(doc);
  const role = readRole(types, a.roleId);
  if ((role.holder ?? null) === a.holder) return { changed: false };
  const text =
    a.holder === null
      ? `${role.name}: unassigned (was ${role.holder ?? 'nobody'})`
      : role.holder === undefined
        ? `${role.name}: ${a.holder}`
        : `${role.name}: ${a.holder} takes over from ${role.holder}`;
  return transact(doc, c, () => {
    const next: StoredRole = { name: role.name, order: role.order };
    if (a.holder !== null) {
      next.holder = a.holder;
      next.assignedAt = c.nowIso;
      next.assignedBy = c.actor;
    }
    types.roles.set(a.roleId, next);
    appendEntry(doc, types, { at: c.nowIso, kind: 'role', text, auto: true }, c);
    return { changed: true };
  });
}

/**
 * Add a role the team needs for this incident (a database lead, a security contact), after the
 * existing ones, with its own checklist. Item ids are `<roleId>.1`, `<roleId>.2`, ….
 * @param doc - the incident's document
 * @param args - the role's name, optional id and checklist
 * @param ctx - who adds it and when
 * @returns the new role's id
 */
export function addRole(doc: Y.Doc, args: AddRoleArgs, ctx: OpContext): { roleId: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(addRoleArgsSchema, args, 'addRole');
  const types = requireIncident(doc);
  const roleId = a.roleId ?? slugTitle(a.name).slice(0, 64).replace(/-+$/, '');
  if (!defaultsIdSchema.safeParse(roleId).success) {
    throw new IncidentOpError('invalid', `addRole: give the role an id; "${a.name}" makes none.`);
  }
  if (types.roles.has(roleId)) {
    throw new IncidentOpError('invalid', `addRole: this incident already has a role "${roleId}".`);
  }
  const items: StoredChecklistItem[] = (a.checklist ?? []).map((text, i) => ({
    id: `${roleId}.${i + 1}`,
    text,
  }));
  for (const item of items) {
    if (findChecklistItem(types, item.id) !== undefined) {
      throw new IncidentOpError('invalid', `addRole: checklist item "${item.id}" already exists.`);
    }
  }
  let order = -1;
  for (const value of types.roles.values()) {
    const parsed = storedRoleSchema.safeParse(value);
    if (parsed.success) order = Math.max(order, parsed.data.order);
  }
  return transact(doc, c, () => {
    const stored: StoredRole = { name: a.name, order: order + 1 };
    types.roles.set(roleId, stored);
    types.checklists.set(roleId, Y.Array.from(items));
    appendEntry(
      doc,
      types,
      { at: c.nowIso, kind: 'role', text: `Role added: ${a.name}`, auto: true },
      c,
    );
    return { roleId };
  });
}

/** A checklist item found by id, and whose list it is on. */
export interface FoundItem {
  item: StoredChecklistItem;
  /** The role's name, or `Closure` for the closure checklist. */
  listName: string;
}

const storedItemSchema = z.object({
  id: z.string(),
  text: z.string(),
  severities: z.array(severitySchema).optional(),
});

/**
 * Find a checklist item by id in the roles' checklists and the closure checklist.
 * @param types - the incident's types
 * @param itemId - the item's id
 */
export function findChecklistItem(types: IncidentTypes, itemId: string): FoundItem | undefined {
  const closure = types.closure.toArray();
  for (const raw of closure) {
    const item = storedItemSchema.safeParse(raw);
    if (item.success && item.data.id === itemId) return { item: item.data, listName: 'Closure' };
  }
  for (const roleId of [...types.checklists.keys()].sort()) {
    const list = types.checklists.get(roleId);
    if (!(list instanceof Y.Array)) continue;
    for (const raw of list.toArray()) {
      const item = storedItemSchema.safeParse(raw);
      if (item.success && item.data.id === itemId) {
        const role = storedRoleSchema.safeParse(types.roles.get(roleId));
        return { item: item.data, listName: role.success ? role.data.name : roleId };
      }
    }
  }
  return undefined;
}

function requireItem(types: IncidentTypes, itemId: string): FoundItem {
  const found = findChecklistItem(types, itemId);
  if (!found) {
    throw new IncidentOpError('not-found', `This incident has no checklist item "${itemId}".`);
  }
  return found;
}

/**
 * Tick a checklist item (a role's, or the closure checklist's): who and when are kept with the
 * tick and written on the timeline. Ticking a ticked item changes nothing.
 * @param doc - the incident's document
 * @param args - the item's id
 * @param ctx - who ticks it and when
 */
export function tickCheck(doc: Y.Doc, args: CheckArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(checkArgsSchema, args, 'tickCheck');
  const types = requireIncident(doc);
  const { item, listName } = requireItem(types, a.itemId);
  if (types.checks.has(a.itemId)) return { changed: false };
  return transact(doc, c, () => {
    types.checks.set(a.itemId, { by: c.actor, at: c.nowIso });
    appendEntry(
      doc,
      types,
      { at: c.nowIso, kind: 'check', text: `Done (${listName}): ${item.text}`, auto: true },
      c,
    );
    return { changed: true };
  });
}

/**
 * Untick a checklist item; written on the timeline with who and when.
 * @param doc - the incident's document
 * @param args - the item's id
 * @param ctx - who unticks it and when
 */
export function untickCheck(doc: Y.Doc, args: CheckArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(checkArgsSchema, args, 'untickCheck');
  const types = requireIncident(doc);
  const { item, listName } = requireItem(types, a.itemId);
  if (!types.checks.has(a.itemId)) return { changed: false };
  return transact(doc, c, () => {
    types.checks.delete(a.itemId);
    appendEntry(
      doc,
      types,
      { at: c.nowIso, kind: 'check', text: `Not done (${listName}): ${item.text}`, auto: true },
      c,
    );
    return { changed: true };
  });
}

function stepWords(a: z.output<typeof runbookStepArgsSchema>): string {
  return `${a.runbookTitle ?? a.runbookId}: ${a.stepText ?? a.stepId}`;
}

/**
 * Tick a step of a runbook followed during the incident; kept by `runbookId/stepId` with who
 * and when, and written on the timeline.
 * @param doc - the incident's document
 * @param args - the runbook and step (and their texts for the timeline)
 * @param ctx - who ticks it and when
 */
export function tickRunbookStep(doc: Y.Doc, args: RunbookStepArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(runbookStepArgsSchema, args, 'tickRunbookStep');
  const types = requireIncident(doc);
  const key = runbookStepKey(a.runbookId, a.stepId);
  if (types.runbookSteps.has(key)) return { changed: false };
  return transact(doc, c, () => {
    types.runbookSteps.set(key, {
      runbookId: a.runbookId,
      stepId: a.stepId,
      by: c.actor,
      at: c.nowIso,
    });
    appendEntry(
      doc,
      types,
      { at: c.nowIso, kind: 'runbook', text: `Runbook step done: ${stepWords(a)}`, auto: true },
      c,
    );
    return { changed: true };
  });
}

/**
 * Untick a runbook step; written on the timeline.
 * @param doc - the incident's document
 * @param args - the runbook and step
 * @param ctx - who unticks it and when
 */
export function untickRunbookStep(doc: Y.Doc, args: RunbookStepArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(runbookStepArgsSchema, args, 'untickRunbookStep');
  const types = requireIncident(doc);
  const key = runbookStepKey(a.runbookId, a.stepId);
  if (!types.runbookSteps.has(key)) return { changed: false };
  return transact(doc, c, () => {
    types.runbookSteps.delete(key);
    appendEntry(
      doc,
      types,
      {
        at: c.nowIso,
        kind: 'runbook',
        text: `Runbook step not done: ${stepWords(a)}`,
        auto: true,
      },
      c,
    );
    return { changed: true };
  });
}
