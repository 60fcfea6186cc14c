import { severityRank } from '../../../shared/domain/severity';
import type { IncidentSummary } from '../../../shared/ipc/incident-schemas';

/** The incident list as the view shows it: open ones on top, closed ones below. */
export interface IncidentGroups {
  open: IncidentSummary[];
  closed: IncidentSummary[];
}

function time(iso: string | undefined): number {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Split and order the list: open incidents worst first, then newest declared; closed ones most
 * recently closed first. Main sends the list in this order already; sorting again keeps the view
 * right whatever order arrives (a list merged from teammates, an older app version).
 * @param incidents - the list
 */
export function groupIncidents(incidents: readonly IncidentSummary[]): IncidentGroups {
  const open = incidents
    .filter((i) => i.status !== 'closed')
    .sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        time(b.declaredAt) - time(a.declaredAt) ||
        a.id.localeCompare(b.id),
    );
  const closed = incidents
    .filter((i) => i.status === 'closed')
    .sort(
      (a, b) =>
        time(b.closedAt ?? b.declaredAt) - time(a.closedAt ?? a.declaredAt) ||
        a.id.localeCompare(b.id),
    );
  return { open, closed };
}
