import { sortAlerts } from '../../../shared/domain/alert-order';
import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { severityLabel, type Severity } from '../../../shared/domain/severity';
import { defaultSource } from '../../../shared/domain/source';
import type { AppNotification, NotificationUrgency } from './notifier';

/** Labels that tell the person on call where the problem is, shown in that order. */
export const KEY_LABELS = ['service', 'instance'] as const;

/** How many alerts a summary notification names before "…and N more". */
export const SUMMARY_LISTED = 3;

const URGENCY: Record<Severity, NotificationUrgency> = {
  // Only the worst level may interrupt (critical notifications stay and bypass do-not-disturb
  // on most desktops); sev4 is informational.
  sev1: 'critical',
  sev2: 'normal',
  sev3: 'normal',
  sev4: 'low',
};

/**
 * How loudly a notification for this severity asks for attention.
 * @param severity - the alert's internal severity
 */
export function urgencyFor(severity: Severity): NotificationUrgency {
  return URGENCY[severity];
}

/**
 * The notification for one new firing alert: "SEV1 · HighErrorRate", then its summary, its
 * source and where it fires (service, instance).
 * @param alert - the alert
 * @param settings - for the team's severity vocabulary and the source's name
 */
export function alertNotification(alert: Alert, settings: Settings): AppNotification {
  const where = [
    sourceName(alert.sourceId, settings),
    ...KEY_LABELS.flatMap((key) => (alert.labels[key] ? [`${key}=${alert.labels[key]}`] : [])),
  ].join(' · ');
  const summary = alert.summary?.trim();
  return {
    title: alertHeadline(alert, settings),
    body: summary ? `${summary}\n${where}` : where,
    urgency: urgencyFor(alert.severity),
    alertId: alert.id,
  };
}

/**
 * One notification for many new alerts at once (for example on start, when many are already
 * firing): "7 alerts firing", the worst few by name, urgency from the worst.
 * @param alerts - the new alerts, at least one
 * @param settings - for the team's severity vocabulary and source names
 */
export function summaryNotification(alerts: readonly Alert[], settings: Settings): AppNotification {
  const ordered = sortAlerts(alerts);
  const lines = ordered
    .slice(0, SUMMARY_LISTED)
    .map((alert) => `${alertHeadline(alert, settings)} (${sourceName(alert.sourceId, settings)})`);
  const rest = ordered.length - SUMMARY_LISTED;
  if (rest > 0) lines.push(`…and ${rest} more`);
  const worst = ordered[0];
  return {
    title: `${alerts.length} alerts firing`,
    body: lines.join('\n'),
    urgency: worst ? urgencyFor(worst.severity) : 'normal',
  };
}

function alertHeadline(alert: Alert, settings: Settings): string {
  return `${severityLabel(alert.severity, settings.severityScale)} · ${alert.title}`;
}

function sourceName(sourceId: string, settings: Settings): string {
  const configured = settings.sources.find((source) => source.id === sourceId);
  if (configured) return configured.name;
  const fallback = defaultSource();
  return sourceId === fallback.id && settings.sources.length === 0 ? fallback.name : sourceId;
}
