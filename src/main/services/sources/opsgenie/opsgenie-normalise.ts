import { alertId, type Alert } from '../../../../shared/domain/alert';
import type { Severity } from '../../../../shared/domain/severity';
import type { SeverityMapping } from '../alertmanager-normalise';
import type { OpsgenieAlert } from './opsgenie-schema';

/**
 * Opsgenie's priorities onto the internal scale: P1 critical … P5 informational. Fixed, not the
 * team's scale: Opsgenie's P1 is its worst whatever the team calls its levels. A source's (or
 * the team's) own words may still override (`"P3": "sev2"`).
 */
export const OPSGENIE_PRIORITIES: Readonly<Record<string, Severity>> = {
  P1: 'sev1',
  P2: 'sev2',
  P3: 'sev3',
  P4: 'sev4',
  P5: 'sev4',
};

/** Who the alerts belong to and how to read their priority. */
export interface OpsgenieNormaliseOptions extends SeverityMapping {
  readonly sourceId: string;
  /** Opsgenie's web app, for each alert's link; none for a custom API URL. */
  readonly webUrl?: string;
}

/**
 * Map Opsgenie's open alerts onto the normalised alert: acknowledged ones carry who and when,
 * snoozed ones are suppressed until the snooze ends.
 * @param alerts - the alerts as listed
 * @param options - source id, severity words and the web app's address
 */
export function normaliseOpsgenieAlerts(
  alerts: readonly OpsgenieAlert[],
  options: OpsgenieNormaliseOptions,
): Alert[] {
  return alerts.map((raw) => {
    const { severity, known } = priorityOf(raw.priority, options.severityWords);
    const labels: Record<string, string> = { alertname: raw.message, priority: raw.priority };
    if (raw.source) labels.source = raw.source;
    if (raw.entity) labels.entity = raw.entity;
    if (raw.tags.length > 0) labels.tags = raw.tags.join(',');
    const annotations: Record<string, string> = {};
    if (raw.tinyId) annotations.tinyId = raw.tinyId;
    if (raw.owner) annotations.owner = raw.owner;
    if (raw.snoozed && raw.snoozedUntil) annotations.snoozedUntil = raw.snoozedUntil;
    const createdAt = new Date(raw.createdAt);
    return {
      id: alertId(options.sourceId, raw.id),
      sourceId: options.sourceId,
      fingerprint: raw.id,
      status: raw.snoozed ? 'suppressed' : 'firing',
      severity,
      severityLabel: raw.priority,
      ...(!known && { severityUnmapped: true }),
      title: raw.message,
      labels,
      annotations,
      startsAt: createdAt.toISOString(),
      ...(raw.updatedAt && { updatedAt: new Date(raw.updatedAt).toISOString() }),
      ...(options.webUrl && { url: `${options.webUrl}/alert/detail/${raw.id}/details` }),
      ...(raw.acknowledged && {
        ack: {
          by: raw.report?.acknowledgedBy ?? raw.owner ?? 'someone in Opsgenie',
          // ackTime is milliseconds from creation to the acknowledgement.
          at: new Date(createdAt.getTime() + (raw.report?.ackTime ?? 0)).toISOString(),
          via: 'source' as const,
        },
      }),
    };
  });
}

function priorityOf(
  priority: string,
  words: Readonly<Record<string, Severity>>,
): { severity: Severity; known: boolean } {
  const own = Object.entries(words).find(([w]) => w.toUpperCase() === priority.toUpperCase());
  if (own) return { severity: own[1], known: true };
  const fixed = Object.hasOwn(OPSGENIE_PRIORITIES, priority)
    ? OPSGENIE_PRIORITIES[priority]
    : undefined;
  return fixed ? { severity: fixed, known: true } : { severity: 'sev3', known: false };
}
