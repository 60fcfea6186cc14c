import * as Y from 'yjs';
import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { describeIssues } from '../domain/describe-issues';
import {
  severityLabel,
  severityScaleSchema,
  type Severity,
  type SeverityScale,
} from '../domain/severity';
import { IncidentOpError } from './errors';
import { ENTRY, META, incidentTypes, newItemId, type IncidentTypes } from './doc-layout';
import { EVENT_TIME_GRACE_SECONDS, parseEventTime, timeZoneSchema } from './event-time';
import { actorSchema, type TimelineKind } from './schema';

/** The transaction origin of every operation unless the caller passes its own. */
export const INCIDENT_OP_ORIGIN = 'incident-op';

/**
 * Who does an operation and when, passed to every operation as its last argument.
 * Time is a parameter: operations never read a clock.
 */
export interface OpContext {
  /** The moment of the operation. */
  now: Date | string;
  /** Who does it: written as the author of timeline entries, ticks and assignments. */
  actor: string;
  /** The person's time zone, for typed times and the channel's date; UTC when left out. */
  timeZone?: string | undefined;
  /** The team's severity vocabulary, for the words written on the timeline; `sev1-4` by default. */
  severityScale?: SeverityScale | undefined;
  /**
   * How far ahead of `now` a typed time may lie (clocks differ, people round up);
   * `EVENT_TIME_GRACE_SECONDS` (15 min) when left out.
   */
  graceSeconds?: number | undefined;
  /** The Yjs transaction origin, so a provider can tell local edits apart. */
  origin?: unknown;
}

/** Schema of {@link OpContext}, for callers that receive it across a boundary. */
export const opContextSchema = z.object({
  now: z.union([z.date(), isoTimeSchema]),
  actor: actorSchema,
  timeZone: timeZoneSchema.optional(),
  severityScale: severityScaleSchema.optional(),
  graceSeconds: z.number().min(0).max(3600).optional(),
  origin: z.unknown().optional(),
});

/** What an operation that may find nothing to do reports. */
export interface Changed {
  /** False when the document already was as asked (nothing written, no timeline entry). */
  changed: boolean;
}

/** An {@link OpContext} checked and normalised. */
export interface ResolvedContext {
  nowMs: number;
  /** `now` as ISO 8601 UTC. */
  nowIso: string;
  actor: string;
  timeZone: string;
  scale: SeverityScale;
  graceSeconds: number;
  origin: unknown;
}

/**
 * Check an operation's context; refused with `invalid` when it is not usable.
 * @param ctx - the context as passed
 */
export function resolveContext(ctx: OpContext): ResolvedContext {
  const parsed = opContextSchema.safeParse(ctx);
  if (!parsed.success) {
    throw new IncidentOpError(
      'invalid',
      'The operation context is not valid.',
      describeIssues(parsed.error),
    );
  }
  const { now } = parsed.data;
  const nowMs = typeof now === 'string' ? Date.parse(now) : now.getTime();
  if (Number.isNaN(nowMs)) throw new IncidentOpError('invalid', '`now` is not a valid time.');
  return {
    nowMs,
    nowIso: new Date(nowMs).toISOString(),
    actor: parsed.data.actor,
    timeZone: parsed.data.timeZone ?? 'UTC',
    scale: parsed.data.severityScale ?? 'sev1-4',
    graceSeconds: parsed.data.graceSeconds ?? EVENT_TIME_GRACE_SECONDS,
    origin: ctx.origin ?? INCIDENT_OP_ORIGIN,
  };
}

/**
 * Check an operation's arguments against its schema; refused with `invalid`, one issue per field.
 * @param schema - the arguments' schema
 * @param args - the arguments as passed
 * @param operation - the operation's name, for the message
 */
export function parseArgs<S extends z.ZodType>(
  schema: S,
  args: unknown,
  operation: string,
): z.output<S> {
  const parsed = schema.safeParse(args);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error);
    throw new IncidentOpError('invalid', `${operation}: ${issues.join('; ')}`, issues);
  }
  return parsed.data;
}

/**
 * The document's types, refused with `not-created` when it holds no incident yet.
 * @param doc - the incident's document
 */
export function requireIncident(doc: Y.Doc): IncidentTypes {
  const types = incidentTypes(doc);
  if (typeof types.meta.get(META.id) !== 'string') {
    throw new IncidentOpError(
      'not-created',
      'This document holds no incident yet; create it, or wait for it to sync.',
    );
  }
  return types;
}

/**
 * Read a typed time (`14:23`, `2025-03-04 14:23`, an ISO instant) against the context's clock
 * and time zone; refused with `bad-time` and the reason.
 * @param input - what was typed
 * @param ctx - the resolved context
 * @param near - for a time of day, prefer the occurrence nearest this instant (an edit)
 */
export function typedTime(input: string, ctx: ResolvedContext, near?: string): string {
  const result = parseEventTime(input, {
    now: ctx.nowIso,
    timeZone: ctx.timeZone,
    graceSeconds: ctx.graceSeconds,
    near,
  });
  if (!result.ok) throw new IncidentOpError('bad-time', `Time ${result.error}.`);
  return result.at;
}

/**
 * Run the writes of an operation as one Yjs transaction with the context's origin. Checks that
 * can refuse happen before this, so a refused operation writes nothing.
 * @param doc - the incident's document
 * @param ctx - the resolved context
 * @param write - the writes
 */
export function transact<T>(doc: Y.Doc, ctx: ResolvedContext, write: () => T): T {
  let result: T | undefined;
  doc.transact(() => {
    result = write();
  }, ctx.origin);
  return result as T;
}

/** What an operation writes on the timeline. */
export interface NewEntry {
  at: string;
  kind: TimelineKind;
  text: string;
  auto: boolean;
}

/**
 * Append a timeline entry; call inside {@link transact}.
 * @param doc - the incident's document
 * @param types - its types
 * @param entry - the entry's event time, kind, text and whether an operation wrote it
 * @param ctx - the resolved context (author, creation time)
 * @returns the entry's id
 */
export function appendEntry(
  doc: Y.Doc,
  types: IncidentTypes,
  entry: NewEntry,
  ctx: ResolvedContext,
): string {
  const id = newItemId(doc);
  const map = new Y.Map<unknown>();
  map.set(ENTRY.id, id);
  map.set(ENTRY.at, entry.at);
  map.set(ENTRY.kind, entry.kind);
  map.set(ENTRY.text, entry.text);
  map.set(ENTRY.author, ctx.actor);
  map.set(ENTRY.auto, entry.auto);
  map.set(ENTRY.createdAt, ctx.nowIso);
  types.timeline.push([map]);
  return id;
}

/**
 * An instant as the timeline words it, always in UTC so readers in any zone agree:
 * `2025-03-04 14:23 UTC`, with seconds when they are not zero.
 * @param iso - an ISO 8601 instant
 */
export function wordTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  const seconds = text.slice(17, 19);
  return `${text.slice(0, 10)} ${text.slice(11, 16)}${seconds === '00' ? '' : `:${seconds}`} UTC`;
}

/**
 * A severity in the team's own vocabulary, for timeline text.
 * @param severity - the internal severity
 * @param ctx - the resolved context
 */
export function wordSeverity(severity: Severity, ctx: ResolvedContext): string {
  return severityLabel(severity, ctx.scale);
}

/**
 * `now` plus a number of minutes, as ISO 8601.
 * @param ctx - the resolved context
 * @param minutes - how many minutes later
 */
export function minutesAfterNow(ctx: ResolvedContext, minutes: number): string {
  return new Date(ctx.nowMs + minutes * 60_000).toISOString();
}
