import type { Alert } from '../../../../shared/domain/alert';
import { severityRank } from '../../../../shared/domain/severity';
import type { SourceAlertSnapshot } from '../../../../shared/incident/schema';

/**
 * Where an incident's alert stands now, by the app's alert list: `gone` once its source no longer
 * lists it (resolved alerts stay listed an hour, then drop out), `unknown` before the list loaded.
 */
export type AlertStateNow = 'firing' | 'silenced' | 'resolved' | 'gone' | 'unknown';

/** The words for each state, as the incident's alerts section shows them. */
export const ALERT_STATE_WORDS: Readonly<Record<AlertStateNow, string>> = {
  firing: 'firing',
  silenced: 'silenced',
  resolved: 'resolved',
  gone: 'no longer reported',
  unknown: 'not known yet',
};

/** One alert of the incident, as its alerts section shows it. */
export interface IncidentAlertRow {
  /** What the incident kept of the alert when it was added. */
  alert: SourceAlertSnapshot;
  state: AlertStateNow;
  /** When it ended, for a resolved alert whose end the source told. */
  endedAt: string | undefined;
  /** Who acknowledged it, when someone did. */
  ackBy: string | undefined;
  /** The labels that say what and where, as chips. */
  labels: Array<{ name: string; value: string }>;
}

/** Labels that say what fired and where, in this order. */
const ROW_LABELS = ['alertname', 'service', 'instance'] as const;

/** Still needs someone first; then what may need a look; settled ones last. */
const STATE_ORDER: Readonly<Record<AlertStateNow, number>> = {
  firing: 0,
  silenced: 1,
  unknown: 2,
  resolved: 3,
  gone: 4,
};

/**
 * The incident's alerts with their state now, still-firing first (then worst, then earliest), so
 * the ones that need attention are on top and acknowledged or resolved ones stay in view.
 * @param sourceAlerts - the incident's alerts (declared from and added since)
 * @param current - the app's alert list; undefined while it has not loaded
 */
export function incidentAlertRows(
  sourceAlerts: readonly SourceAlertSnapshot[],
  current: readonly Alert[] | undefined,
): IncidentAlertRow[] {
  const byId = new Map((current ?? []).map((alert) => [alert.id, alert]));
  const rows = sourceAlerts.map((alert): IncidentAlertRow => {
    const now = byId.get(alert.id);
    // Once the source no longer lists it, what the incident recorded still says it resolved.
    const recordedEnd = alert.recorded?.state === 'resolved' ? alert.recorded.at : undefined;
    const state: AlertStateNow =
      now === undefined && recordedEnd !== undefined
        ? 'resolved'
        : current === undefined
          ? 'unknown'
          : now === undefined
            ? 'gone'
            : now.status === 'suppressed'
              ? 'silenced'
              : now.status;
    return {
      alert,
      state,
      endedAt: state === 'resolved' ? (now?.endsAt ?? recordedEnd) : undefined,
      ackBy: now?.ack?.by,
      labels: rowLabels(alert),
    };
  });
  return rows.sort(
    (a, b) =>
      STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
      severityRank(a.alert.severity) - severityRank(b.alert.severity) ||
      Date.parse(a.alert.startsAt) - Date.parse(b.alert.startsAt) ||
      a.alert.id.localeCompare(b.alert.id),
  );
}

/**
 * The labels shown on a row: alertname, service, instance. The alertname is left out when it is
 * the row's title already (an Alertmanager alert is titled by it), to not say it twice.
 * @param alert - the incident's alert
 */
export function rowLabels(alert: SourceAlertSnapshot): Array<{ name: string; value: string }> {
  return ROW_LABELS.flatMap((name) => {
    const value = alert.labels[name]?.trim();
    if (value === undefined || value === '') return [];
    if (name === 'alertname' && value === alert.title.trim()) return [];
    return [{ name, value }];
  });
}

/**
 * `2 firing · 1 resolved`: the states of the incident's alerts, in the order rows are sorted.
 * @param rows - the rows
 */
export function incidentAlertsSummary(rows: readonly IncidentAlertRow[]): string {
  if (rows.length === 0) return 'none';
  const counts = new Map<AlertStateNow, number>();
  for (const row of rows) counts.set(row.state, (counts.get(row.state) ?? 0) + 1);
  return (Object.keys(STATE_ORDER) as AlertStateNow[])
    .filter((state) => counts.has(state))
    .map((state) => `${counts.get(state)} ${ALERT_STATE_WORDS[state]}`)
    .join(' · ');
}
