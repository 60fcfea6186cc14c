import type { Alert } from '../../../shared/domain/alert';
import { KEY_LABELS } from './alert-fields';

/** How many values of the telling label the group line names before "+N more". */
const BREAKDOWN_VALUES = 4;

/** Labels never worth a chip on a row: the group line names the first, the badge the second. */
const NOT_SHOWN = new Set(['alertname', 'severity']);

/** Alerts of one alertname, as karma and Alertmanager group them. */
export interface AlertGroup {
  /** `group:<alertname>`, unique among groups and never an alert id. */
  key: string;
  name: string;
  /** Worst and newest first, as the list orders them. */
  alerts: readonly Alert[];
  /** Label names whose values are not the same on every alert of the group, by name. */
  differing: readonly string[];
  /**
   * The differing label that splits the group into the fewest parts, and how many alerts have
   * each value ("checkout 4 · payments 4 · search 4"); none for a single alert.
   */
  breakdown:
    | {
        label: string;
        values: ReadonlyArray<[string, number]>;
        more: number;
        /** Every alert has its own value: counts say nothing, so none are shown. */
        unique: boolean;
      }
    | undefined;
}

/**
 * Group alerts by `alertname` (the title when there is none). Groups keep the order of their
 * first alert, so worst first stays; so do the alerts inside. Linear in the alerts and their
 * labels, so thousands group in a few milliseconds.
 * @param alerts - in list order
 */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  const byName = new Map<string, Alert[]>();
  for (const alert of alerts) {
    const name = alert.labels.alertname ?? alert.title;
    const members = byName.get(name);
    if (members) members.push(alert);
    else byName.set(name, [alert]);
  }
  return [...byName].map(([name, members]) => {
    const differing = differingLabels(members);
    return {
      key: `group:${name}`,
      name,
      alerts: members,
      differing,
      breakdown: breakdownOf(members, differing),
    };
  });
}

function differingLabels(alerts: readonly Alert[]): string[] {
  if (alerts.length < 2) return [];
  const first = alerts[0]?.labels ?? {};
  const names = new Set<string>();
  for (const alert of alerts) for (const name of Object.keys(alert.labels)) names.add(name);
  return [...names]
    .filter((name) => !NOT_SHOWN.has(name))
    .filter((name) => alerts.some((alert) => alert.labels[name] !== first[name]))
    .sort((a, b) => keyRank(a) - keyRank(b) || a.localeCompare(b));
}

function keyRank(name: string): number {
  const index = (KEY_LABELS as readonly string[]).indexOf(name);
  return index === -1 ? KEY_LABELS.length : index;
}

function breakdownOf(
  alerts: readonly Alert[],
  differing: readonly string[],
): AlertGroup['breakdown'] {
  let best: Map<string, number> | undefined;
  let bestLabel: string | undefined;
  for (const label of differing) {
    const counts = new Map<string, number>();
    for (const alert of alerts) {
      const value = alert.labels[label] ?? '—';
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    // Fewest parts tells most at a glance; `differing` is in key-label order, so ties keep it.
    if (best === undefined || counts.size < best.size) {
      best = counts;
      bestLabel = label;
    }
  }
  if (best === undefined || bestLabel === undefined) return undefined;
  const values = [...best].sort(
    ([a, m], [b, n]) => n - m || a.localeCompare(b, undefined, { numeric: true }),
  );
  return {
    label: bestLabel,
    values: values.slice(0, BREAKDOWN_VALUES),
    more: Math.max(0, values.length - BREAKDOWN_VALUES),
    unique: values.length === alerts.length,
  };
}

/**
 * The labels a row shows: those that differ within its group (so `pod` appears when it is what
 * tells the rows apart), or, for an alert alone in its group, where it lives (service, instance…).
 * @param alert - the alert
 * @param group - its group
 */
export function rowLabels(
  alert: Alert,
  group: Pick<AlertGroup, 'differing'>,
): Array<{ name: string; value: string }> {
  const names = group.differing.length > 0 ? group.differing : KEY_LABELS;
  return names.flatMap((name) => {
    const value = alert.labels[name];
    return value === undefined || value === '' ? [] : [{ name, value }];
  });
}
