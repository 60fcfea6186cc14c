import * as Y from 'yjs';
import { z } from 'zod';
import { alertSchema, isoTimeSchema } from '../domain/alert';
import { snapshotAlert } from './create-incident';
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
import { sourceAlertIds } from './read-incident';

/** What happened to an alert an incident was declared from. */
export const alertEventSchema = z.enum(['fired', 'resolved', 'suppressed']);

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

const EVENT_TEXT: Record<AlertEvent, (title: string) => string> = {
  resolved: (title) => `Alert resolved: ${title}`,
  suppressed: (title) => `Alert silenced or inhibited at its source: ${title}`,
  fired: (title) => `Alert fired again: ${title}`,
};

interface StoredAlertState {
  state: AlertEvent;
  at: string;
}

/**
 * Put a change of a source alert on the timeline: it resolved, was suppressed at its source
 * (silenced or inhibited), or fired again after either.
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
  if (!sourceAlertIds(types).has(a.alertId)) return { changed: false };
  const last = types.alertStates.get(a.alertId) as StoredAlertState | undefined;
  if ((last?.state ?? 'fired') === a.event) return { changed: false };
  // A re-fired alert may carry its first start time; it cannot have fired before it resolved.
  const at = last !== undefined && Date.parse(a.at) < Date.parse(last.at) ? c.nowIso : a.at;
  return transact(doc, c, () => {
    types.alertStates.set(a.alertId, { state: a.event, at } satisfies StoredAlertState);
    const text = EVENT_TEXT[a.event](a.title);
    appendEntry(doc, types, { at, kind: 'alert', text, auto: true }, c);
    return { changed: true };
  });
}

/** Arguments of {@link attachAlerts}: the alerts as the sources give them now. */
export const attachAlertsArgsSchema = z
  .object({ alerts: z.array(alertSchema).min(1).max(500) })
  .strict();

/** Arguments of {@link attachAlerts}. */
export type AttachAlertsArgs = z.input<typeof attachAlertsArgsSchema>;

/**
 * Add alerts that fired after the declaration to an incident: each is followed from then on
 * like the alerts it was declared from (its resolving goes on the timeline, its runbooks are
 * offered), put on the timeline at its start time, and its `service` label joins the affected
 * services. Alerts the incident already follows are skipped; the severity is left to people.
 * @param doc - the incident's document
 * @param args - the alerts
 * @param ctx - who adds them and when
 * @returns whether anything was added, and how many alerts
 */
export function attachAlerts(
  doc: Y.Doc,
  args: AttachAlertsArgs,
  ctx: OpContext,
): Changed & { added: number } {
  const c = resolveContext(ctx);
  const a = parseArgs(attachAlertsArgsSchema, args, 'attachAlerts');
  const types = requireIncident(doc);
  const known = sourceAlertIds(types);
  const fresh = a.alerts.filter((alert, i) => {
    const first = a.alerts.findIndex((other) => other.id === alert.id) === i;
    return first && !known.has(alert.id);
  });
  if (fresh.length === 0) return { changed: false, added: 0 };
  return transact(doc, c, () => {
    const services = types.meta.get(META.affectedServices);
    for (const alert of fresh) {
      const snapshot = snapshotAlert(alert);
      types.attachedAlerts.set(alert.id, snapshot);
      appendEntry(
        doc,
        types,
        { at: snapshot.startsAt, kind: 'alert', text: `Alert fired: ${alert.title}`, auto: true },
        c,
      );
      const service = alert.labels.service?.trim().slice(0, 200);
      if (service && services instanceof Y.Array && !services.toArray().includes(service)) {
        services.push([service]);
      }
    }
    const names = fresh.map((alert) => alert.title).join(', ');
    appendEntry(
      doc,
      types,
      { at: c.nowIso, kind: 'alert', text: `Added to the incident: ${names}`, auto: true },
      c,
    );
    return { changed: true, added: fresh.length };
  });
}
