import * as Y from 'yjs';
import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { checklistItemApplies } from '../domain/incident-defaults';
import { UNKNOWN_SEVERITY, severitySchema, type Severity } from '../domain/severity';
import {
  ACTION_ITEM,
  ENTRY,
  META,
  incidentTypes,
  type IncidentTypes,
  type StoredStrike,
} from './doc-layout';
import { IncidentOpError } from './errors';
import type {
  TimelineChangesSince,
  TimelineReadCache,
  TimelineReading,
} from './timeline-read-cache';
import {
  INCIDENT_SCHEMA_VERSION,
  actorSchema,
  actionItemSchema,
  checklistItemStateSchema,
  incidentIdSchema,
  incidentSnapshotSchema,
  incidentStatusSchema,
  incidentTimeFieldSchema,
  runbookStepDoneSchema,
  sourceAlertSnapshotSchema,
  tickSchema,
  timelineEntrySchema,
  timelineKindSchema,
  type ActionItem,
  type ChecklistItemState,
  type ClosureState,
  type IncidentSnapshot,
  type IncidentTimes,
  type RoleState,
  type RunbookStepDone,
  type SourceAlertSnapshot,
  type TimelineEntry,
} from './schema';

const EPOCH = '1970-01-01T00:00:00.000Z';

/** Free text kept in meta (title, impact, channel): any string. */
const metaTextSchema = z.string();

const storedRoleSchema = z.object({
  name: z.string(),
  order: z.number().finite(),
  holder: actorSchema.optional(),
  assignedAt: isoTimeSchema.optional(),
  assignedBy: actorSchema.optional(),
});

const storedItemSchema = checklistItemStateSchema.pick({ id: true, text: true, severities: true });

const storedEntrySchema = timelineEntrySchema.omit({
  editedAt: true,
  editedBy: true,
  original: true,
  struck: true,
  strikes: true,
});

/**
 * True when the document holds an incident (it was created here, or has synced from a peer).
 * @param doc - the incident's document
 */
export function isIncidentCreated(doc: Y.Doc): boolean {
  return incidentIdSchema.safeParse(incidentTypes(doc).meta.get(META.id)).success;
}

/**
 * Read the incident as a plain, validated object for the UI, the same on every peer holding the
 * same updates. Parts that cannot be read (a newer or broken peer wrote them) are left out and
 * listed in `problems`, so one bad value never hides the whole incident.
 * @param doc - the incident's document
 * @param cache - entries read before and unchanged since (see `createTimelineReadCache`), for a
 *   long timeline read again after every change
 * @throws IncidentOpError `not-created` when the document holds no incident yet
 */
export function readIncident(doc: Y.Doc, cache?: TimelineReadCache): IncidentSnapshot {
  const types = incidentTypes(doc);
  const { meta } = types;
  const problems: string[] = [];
  const id = incidentIdSchema.safeParse(meta.get(META.id));
  if (!id.success) {
    throw new IncidentOpError(
      'not-created',
      'This document holds no incident yet; create it, or wait for it to sync.',
    );
  }
  const schemaVersion = meta.get(META.schemaVersion);
  const version =
    typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion > 0
      ? schemaVersion
      : INCIDENT_SCHEMA_VERSION;
  if (version > INCIDENT_SCHEMA_VERSION) {
    problems.push(
      `written by a newer version (layout ${version}); parts it added are not shown — update the app`,
    );
  }
  const read = <S extends z.ZodType>(key: string, schema: S): z.output<S> | undefined => {
    const value = meta.get(key);
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    problems.push(`meta.${key}: unreadable value, left out`);
    return undefined;
  };

  const severity = read(META.severity, severitySchema) ?? UNKNOWN_SEVERITY;
  const times: IncidentTimes = {};
  for (const field of incidentTimeFieldSchema.options) {
    const value = read(field, isoTimeSchema);
    if (value !== undefined) times[field] = value;
  }
  const cadence = meta.get(META.statusCadenceMinutes);
  const createdAt = read(META.createdAt, isoTimeSchema);
  const createdBy = read(META.createdBy, actorSchema);

  const snapshot: IncidentSnapshot = {
    schemaVersion: version,
    id: id.data,
    title: read(META.title, metaTextSchema) ?? '',
    severity,
    status: read(META.status, incidentStatusSchema) ?? 'investigating',
    impact: read(META.impact, metaTextSchema) ?? '',
    affectedServices: readServices(meta.get(META.affectedServices)),
    channel: read(META.channel, metaTextSchema) ?? '',
    times,
    sourceAlerts: readSourceAlerts(types, problems),
    statusCadenceMinutes:
      typeof cadence === 'number' && Number.isInteger(cadence) && cadence > 0 ? cadence : null,
    roles: readRoles(types, severity, problems),
    closure: readClosureFrom(types, severity, problems),
    runbookSteps: readRunbookSteps(types, problems),
    actionItems: readActionItems(types, problems),
    timeline: readTimeline(types, problems, cache),
    createdAt: createdAt ?? times.declaredAt ?? EPOCH,
    createdBy: createdBy ?? 'unknown',
    problems,
  };
  const nextUpdateDueAt = read(META.nextUpdateDueAt, isoTimeSchema);
  if (nextUpdateDueAt !== undefined) snapshot.nextUpdateDueAt = nextUpdateDueAt;
  const lastUpdateAt = read(META.lastUpdateAt, isoTimeSchema);
  if (lastUpdateAt !== undefined) snapshot.lastUpdateAt = lastUpdateAt;
  if (createdAt === undefined) problems.push('meta.createdAt: missing');
  if (createdBy === undefined) problems.push('meta.createdBy: missing');
  // Each timeline entry was checked as it was read (and kept from an earlier read while its map
  // did not change): checking 10,000 entries again on every change is what made a long incident
  // slow, and would also copy them all.
  const { timeline, ...rest } = snapshot;
  return { ...snapshotWithoutTimelineSchema.parse(rest), timeline };
}

const snapshotWithoutTimelineSchema = incidentSnapshotSchema.omit({ timeline: true });

/**
 * The closure checklist at the incident's current severity: every item, which are required,
 * which are done, and which required ones are still open.
 * @param doc - the incident's document
 */
export function readClosure(doc: Y.Doc): ClosureState {
  const types = incidentTypes(doc);
  const severity = severitySchema.safeParse(types.meta.get(META.severity));
  return readClosureFrom(types, severity.success ? severity.data : UNKNOWN_SEVERITY, []);
}

/**
 * Compare timeline entries the way the timeline is shown: by event time, then by when they were
 * written, then by id, so every peer shows the same order.
 * @param a - one entry
 * @param b - another
 */
export function compareTimelineEntries(
  a: Pick<TimelineEntry, 'at' | 'createdAt' | 'id'>,
  b: Pick<TimelineEntry, 'at' | 'createdAt' | 'id'>,
): number {
  return (
    Date.parse(a.at) - Date.parse(b.at) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Where the next status update stands at a given moment. */
export type StatusUpdateDue =
  | { state: 'none' }
  | { state: 'due'; dueAt: string; secondsLeft: number }
  | { state: 'overdue'; dueAt: string; secondsLate: number };

/**
 * Whether a status update is due, and how soon or how late, for the tray and the incident view.
 * @param snapshot - the incident as read by {@link readIncident}
 * @param now - the current moment
 */
export function statusUpdateDue(
  snapshot: Pick<IncidentSnapshot, 'nextUpdateDueAt'>,
  now: Date,
): StatusUpdateDue {
  if (snapshot.nextUpdateDueAt === undefined) return { state: 'none' };
  const left = Math.floor((Date.parse(snapshot.nextUpdateDueAt) - now.getTime()) / 1000);
  return left >= 0
    ? { state: 'due', dueAt: snapshot.nextUpdateDueAt, secondsLeft: left }
    : { state: 'overdue', dueAt: snapshot.nextUpdateDueAt, secondsLate: -left };
}

function readServices(value: unknown): string[] {
  if (!(value instanceof Y.Array)) return [];
  const seen = new Set<string>();
  for (const item of value.toArray()) {
    if (typeof item === 'string' && item.trim() !== '') seen.add(item);
  }
  return [...seen];
}

const recordedAlertState = z.object({
  state: z.enum(['fired', 'resolved', 'suppressed']),
  at: isoTimeSchema,
});

function readSourceAlerts(types: IncidentTypes, problems: string[]): SourceAlertSnapshot[] {
  const alerts: SourceAlertSnapshot[] = [];
  const value = types.meta.get(META.sourceAlerts);
  if (value !== undefined && !Array.isArray(value)) {
    problems.push('meta.sourceAlerts: unreadable value, left out');
  } else {
    (value ?? []).forEach((alert: unknown, index: number) => {
      const parsed = sourceAlertSnapshotSchema.safeParse(alert);
      if (parsed.success) alerts.push(parsed.data);
      else problems.push(`meta.sourceAlerts.${index}: unreadable alert, left out`);
    });
  }
  // Alerts added after the declaration, in the order they started; never twice.
  const attached: SourceAlertSnapshot[] = [];
  for (const id of sortedKeys(types.attachedAlerts)) {
    const parsed = sourceAlertSnapshotSchema.safeParse(types.attachedAlerts.get(id));
    if (!parsed.success) problems.push(`attachedAlerts.${id}: unreadable alert, left out`);
    else if (!alerts.some((alert) => alert.id === parsed.data.id)) attached.push(parsed.data);
  }
  attached.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return [...alerts, ...attached].map((alert) => {
    const recorded = recordedAlertState.safeParse(types.alertStates.get(alert.id));
    return recorded.success ? { ...alert, recorded: recorded.data } : alert;
  });
}

/**
 * The ids of every alert the incident follows: those it was declared from and those added since.
 * @param types - the incident's types
 */
export function sourceAlertIds(types: IncidentTypes): Set<string> {
  const ids = new Set<string>(types.attachedAlerts.keys());
  const declared = types.meta.get(META.sourceAlerts);
  if (Array.isArray(declared)) {
    for (const alert of declared) {
      const id = (alert as { id?: unknown } | null)?.id;
      if (typeof id === 'string') ids.add(id);
    }
  }
  return ids;
}

function sortedKeys(map: Y.Map<unknown>): string[] {
  return [...map.keys()].sort();
}

function readChecklist(
  types: IncidentTypes,
  items: unknown,
  severity: Severity,
  where: string,
  problems: string[],
): ChecklistItemState[] {
  if (!(items instanceof Y.Array)) {
    if (items !== undefined) problems.push(`${where}: unreadable checklist, left out`);
    return [];
  }
  const result: ChecklistItemState[] = [];
  items.toArray().forEach((raw: unknown, index) => {
    const item = storedItemSchema.safeParse(raw);
    if (!item.success) {
      problems.push(`${where}.${index}: unreadable checklist item, left out`);
      return;
    }
    const state: ChecklistItemState = {
      ...item.data,
      required: checklistItemApplies(item.data, severity),
    };
    const rawTick = types.checks.get(item.data.id);
    const tick = rawTick === undefined ? undefined : tickSchema.safeParse(rawTick);
    if (tick?.success) state.done = tick.data;
    result.push(state);
  });
  return result;
}

function readRoles(types: IncidentTypes, severity: Severity, problems: string[]): RoleState[] {
  const roles: (RoleState & { order: number })[] = [];
  for (const roleId of sortedKeys(types.roles)) {
    const stored = storedRoleSchema.safeParse(types.roles.get(roleId));
    if (!stored.success) {
      problems.push(`roles.${roleId}: unreadable role, left out`);
      continue;
    }
    const { order, name, holder, assignedAt, assignedBy } = stored.data;
    const role: RoleState & { order: number } = {
      id: roleId,
      name,
      order,
      checklist: readChecklist(
        types,
        types.checklists.get(roleId),
        severity,
        `checklists.${roleId}`,
        problems,
      ),
    };
    if (holder !== undefined) {
      role.holder = holder;
      if (assignedAt !== undefined) role.assignedAt = assignedAt;
      if (assignedBy !== undefined) role.assignedBy = assignedBy;
    }
    roles.push(role);
  }
  roles.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return roles.map(({ order: _order, ...role }) => role);
}

function readClosureFrom(
  types: IncidentTypes,
  severity: Severity,
  problems: string[],
): ClosureState {
  const items = readChecklist(types, types.closure, severity, 'closure', problems);
  const missing = items.filter((item) => item.required && !item.done).map((item) => item.id);
  return { items, missing, complete: missing.length === 0 };
}

function readRunbookSteps(types: IncidentTypes, problems: string[]): RunbookStepDone[] {
  const steps: RunbookStepDone[] = [];
  for (const key of sortedKeys(types.runbookSteps)) {
    const parsed = runbookStepDoneSchema.safeParse(types.runbookSteps.get(key));
    if (parsed.success) steps.push(parsed.data);
    else problems.push(`runbookSteps.${key}: unreadable step, left out`);
  }
  return steps;
}

function readActionItems(types: IncidentTypes, problems: string[]): ActionItem[] {
  const items: ActionItem[] = [];
  types.actionItems.toArray().forEach((raw: unknown, index) => {
    if (!(raw instanceof Y.Map)) {
      problems.push(`actionItems.${index}: unreadable action item, left out`);
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const key of Object.values(ACTION_ITEM)) {
      const value: unknown = raw.get(key);
      if (value !== undefined && value !== null) fields[key] = value;
    }
    const parsed = actionItemSchema.safeParse(fields);
    if (parsed.success) items.push(parsed.data);
    else problems.push(`actionItems.${index}: unreadable action item, left out`);
  });
  return items;
}

interface Edit {
  value: unknown;
  editedAt: string;
  editedBy: string;
}

function readEdit(raw: unknown): Edit | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const { value, editedAt, editedBy } = raw as Record<string, unknown>;
  if (!isoTimeSchema.safeParse(editedAt).success) return undefined;
  if (!actorSchema.safeParse(editedBy).success) return undefined;
  return { value, editedAt: editedAt as string, editedBy: editedBy as string };
}

function later(a: Edit | undefined, b: Edit | undefined): Edit | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const diff = Date.parse(a.editedAt) - Date.parse(b.editedAt);
  if (diff !== 0) return diff > 0 ? a : b;
  return a.editedBy >= b.editedBy ? a : b;
}

const storedStrikeSchema = z.object({
  struck: z.boolean(),
  at: isoTimeSchema,
  by: actorSchema,
});

// Oldest first; the same moment is ordered by who, so every peer agrees on the latest.
function readStrikes(raw: Y.Map<unknown>): StoredStrike[] {
  const strikes: StoredStrike[] = [];
  for (const [key, value] of raw.entries()) {
    if (!key.startsWith(ENTRY.strikePrefix)) continue;
    const parsed = storedStrikeSchema.safeParse(value);
    if (parsed.success) strikes.push(parsed.data);
  }
  return strikes.sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.by < b.by ? -1 : a.by > b.by ? 1 : 0),
  );
}

function readTimeline(
  types: IncidentTypes,
  problems: string[],
  cache: TimelineReadCache | undefined,
): TimelineEntry[] {
  const since = cache?.takeChanges();
  const placed = since && placeChanges(since, cache!);
  if (placed) {
    cache!.remember(placed);
    return placed.entries as TimelineEntry[];
  }
  const byMap = new WeakMap<Y.Map<unknown>, TimelineEntry>();
  const entries: TimelineEntry[] = [];
  const problemsBefore = problems.length;
  types.timeline.toArray().forEach((raw: unknown, index) => {
    if (!(raw instanceof Y.Map)) {
      problems.push(`timeline.${index}: unreadable entry, left out`);
      return;
    }
    const cached = cache?.get(raw);
    const read = cached === undefined ? readEntry(raw) : cached;
    if (cached === undefined) cache?.set(raw, read);
    if (read === null) problems.push(`timeline.${index}: unreadable entry, left out`);
    else {
      entries.push(read);
      byMap.set(raw, read);
    }
  });
  // Parse each time once, not once per comparison (nor once per read: entries kept in the cache
  // keep their parsed times too).
  const sorted = entries
    .map((entry) => ({ entry, ...parsedTimes(entry) }))
    .sort(
      (a, b) =>
        a.at - b.at ||
        a.createdAt - b.createdAt ||
        (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    )
    .map(({ entry }) => entry);
  // Problems name positions in the document: with any, the next reading is whole again.
  cache?.remember(problems.length === problemsBefore ? { entries: sorted, byMap } : undefined);
  return sorted;
}

/**
 * The last reading with what changed since put in place: each changed entry read again (and
 * moved if its time changed), each added one inserted where it sorts. Undefined when that is not
 * the same as a whole reading: an entry is unreadable, or ties with another (a whole reading
 * keeps such entries in document order).
 */
function placeChanges(
  { previous, added, changed }: TimelineChangesSince,
  cache: TimelineReadCache,
): TimelineReading | undefined {
  const entries = [...previous.entries];
  const byMap = previous.byMap;
  const readAgain = (map: Y.Map<unknown>): TimelineEntry | null => {
    const cached = cache.get(map);
    if (cached !== undefined) return cached;
    const read = readEntry(map);
    cache.set(map, read);
    return read;
  };
  for (const map of changed) {
    const old = byMap.get(map);
    const read = readAgain(map);
    const index = old === undefined ? -1 : entries.indexOf(old);
    if (read === null || index < 0) return undefined;
    byMap.set(map, read);
    if (compareTimelineEntries(old!, read) === 0) entries[index] = read;
    else {
      entries.splice(index, 1);
      if (!insertSorted(entries, read)) return undefined;
    }
  }
  for (const map of added) {
    const read = readAgain(map);
    if (read === null) return undefined;
    byMap.set(map, read);
    if (!insertSorted(entries, read)) return undefined;
  }
  return { entries, byMap };
}

// Binary search by the shown order; an entry added after the last one (the scribe's next line)
// is one comparison. False on a tie, where only the document order decides.
function insertSorted(entries: TimelineEntry[], entry: TimelineEntry): boolean {
  const last = entries[entries.length - 1];
  const afterLast = last === undefined ? 1 : compareByParsedTimes(entry, last);
  if (afterLast > 0) {
    entries.push(entry);
    return true;
  }
  if (afterLast === 0) return false;
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareByParsedTimes(entry, entries[mid] as TimelineEntry) > 0) low = mid + 1;
    else high = mid;
  }
  const before = entries[low - 1];
  if (compareByParsedTimes(entry, entries[low] as TimelineEntry) === 0) return false;
  if (before !== undefined && compareByParsedTimes(entry, before) === 0) return false;
  entries.splice(low, 0, entry);
  return true;
}

function compareByParsedTimes(a: TimelineEntry, b: TimelineEntry): number {
  const x = parsedTimes(a);
  const y = parsedTimes(b);
  return x.at - y.at || x.createdAt - y.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const times = new WeakMap<TimelineEntry, { at: number; createdAt: number }>();

function parsedTimes(entry: TimelineEntry): { at: number; createdAt: number } {
  let parsed = times.get(entry);
  if (parsed === undefined) {
    parsed = { at: Date.parse(entry.at), createdAt: Date.parse(entry.createdAt) };
    times.set(entry, parsed);
  }
  return parsed;
}

function readEntry(raw: Y.Map<unknown>): TimelineEntry | null {
  const base = storedEntrySchema.safeParse({
    id: raw.get(ENTRY.id),
    at: raw.get(ENTRY.at),
    kind: raw.get(ENTRY.kind),
    text: raw.get(ENTRY.text),
    author: raw.get(ENTRY.author),
    auto: raw.get(ENTRY.auto),
    createdAt: raw.get(ENTRY.createdAt),
  });
  if (!base.success) return null;
  const entry: TimelineEntry = { ...base.data };
  let latest: Edit | undefined;
  const text = readEdit(raw.get(ENTRY.editText));
  if (text && typeof text.value === 'string') {
    entry.text = text.value;
    latest = later(latest, text);
  }
  const at = readEdit(raw.get(ENTRY.editAt));
  if (at && isoTimeSchema.safeParse(at.value).success) {
    entry.at = at.value as string;
    latest = later(latest, at);
  }
  const kind = readEdit(raw.get(ENTRY.editKind));
  const parsedKind = kind && timelineKindSchema.safeParse(kind.value);
  if (kind && parsedKind?.success) {
    entry.kind = parsedKind.data;
    latest = later(latest, kind);
  }
  if (latest !== undefined) {
    entry.editedAt = latest.editedAt;
    entry.editedBy = latest.editedBy;
    entry.original = { at: base.data.at, kind: base.data.kind, text: base.data.text };
  }
  const strikes = readStrikes(raw);
  if (strikes.length > 0) {
    entry.strikes = strikes;
    const last = strikes[strikes.length - 1] as StoredStrike;
    if (last.struck) entry.struck = { at: last.at, by: last.by };
  }
  return entry;
}
