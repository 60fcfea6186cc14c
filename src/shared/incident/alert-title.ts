import type { Alert } from '../domain/alert';
import { severityRank } from '../domain/severity';
import { MAX_TITLE_LENGTH } from './schema';

// Kept apart from create-incident (which writes a Yjs document): the declare dialog, loaded at
// start-up, prefills its title from here, so keeping yjs out of that bundle does not hang on how
// well the bundler shakes a module that imports it.

/**
 * Order alerts worst first, then earliest started, then by id (a stable order on every peer).
 * @param a - one alert
 * @param b - the other
 */
export function compareAlertsWorstFirst(a: Alert, b: Alert): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    Date.parse(a.startsAt) - Date.parse(b.startsAt) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * The title an incident declared from alerts gets: the `alertname` of the worst, earliest alert
 * (its title when it has none), with `(+N more)` when other alert names fire too.
 * @param alerts - the alerts, in any order
 */
export function titleFromAlerts(alerts: readonly Alert[]): string {
  const names: string[] = [];
  for (const alert of [...alerts].sort(compareAlertsWorstFirst)) {
    const name = (alert.labels.alertname ?? '').trim() || alert.title.trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  const first = names[0];
  if (first === undefined) return 'Untitled incident';
  const more = names.length > 1 ? ` (+${names.length - 1} more)` : '';
  return first.slice(0, MAX_TITLE_LENGTH - more.length) + more;
}

/** Labels that name where alerts fire, in the order a channel name prefers them. */
const SHARED_LABELS = ['service', 'job', 'app', 'namespace', 'cluster'] as const;

/**
 * What a chat channel for these alerts is best named after: what they share. One alert name
 * when they all carry it; else a `service` (then `job`, `app`, `namespace`, `cluster`) label
 * they all have; else the worst alert's name. Never the title's `(+N more)`, which a channel
 * would spell `-1-more`.
 * @param alerts - the alerts, in any order
 */
export function channelSubjectFromAlerts(alerts: readonly Alert[]): string | undefined {
  const sorted = [...alerts].sort(compareAlertsWorstFirst);
  const name = (alert: Alert): string =>
    (alert.labels.alertname ?? '').trim() || alert.title.trim();
  const names = [...new Set(sorted.map(name).filter((n) => n !== ''))];
  if (names.length <= 1) return names[0];
  for (const label of SHARED_LABELS) {
    const values = new Set(sorted.map((alert) => alert.labels[label]?.trim() ?? ''));
    const [only] = values;
    if (values.size === 1 && only !== undefined && only !== '') return only;
  }
  return names[0];
}
