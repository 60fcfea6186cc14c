import * as Y from 'yjs';
import { z } from 'zod';
import { alertSchema, type Alert } from '../domain/alert';
import {
  DEFAULT_INCIDENT_DEFAULTS,
  incidentDefaultsSchema,
  type ChecklistItemDefault,
} from '../domain/incident-defaults';
import { severitySchema, type Severity } from '../domain/severity';
import { channelSubjectFromAlerts, compareAlertsWorstFirst, titleFromAlerts } from './alert-title';
import { suggestChannelName } from './channel';
import { META, incidentTypes, type StoredChecklistItem, type StoredRole } from './doc-layout';
import { IncidentOpError } from './errors';
import {
  appendEntry,
  minutesAfterNow,
  parseArgs,
  resolveContext,
  transact,
  typedTime,
  wordSeverity,
  type OpContext,
} from './op-context';
import {
  INCIDENT_SCHEMA_VERSION,
  channelSchema,
  impactSchema,
  incidentIdSchema,
  serviceNameSchema,
  titleSchema,
  typedTimeSchema,
  type SourceAlertSnapshot,
} from './schema';

/**
 * Arguments of {@link createIncident}: either `title` and `severity` (declared by hand), or the
 * `alerts` it is declared from (then both are derived unless given).
 */
export const createIncidentArgsSchema = z
  .object({
    /** The incident's id, also its document name and journal file name. */
    id: incidentIdSchema,
    title: titleSchema.optional(),
    severity: severitySchema.optional(),
    impact: impactSchema.optional(),
    affectedServices: z.array(serviceNameSchema).max(100).optional(),
    /** The chat channel; suggested from the title and date when left out. */
    channel: channelSchema.optional(),
    /** The alerts the incident is declared from. */
    alerts: z.array(alertSchema).max(500).optional(),
    /** When the problem was detected, if not when the first alert started (typed or ISO). */
    detectedAt: typedTimeSchema.optional(),
    /** When someone acknowledged it, if not recorded on the alerts (typed or ISO). */
    acknowledgedAt: typedTimeSchema.optional(),
    /** Roles, checklists, cadence and closure checklist; the product's defaults if left out. */
    defaults: incidentDefaultsSchema.optional(),
  })
  .strict()
  .refine(
    (args) =>
      (args.alerts?.length ?? 0) > 0 || (args.title !== undefined && args.severity !== undefined),
    {
      error: 'give a title and a severity, or the alerts the incident is declared from',
    },
  );

/** Arguments of {@link createIncident}. */
export type CreateIncidentArgs = z.input<typeof createIncidentArgsSchema>;

/**
 * Write a new incident into an empty document: meta, the roles and their checklists, the closure
 * checklist, and the first timeline entries (each source alert firing, the acknowledgement if
 * known, the declaration).
 *
 * From alerts: the labels and start times are kept as a snapshot; `detectedAt` is the earliest
 * `startsAt`, `acknowledgedAt` the earliest acknowledgement; the severity is the worst alert's;
 * the title is the `alertname` of the worst, earliest alert (`+N more` when several names fire);
 * affected services are the alerts' `service` labels. Anything given in `args` wins.
 *
 * The first status update falls due one cadence after now, at the incident's severity.
 * @param doc - an empty document; refused with `already-created` if it holds an incident
 * @param args - see {@link createIncidentArgsSchema}
 * @param ctx - who declares it and when; `timeZone` dates the channel and reads typed times
 */
export function createIncident(doc: Y.Doc, args: CreateIncidentArgs, ctx: OpContext): void {
  const c = resolveContext(ctx);
  const a = parseArgs(createIncidentArgsSchema, args, 'createIncident');
  const types = incidentTypes(doc);
  if (types.meta.get(META.id) !== undefined) {
    throw new IncidentOpError(
      'already-created',
      `This document already holds incident "${String(types.meta.get(META.id))}".`,
    );
  }
  const defaults = a.defaults ?? DEFAULT_INCIDENT_DEFAULTS;
  const alerts = [...(a.alerts ?? [])].sort(compareAlertsWorstFirst);
  const severity: Severity = a.severity ?? alerts[0]?.severity ?? 'sev3';
  const title = a.title ?? titleFromAlerts(alerts);
  const detectedAt =
    a.detectedAt !== undefined
      ? typedTime(a.detectedAt, c)
      : (earliest(alerts.map((alert) => alert.startsAt)) ?? c.nowIso);
  const ack = earliestAck(alerts);
  const acknowledgedAt = a.acknowledgedAt !== undefined ? typedTime(a.acknowledgedAt, c) : ack?.at;
  const services = a.affectedServices ?? servicesFromAlerts(alerts);
  const cadence = defaults.statusCadenceMinutes[severity];

  transact(doc, c, () => {
    const { meta, roles, checklists, closure } = types;
    meta.set(META.schemaVersion, INCIDENT_SCHEMA_VERSION);
    meta.set(META.id, a.id);
    meta.set(META.title, title);
    meta.set(META.severity, severity);
    meta.set(META.status, 'investigating');
    meta.set(META.impact, a.impact ?? '');
    meta.set(META.affectedServices, Y.Array.from([...new Set(services)]));
    // A title the app derived from the alerts names the channel after what they share instead.
    const subject = a.title === undefined ? (channelSubjectFromAlerts(alerts) ?? title) : title;
    meta.set(META.channel, a.channel ?? suggestChannelName(subject, c.nowIso, c.timeZone));
    meta.set(META.detectedAt, detectedAt);
    if (acknowledgedAt !== undefined) meta.set(META.acknowledgedAt, acknowledgedAt);
    meta.set(META.declaredAt, c.nowIso);
    meta.set(META.sourceAlerts, alerts.map(snapshotAlert));
    meta.set(META.cadenceBySeverity, { ...defaults.statusCadenceMinutes });
    meta.set(META.statusCadenceMinutes, cadence);
    if (cadence !== null) meta.set(META.nextUpdateDueAt, minutesAfterNow(c, cadence));
    meta.set(META.createdAt, c.nowIso);
    meta.set(META.createdBy, c.actor);

    defaults.roles.forEach((role, order) => {
      const stored: StoredRole = { name: role.name, order };
      roles.set(role.id, stored);
      checklists.set(role.id, Y.Array.from(role.checklist.map(storeItem)));
    });
    closure.push(defaults.closureChecklist.map(storeItem));

    for (const alert of alerts) {
      appendEntry(
        doc,
        types,
        {
          at: normalIso(alert.startsAt),
          kind: 'alert',
          text: `Alert fired: ${alert.title}`,
          auto: true,
        },
        c,
      );
    }
    if (alerts.length === 0 && a.detectedAt !== undefined) {
      appendEntry(doc, types, { at: detectedAt, kind: 'note', text: 'Detected', auto: true }, c);
    }
    if (acknowledgedAt !== undefined) {
      const by = a.acknowledgedAt === undefined ? ack?.by : undefined;
      appendEntry(
        doc,
        types,
        {
          at: acknowledgedAt,
          kind: 'alert',
          text: by === undefined ? 'Acknowledged' : `Acknowledged by ${by}`,
          auto: true,
        },
        c,
      );
    }
    appendEntry(
      doc,
      types,
      {
        at: c.nowIso,
        kind: 'declared',
        text: `Declared ${wordSeverity(severity, c)}: ${title}`,
        auto: true,
      },
      c,
    );
  });
}

function normalIso(iso: string): string {
  return new Date(Date.parse(iso)).toISOString();
}

function storeItem(item: ChecklistItemDefault): StoredChecklistItem {
  const stored: StoredChecklistItem = { id: item.id, text: item.text };
  if (item.severities !== undefined) stored.severities = [...item.severities];
  return stored;
}

function earliest(times: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const time of times) {
    if (best === undefined || Date.parse(time) < Date.parse(best)) best = time;
  }
  return best === undefined ? undefined : normalIso(best);
}

function earliestAck(alerts: readonly Alert[]): { at: string; by: string } | undefined {
  const acks = alerts.flatMap((alert) => (alert.ack ? [alert.ack] : []));
  const at = earliest(acks.map((ack) => ack.at));
  if (at === undefined) return undefined;
  const first = acks.find((ack) => Date.parse(ack.at) === Date.parse(at));
  return { at, by: first?.by ?? '' };
}

function servicesFromAlerts(alerts: readonly Alert[]): string[] {
  return alerts.flatMap((alert) => {
    const service = alert.labels.service?.trim();
    return service ? [service.slice(0, 200)] : [];
  });
}

/**
 * What an incident keeps of an alert: its id, title, severity, labels and start time.
 * @param alert - the alert as the source gave it
 */
export function snapshotAlert(alert: Alert): SourceAlertSnapshot {
  return {
    id: alert.id,
    title: alert.title,
    severity: alert.severity,
    labels: { ...alert.labels },
    startsAt: normalIso(alert.startsAt),
  };
}
