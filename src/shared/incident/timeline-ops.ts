import * as Y from 'yjs';
import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { ENTRY, type StoredEdit, type StoredStrike } from './doc-layout';
import { IncidentOpError } from './errors';
import {
  appendEntry,
  parseArgs,
  requireIncident,
  resolveContext,
  transact,
  typedTime,
  type Changed,
  type OpContext,
} from './op-context';
import {
  entryTextSchema,
  manualTimelineKindSchema,
  typedTimeSchema,
  type TimelineKind,
} from './schema';

/**
 * Arguments of {@link addTimelineEntry}: what the scribe typed. `time` is the event time as
 * typed (`14:23`, `14:23:05`, `2025-03-04 14:23`, an ISO instant); left out, the event is now.
 */
export const addTimelineEntryArgsSchema = z
  .object({
    text: entryTextSchema,
    kind: manualTimelineKindSchema.default('note'),
    time: typedTimeSchema.optional(),
  })
  .strict();

/** Arguments of {@link addTimelineEntry}. */
export type AddTimelineEntryArgs = z.input<typeof addTimelineEntryArgsSchema>;

/** Arguments of {@link editTimelineEntry}: the entry and the fields to change, at least one. */
export const editTimelineEntryArgsSchema = z
  .object({
    id: z.string().min(1).max(100),
    text: entryTextSchema.optional(),
    kind: manualTimelineKindSchema.optional(),
    time: typedTimeSchema.optional(),
  })
  .strict()
  .refine((a) => a.text !== undefined || a.kind !== undefined || a.time !== undefined, {
    error: 'give at least one of text, kind, time',
  });

/** Arguments of {@link editTimelineEntry}. */
export type EditTimelineEntryArgs = z.input<typeof editTimelineEntryArgsSchema>;

/**
 * Add an entry the scribe wrote by hand. The event time is read from what was typed (see
 * `parseEventTime`: a time of day is the most recent such moment not in the future, in the
 * context's time zone); the entry is kept with its author and when it was written.
 * @param doc - the incident's document
 * @param args - the text, kind and typed time
 * @param ctx - who writes it and when; `timeZone` reads the typed time
 * @returns the new entry's id and its event time
 */
export function addTimelineEntry(
  doc: Y.Doc,
  args: AddTimelineEntryArgs,
  ctx: OpContext,
): { id: string; at: string } {
  const c = resolveContext(ctx);
  const a = parseArgs(addTimelineEntryArgsSchema, args, 'addTimelineEntry');
  const types = requireIncident(doc);
  const at = a.time === undefined ? c.nowIso : typedTime(a.time, c);
  return transact(doc, c, () => {
    const id = appendEntry(doc, types, { at, kind: a.kind, text: a.text, auto: false }, c);
    return { id, at };
  });
}

const manualKinds = new Set<string>(manualTimelineKindSchema.options);

function findEntry(timeline: Y.Array<unknown>, id: string): Y.Map<unknown> | undefined {
  for (const raw of timeline) {
    if (raw instanceof Y.Map && raw.get(ENTRY.id) === id) return raw as Y.Map<unknown>;
  }
  return undefined;
}

function requireEntry(timeline: Y.Array<unknown>, id: string): Y.Map<unknown> {
  const entry = findEntry(timeline, id);
  if (entry === undefined) {
    throw new IncidentOpError('not-found', `This incident has no timeline entry "${id}".`);
  }
  return entry;
}

function requireHandWritten(entry: Y.Map<unknown>): void {
  const baseKind = entry.get(ENTRY.kind);
  if (
    entry.get(ENTRY.auto) !== false ||
    typeof baseKind !== 'string' ||
    !manualKinds.has(baseKind)
  ) {
    throw new IncidentOpError(
      'read-only',
      'This entry was written by the app and records what happened; correct the thing itself, or add a note.',
    );
  }
}

function current(entry: Y.Map<unknown>, editKey: string, baseKey: string): unknown {
  const edit = entry.get(editKey);
  if (edit !== null && typeof edit === 'object' && 'value' in edit) {
    return (edit as StoredEdit).value;
  }
  return entry.get(baseKey);
}

/**
 * Edit an entry written by hand: its text, kind or event time. The original author and text stay;
 * each changed field keeps who changed it and when (`editedAt`/`editedBy` show the latest), so
 * two people fixing different fields of one entry at the same time both keep their change.
 * A typed time of day means the occurrence nearest the entry's current event time.
 * Entries written by operations (severity changes, ticks, status updates, …) are `read-only`:
 * correct what they record instead, or add a note.
 * @param doc - the incident's document
 * @param args - the entry's id and the fields to change
 * @param ctx - who edits it and when
 */
export function editTimelineEntry(
  doc: Y.Doc,
  args: EditTimelineEntryArgs,
  ctx: OpContext,
): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(editTimelineEntryArgsSchema, args, 'editTimelineEntry');
  const types = requireIncident(doc);
  const entry = requireEntry(types.timeline, a.id);
  requireHandWritten(entry);
  const currentAt = current(entry, ENTRY.editAt, ENTRY.at);
  const near = isoTimeSchema.safeParse(currentAt).success ? (currentAt as string) : undefined;
  const at = a.time === undefined ? undefined : typedTime(a.time, c, near);
  const edits: [string, string][] = [];
  if (a.text !== undefined && a.text !== current(entry, ENTRY.editText, ENTRY.text)) {
    edits.push([ENTRY.editText, a.text]);
  }
  if (
    a.kind !== undefined &&
    a.kind !== (current(entry, ENTRY.editKind, ENTRY.kind) as TimelineKind)
  ) {
    edits.push([ENTRY.editKind, a.kind]);
  }
  if (at !== undefined && (near === undefined || Date.parse(near) !== Date.parse(at))) {
    edits.push([ENTRY.editAt, at]);
  }
  if (edits.length === 0) return { changed: false };
  return transact(doc, c, () => {
    for (const [key, value] of edits) {
      const edit: StoredEdit = { value, editedAt: c.nowIso, editedBy: c.actor };
      entry.set(key, edit);
    }
    return { changed: true };
  });
}

/** Arguments of {@link strikeTimelineEntry}: the entry, and whether to strike it or restore it. */
export const strikeTimelineEntryArgsSchema = z
  .object({
    id: z.string().min(1).max(100),
    /** True strikes the entry out; false restores it. */
    struck: z.boolean(),
  })
  .strict();

/** Arguments of {@link strikeTimelineEntry}. */
export type StrikeTimelineEntryArgs = z.input<typeof strikeTimelineEntryArgsSchema>;

function isStruck(entry: Y.Map<unknown>): boolean {
  let latest: StoredStrike | undefined;
  for (const [key, value] of entry.entries()) {
    if (!key.startsWith(ENTRY.strikePrefix) || value === null || typeof value !== 'object') {
      continue;
    }
    const strike = value as StoredStrike;
    if (
      latest === undefined ||
      Date.parse(strike.at) > Date.parse(latest.at) ||
      (Date.parse(strike.at) === Date.parse(latest.at) && strike.by > latest.by)
    ) {
      latest = strike;
    }
  }
  return latest?.struck === true;
}

/**
 * Strike a hand-written entry out (it was wrong, or said twice), or restore a struck one. Nothing
 * is deleted: the entry stays on the timeline, shown struck out, its text and edits kept, and
 * every strike and restore is kept with who did it and when (`strikes` when read), so a
 * post-mortem can tell what was withdrawn. Each strike or restore is its own record, so two people
 * striking and restoring at once both keep theirs; the latest decides. Striking a struck entry (or
 * restoring one that is not) changes nothing. App-written entries are `read-only`, as for edits.
 * @param doc - the incident's document
 * @param args - the entry's id and `struck`: true to strike, false to restore
 * @param ctx - who does it and when
 */
export function strikeTimelineEntry(
  doc: Y.Doc,
  args: StrikeTimelineEntryArgs,
  ctx: OpContext,
): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(strikeTimelineEntryArgsSchema, args, 'strikeTimelineEntry');
  const types = requireIncident(doc);
  const entry = requireEntry(types.timeline, a.id);
  requireHandWritten(entry);
  if (isStruck(entry) === a.struck) return { changed: false };
  return transact(doc, c, () => {
    const strike: StoredStrike = { struck: a.struck, at: c.nowIso, by: c.actor };
    entry.set(`${ENTRY.strikePrefix}${c.nowIso}:${c.actor}`, strike);
    return { changed: true };
  });
}
