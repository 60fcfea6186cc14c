import { INCIDENT_COMMANDER_ROLE_ID } from '../../../shared/domain/incident-defaults';
import { severityRank } from '../../../shared/domain/severity';
import type { IncidentSnapshot } from '../../../shared/incident/schema';
import type { IncidentSummary } from '../../../shared/ipc/incident-schemas';

/**
 * One incident as the list shows it.
 * @param incident - the incident as read
 * @param warning - set when its record needed repair when it was opened
 */
export function summariseIncident(incident: IncidentSnapshot, warning?: string): IncidentSummary {
  const summary: IncidentSummary = {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
    channel: incident.channel,
  };
  const { declaredAt, closedAt } = incident.times;
  if (declaredAt !== undefined) summary.declaredAt = declaredAt;
  if (closedAt !== undefined) summary.closedAt = closedAt;
  if (incident.nextUpdateDueAt !== undefined) summary.nextUpdateDueAt = incident.nextUpdateDueAt;
  const commander = incident.roles.find((role) => role.id === INCIDENT_COMMANDER_ROLE_ID)?.holder;
  if (commander !== undefined) summary.commander = commander;
  if (warning !== undefined) summary.warning = warning;
  return summary;
}

/**
 * The list order: open incidents first (worst severity, then newest declared), then closed ones
 * newest first. "Open" is anything not closed: a resolved incident still has its closure
 * checklist to finish. Ties fall back to the id, so every run lists the same order.
 * @param a - one incident
 * @param b - another
 */
export function compareIncidentSummaries(a: IncidentSummary, b: IncidentSummary): number {
  const aClosed = a.status === 'closed';
  const bClosed = b.status === 'closed';
  if (aClosed !== bClosed) return aClosed ? 1 : -1;
  if (!aClosed) {
    const bySeverity = severityRank(a.severity) - severityRank(b.severity);
    if (bySeverity !== 0) return bySeverity;
  }
  return newest(a, b) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function newest(a: IncidentSummary, b: IncidentSummary): number {
  const at = (s: IncidentSummary) => (s.declaredAt === undefined ? 0 : Date.parse(s.declaredAt));
  return at(b) - at(a);
}
