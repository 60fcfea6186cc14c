import type * as Y from 'yjs';
import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { META } from './doc-layout';
import {
  appendEntry,
  parseArgs,
  requireIncident,
  resolveContext,
  transact,
  type Changed,
  type OpContext,
} from './op-context';

/** What happened to an alert an incident was declared from. */
export const alertEventSchema = z.enum(['fired', 'resolved']);

/** What happened to a source alert. */
export type AlertEvent = z.infer<typeof alertEventSchema>;

/** Arguments of {@link recordAlertEvent}. */
export const recordAlertEventArgsSchema = z
  .object({
    /** The alert's id (`<sourceId>:<fingerprint>`), as kept in the incident's source alerts. */
    alertId: z.string().min(1).max(1024),
    event: alertEventSchema,
    /** The alert's title, for the timeline text. */
    title: z.string().trim().min(1).max(500),
    /** When it happened at the source (a resolved alert's `endsAt`, a new `startsAt`). */
    at: isoTimeSchema,
  })
  .strict();

/** Arguments of {@link recordAlertEvent}. */
export type RecordAlertEventArgs = z.input<typeof recordAlertEventArgsSchema>;

interface StoredAlertState {
  state: AlertEvent;
  at: string;
}

/**
 * Put a change of a source alert on the timeline: it resolved, or fired again after resolving.
 * Written once per change: the same news from the next poll, or from another peer that watches
 * the same source, writes nothing. An alert the incident was not declared from is ignored, and
 * an alert is taken to be firing until its first recorded change (it was declared from).
 * @param doc - the incident's document
 * @param args - which alert, what happened, when
 * @param ctx - the app recording it (the author of the entry) and now
 */
export function recordAlertEvent(doc: Y.Doc, args: RecordAlertEventArgs, ctx: OpContext): Changed {
  const c = resolveContext(ctx);
  const a = parseArgs(recordAlertEventArgsSchema, args, 'recordAlertEvent');
  const types = requireIncident(doc);
  const sources = types.meta.get(META.sourceAlerts);
  const known =
    Array.isArray(sources) &&
    sources.some((s: unknown) => (s as { id?: unknown } | null)?.id === a.alertId);
  if (!known) return { changed: false };
  const last = types.alertStates.get(a.alertId) as StoredAlertState | undefined;
  if ((last?.state ?? 'fired') === a.event) return { changed: false };
  // A re-fired alert may carry its first start time; it cannot have fired before it resolved.
  const at = last !== undefined && Date.parse(a.at) < Date.parse(last.at) ? c.nowIso : a.at;
  return transact(doc, c, () => {
    types.alertStates.set(a.alertId, { state: a.event, at } satisfies StoredAlertState);
    const text =
      a.event === 'resolved' ? `Alert resolved: ${a.title}` : `Alert fired again: ${a.title}`;
    appendEntry(doc, types, { at, kind: 'alert', text, auto: true }, c);
    return { changed: true };
  });
}
