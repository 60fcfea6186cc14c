import * as Y from 'yjs';
import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { cadenceMinutesSchema, statusCadenceSchema } from '../domain/incident-defaults';
import { severitySchema, type Severity } from '../domain/severity';
import { STATUS_MESSAGE_PLACEHOLDER } from '../templates/status-update';
import { META, type IncidentTypes } from './doc-layout';
import { IncidentOpError } from './errors';
import {
  appendEntry,
  minutesAfterNow,
  parseArgs,
  requireIncident,
  resolveContext,
  transact,
  typedTime,
  wordSeverity,
  wordTime,
  type Changed,
  type OpContext,
  type ResolvedContext,
} from './op-context';
import { alertsNotClear, describeAlertsNotClear } from './closure-judgement';
import { readClosure, readIncident } from './read-incident';
import { statusUpdateEntryText, type StatusUpdateLabels } from './status-update-entry';
import {
  INCIDENT_STATUSES,
  channelSchema,
  entryTextSchema,
  impactSchema,
  serviceNameSchema,
  titleSchema,
  typedTimeSchema,
  incidentStatusSchema,
  incidentTimeFieldSchema,
  type IncidentStatus,
  type IncidentTimeField,
} from './schema';

/** Arguments of {@link changeSeverity}; the reason goes on the timeline. */
export const changeSeveritySchema = z
  .object({ severity: severitySchema, reason: entryTextSchema.optional() })
  .strict();

/** Arguments of {@link changeSeverity}. */
export type ChangeSeverityArgs = z.input<typeof changeSeveritySchema>;

/** Arguments of {@link setLifecycle}; the note goes on the timeline. */
export const setLifecycleArgsSchema = z
  .object({
    status: incidentStatusSchema,
    note: entryTextSchema.optional(),
    /**
     * Resolve or close although linked alerts are not clear: the person saw them and goes on;
     * the timeline records it.
     */
    despiteFiringAlerts: z.boolean().optional(),
  })
  .strict();

/** Arguments of {@link setLifecycle}. */
export type SetLifecycleArgs = z.input<typeof setLifecycleArgsSchema>;

/** Arguments of {@link correctTime}: which milestone, and its time as typed (or ISO). */
export const correctTimeArgsSchema = z
  .object({ field: incidentTimeFieldSchema, time: typedTimeSchema })
  .strict();

/** Arguments of {@link correctTime}. */
export type CorrectTimeArgs = z.input<typeof correctTimeArgsSchema>;

/** Who a status update was written for (the templates in `src/shared/templates`). */
export const statusUpdateAudienceSchema = z.enum([
  'internal',
  'status-page',
  'customer-email',
  'resolution',
]);

/** Where the response stood, as the update said (the status-page words). */
export const statusUpdatePhaseSchema = z.enum([
  'investigating',
  'identified',
  'monitoring',
  'resolved',
]);

/** Arguments of {@link postStatusUpdate}: the text that went out, to whom, at which phase. */
export const postStatusUpdateArgsSchema = z
  .object({
    text: entryTextSchema,
    audience: statusUpdateAudienceSchema.optional(),
    phase: statusUpdatePhaseSchema.optional(),
  })
  .strict();

/** Arguments of {@link postStatusUpdate}. */
export type PostStatusUpdateArgs = z.input<typeof postStatusUpdateArgsSchema>;

/** Arguments of {@link setStatusCadence}: minutes between updates, `null` for none scheduled. */
export const setStatusCadenceArgsSchema = z.object({ minutes: cadenceMinutesSchema }).strict();

/** Arguments of {@link setStatusCadence}. */
export type SetStatusCadenceArgs = z.input<typeof setStatusCadenceArgsSchema>;

/** Arguments of {@link updateDetails}: any of the descriptive fields, at least one. */
export const updateDetailsArgsSchema = z
  .object({
    title: titleSchema.optional(),
    impact: impactSchema.optional(),
    affectedServices: z.array(serviceNameSchema).max(100).optional(),
    channel: channelSchema.optional(),
  })
  .strict()
  .refine((a) => Object.values(a).some((v) => v !== undefined), {
    error: 'give at least one of title, impact, affectedServices, channel',
  });

/** Arguments of {@link updateDetails}. */
export type UpdateDetailsArgs = z.input<typeof updateDetailsArgsSchema>;

const PHASE_TIME: Partial<Record<IncidentStatus, IncidentTimeField>> = {
  mitigated: 'mitigatedAt',
  resolved: 'resolvedAt',
  closed: 'closedAt',
};

const TIME_WORD: Record<IncidentTimeField, string> = {
  detectedAt: 'detected',
  acknowledgedAt: 'acknowledged',
  declaredAt: 'declared',
  mitigatedAt: 'mitigated',
  resolvedAt: 'resolved',
  closedAt: 'closed',
};

function rank(status: IncidentStatus): number {
  return INCIDENT_STATUSES.indexOf(status);
}

function currentStatus(types: IncidentTypes): IncidentStatus {
  const parsed = incidentStatusSchema.safeParse(types.meta.get(META.status));
  return parsed.success ? parsed.data : 'investigating';
}

function currentSeverity(types: IncidentTypes): Severity {
  const parsed = severitySchema.safeParse(types.meta.get(META.severity));
  return parsed.success ? parsed.data : 'sev3';
}

function currentCadence(types: IncidentTypes): number | null {
  const parsed = cadenceMinutesSchema.safeParse(types.meta.get(META.statusCadenceMinutes));
  return parsed.success ? parsed.data : null;
}

function isoOrUndefined(value: unknown): string | undefined {
  return isoTimeSchema.safeParse(value).success ? (value as string) : undefined;
}

/** True while status updates are owed: the incident is not yet resolved. */
function updatesOwed(status: IncidentStatus): boolean {
  return status === 'investigating' || status === 'mitigated';
}

/** Write `nextUpdateDueAt` as now + cadence, or remove it when none is owed. */
function scheduleNextUpdate(
  types: IncidentTypes,
  ctx: ResolvedContext,
  cadence: number | null,
  status: IncidentStatus,
): string | undefined {
  if (cadence === null || !updatesOwed(status)) {
    types.meta.delete(META.nextUpdateDueAt);
    return undefined;
  }
  const due = minutesAfterNow(ctx, cadence);
  types.meta.set(META.nextUpdateDueAt, due);
  return due;
}

/**
 * Change the severity. The status-update cadence follows the new severity (from the cadences
 * the incident was created with), and the next update is brought forward if the new cadence
 * makes it due sooner; it is never pushed back. Recorded on the timeline with the reason.
 * @param doc - the incident's document
 * @param args - the new severity and why
 * @param ctx - who changes it and when; `severityScale` words it on the timeline
 */
export function changeSeverity(doc: Y.Doc, args: ChangeSeverityArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(changeSeveritySchema, args, 'changeSeverity');
  const types = requireIncident(doc);
  const from = currentSeverity(types);
  if (from === a.severity) return { changed: false };
  const table = statusCadenceSchema.safeParse(types.meta.get(META.cadenceBySeverity));
  const cadence = table.success ? table.data[a.severity] : currentCadence(types);
  const status = currentStatus(types);
  const due = isoOrUndefined(types.meta.get(META.nextUpdateDueAt));
  return transact(doc, c, () => {
    types.meta.set(META.severity, a.severity);
    types.meta.set(META.statusCadenceMinutes, cadence);
    if (cadence === null || !updatesOwed(status)) {
      types.meta.delete(META.nextUpdateDueAt);
    } else {
      const sooner = minutesAfterNow(c, cadence);
      if (due === undefined || Date.parse(sooner) < Date.parse(due)) {
        types.meta.set(META.nextUpdateDueAt, sooner);
      }
    }
    const words = `Severity ${wordSeverity(from, c)} → ${wordSeverity(a.severity, c)}`;
    appendEntry(
      doc,
      types,
      {
        at: c.nowIso,
        kind: 'severity',
        text: a.reason === undefined ? words : `${words}: ${a.reason}`,
        auto: true,
      },
      c,
    );
    return { changed: true };
  });
}

/**
 * Move the incident along its lifecycle, investigating → mitigated → resolved → closed, or back
 * (reopening).
 *
 * - Forward, steps may be skipped; each milestone passed gets `now` as its time.
 * - Closing is refused with `closure-incomplete` while a required closure item is open; the
 *   error lists them.
 * - Resolving or closing while linked alerts are not clear at their source (firing, or
 *   silenced) is refused with `alerts-firing`, naming them, unless `despiteFiringAlerts` says the
 *   person saw them; then the timeline entry records which alerts still fired.
 * - Back: the milestones after the new status are cleared (the timeline keeps them), and moving
 *   back to investigating or mitigated unticks the closure checklist, since "stable" and "fix
 *   verified" no longer hold.
 * - Resolved and closed incidents owe no status updates: the next-update time is removed.
 *   Reopening one makes the next update due one cadence from now; moving between investigating
 *   and mitigated leaves an owed update where it is.
 * @param doc - the incident's document
 * @param args - the new status and an optional note
 * @param ctx - who does it and when
 */
export function setLifecycle(doc: Y.Doc, args: SetLifecycleArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(setLifecycleArgsSchema, args, 'setLifecycle');
  const types = requireIncident(doc);
  const from = currentStatus(types);
  const to = a.status;
  if (from === to) return { changed: false };
  const forward = rank(to) > rank(from);
  if (to === 'closed') {
    const closure = readClosure(doc);
    if (!closure.complete) {
      const missing = closure.items
        .filter((item) => closure.missing.includes(item.id))
        .map((item) => ({ id: item.id, text: item.text }));
      throw new IncidentOpError(
        'closure-incomplete',
        `The incident cannot be closed yet. Still open on the closure checklist: ${missing
          .map((item) => item.text)
          .join('; ')}.`,
        [],
        missing,
      );
    }
  }
  const notClear =
    forward && (to === 'resolved' || to === 'closed')
      ? alertsNotClear(readIncident(doc).sourceAlerts)
      : [];
  if (notClear.length > 0 && a.despiteFiringAlerts !== true) {
    throw new IncidentOpError(
      'alerts-firing',
      `${describeAlertsNotClear(notClear)}. Check them, or confirm that the incident is ${to} anyway.`,
    );
  }
  const cadence = currentCadence(types);
  return transact(doc, c, () => {
    types.meta.set(META.status, to);
    const touched: string[] = [];
    for (const status of INCIDENT_STATUSES) {
      const field = PHASE_TIME[status];
      if (field === undefined) continue;
      if (forward && rank(status) > rank(from) && rank(status) <= rank(to)) {
        types.meta.set(field, c.nowIso);
      } else if (!forward && rank(status) > rank(to) && types.meta.has(field)) {
        const old = isoOrUndefined(types.meta.get(field));
        if (old !== undefined) touched.push(`${TIME_WORD[field]} ${wordTime(old)}`);
        types.meta.delete(field);
      }
    }
    let unticked = 0;
    if (!forward && updatesOwed(to)) {
      for (const item of readClosure(doc).items) {
        if (types.checks.has(item.id)) {
          types.checks.delete(item.id);
          unticked++;
        }
      }
    }
    // Resolving ends the updates; reopening a resolved incident starts them again. Moving
    // between investigating and mitigated keeps the update already owed where it is.
    if (!updatesOwed(to) || !updatesOwed(from)) scheduleNextUpdate(types, c, cadence, to);
    let text = forward ? `Status: ${from} → ${to}` : `Reopened: ${from} → ${to}`;
    if (touched.length > 0) text += ` (was ${touched.join(', ')})`;
    if (unticked > 0) text += '; closure checklist reset';
    if (notClear.length > 0) text += `; confirmed while ${describeAlertsNotClear(notClear)}`;
    if (a.note !== undefined) text += `: ${a.note}`;
    appendEntry(doc, types, { at: c.nowIso, kind: 'status', text, auto: true }, c);
    return { changed: true };
  });
}

/**
 * Correct a milestone time by hand (detected, acknowledged, declared, mitigated, resolved,
 * closed), recorded on the timeline with the old and new times. A typed time of day means the
 * occurrence nearest the time being corrected, never in the future. Mitigated, resolved and
 * closed times can only be corrected once the incident has reached them (`not-reached`).
 * @param doc - the incident's document
 * @param args - which time, and its new value as typed or ISO
 * @param ctx - who corrects it and when; `timeZone` reads a typed time
 * @returns the stored time, and whether it changed
 */
export function correctTime(
  doc: Y.Doc,
  args: CorrectTimeArgs,
  ctx: OpContext,
): Changed & { at: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(correctTimeArgsSchema, args, 'correctTime');
  const types = requireIncident(doc);
  const status = currentStatus(types);
  const phase = (Object.keys(PHASE_TIME) as IncidentStatus[]).find(
    (s) => PHASE_TIME[s] === a.field,
  );
  if (phase !== undefined && rank(status) < rank(phase)) {
    throw new IncidentOpError(
      'not-reached',
      `The incident has not been ${phase} yet, so there is no ${TIME_WORD[a.field]} time to correct; change its status instead.`,
    );
  }
  const old = isoOrUndefined(types.meta.get(a.field));
  const at = typedTime(a.time, c, old);
  if (old !== undefined && Date.parse(old) === Date.parse(at)) return { changed: false, at: old };
  return transact(doc, c, () => {
    types.meta.set(a.field, at);
    const text =
      old === undefined
        ? `Set the ${TIME_WORD[a.field]} time to ${wordTime(at)}`
        : `Corrected the ${TIME_WORD[a.field]} time: ${wordTime(old)} → ${wordTime(at)}`;
    appendEntry(doc, types, { at: c.nowIso, kind: 'note', text, auto: true }, c);
    return { changed: true, at };
  });
}

/**
 * Record a status update that went out: on the timeline (kind `update`, with its audience and
 * phase), as the last update time, and with the next one due one cadence from now. Once the
 * incident is resolved, or at a severity without a cadence, no next update falls due.
 * A text still holding the template's placeholder for the news is refused (`invalid`): it did
 * not go out as written, and recording it would restart the countdown on an empty update.
 * @param doc - the incident's document
 * @param args - the text that went out, its audience and phase
 * @param ctx - who posted it and when
 * @returns the timeline entry's id and when the next update is due, if one is
 */
export function postStatusUpdate(
  doc: Y.Doc,
  args: PostStatusUpdateArgs,
  ctx: OpContext,
): { id: string; nextUpdateDueAt?: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(postStatusUpdateArgsSchema, args, 'postStatusUpdate');
  const types = requireIncident(doc);
  if (a.text.includes(STATUS_MESSAGE_PLACEHOLDER)) {
    throw new IncidentOpError(
      'invalid',
      `Not posted: the text still says “${STATUS_MESSAGE_PLACEHOLDER}”. Write what changed in its place, then mark it as posted.`,
    );
  }
  const cadence = currentCadence(types);
  const status = currentStatus(types);
  const labels: StatusUpdateLabels = {};
  if (a.audience !== undefined) labels.audience = a.audience;
  if (a.phase !== undefined) labels.phase = a.phase;
  const text = statusUpdateEntryText(a.text, labels);
  return transact(doc, c, () => {
    const id = appendEntry(doc, types, { at: c.nowIso, kind: 'update', text, auto: false }, c);
    types.meta.set(META.lastUpdateAt, c.nowIso);
    const due = scheduleNextUpdate(types, c, cadence, status);
    return due === undefined ? { id } : { id, nextUpdateDueAt: due };
  });
}

/**
 * Set how often status updates go out for this incident (the commander's call), and when the
 * next is due: one cadence from now; `null` schedules none. Recorded on the timeline.
 * @param doc - the incident's document
 * @param args - minutes between updates, or `null`
 * @param ctx - who sets it and when
 * @returns when the next update is due, if one is
 */
export function setStatusCadence(
  doc: Y.Doc,
  args: SetStatusCadenceArgs,
  ctx: OpContext,
): { nextUpdateDueAt?: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(setStatusCadenceArgsSchema, args, 'setStatusCadence');
  const types = requireIncident(doc);
  const status = currentStatus(types);
  return transact(doc, c, () => {
    types.meta.set(META.statusCadenceMinutes, a.minutes);
    const due = scheduleNextUpdate(types, c, a.minutes, status);
    const text =
      a.minutes === null
        ? 'Status updates: none scheduled'
        : `Status updates every ${a.minutes} min` +
          (due === undefined ? '' : `; next due ${wordTime(due)}`);
    appendEntry(doc, types, { at: c.nowIso, kind: 'note', text, auto: true }, c);
    return due === undefined ? {} : { nextUpdateDueAt: due };
  });
}

/**
 * Change the title, the impact statement, the affected services or the channel. Services are
 * changed by adding and removing names, so two people adding different services both keep
 * theirs. Title, impact and service changes are recorded on the timeline.
 * @param doc - the incident's document
 * @param args - the fields to change
 * @param ctx - who changes them and when
 */
export function updateDetails(doc: Y.Doc, args: UpdateDetailsArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(updateDetailsArgsSchema, args, 'updateDetails');
  const types = requireIncident(doc);
  const { meta } = types;
  const notes: string[] = [];
  const writes: (() => void)[] = [];
  const setText = (key: string, value: string | undefined, word: string | undefined): void => {
    if (value === undefined || meta.get(key) === value) return;
    writes.push(() => meta.set(key, value));
    if (word !== undefined) notes.push(`${word}: ${value === '' ? '(none)' : value}`);
  };
  setText(META.title, a.title, 'Title');
  setText(META.impact, a.impact, 'Impact');
  setText(META.channel, a.channel, undefined);
  if (a.affectedServices !== undefined) {
    const wanted = [...new Set(a.affectedServices)];
    const existing = meta.get(META.affectedServices);
    const current = existing instanceof Y.Array ? (existing.toArray() as unknown[]) : [];
    const same =
      existing instanceof Y.Array &&
      wanted.length === new Set(current).size &&
      wanted.every((s) => current.includes(s));
    if (!same) {
      writes.push(() => {
        let list = meta.get(META.affectedServices);
        if (!(list instanceof Y.Array)) {
          list = new Y.Array<string>();
          meta.set(META.affectedServices, list);
        }
        const services = list as Y.Array<unknown>;
        for (let i = services.length - 1; i >= 0; i--) {
          const name = services.get(i);
          if (typeof name !== 'string' || !wanted.includes(name)) services.delete(i, 1);
        }
        const kept = services.toArray();
        services.push(wanted.filter((s) => !kept.includes(s)));
      });
      notes.push(`Affected services: ${wanted.length === 0 ? '(none)' : wanted.join(', ')}`);
    }
  }
  if (writes.length === 0) return { changed: false };
  return transact(doc, c, () => {
    for (const write of writes) write();
    for (const text of notes) {
      appendEntry(doc, types, { at: c.nowIso, kind: 'note', text, auto: true }, c);
    }
    return { changed: true };
  });
}
