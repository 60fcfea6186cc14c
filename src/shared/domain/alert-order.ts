import type { Alert, AlertStatus } from './alert';
import { severityRank } from './severity';

const STATUS_RANK: Record<AlertStatus, number> = { firing: 0, suppressed: 1, resolved: 2 };

/**
 * Order for the alert list: firing before suppressed before resolved, then worst severity first,
 * then newest first, then by id so the order never flickers between polls.
 * @param alerts - alerts in any order; not modified
 */
export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
      severityRank(a.severity) - severityRank(b.severity) ||
      Date.parse(b.startsAt) - Date.parse(a.startsAt) ||
      a.id.localeCompare(b.id),
  );
}
