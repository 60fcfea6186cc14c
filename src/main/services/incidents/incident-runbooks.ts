import {
  matchRunbooks,
  runbookMatchScore,
  type AlertLabels,
  type Runbook,
} from '../../../shared/domain/runbook';
import type { IncidentSnapshot } from '../../../shared/incident/schema';

/**
 * The label sets an incident's runbooks are matched on: the labels of each alert it was declared
 * from, or, for an incident declared from scratch, `{ service }` for each affected service.
 * @param incident - the incident
 */
export function incidentLabelSets(incident: IncidentSnapshot): AlertLabels[] {
  if (incident.sourceAlerts.length > 0) return incident.sourceAlerts.map((alert) => alert.labels);
  return incident.affectedServices.map((service) => ({ service }));
}

/**
 * The runbooks that match any of the label sets, each once, best first: ranked by its best
 * score over the sets (more matched labels first), then by title, then by id, as
 * {@link matchRunbooks} ranks the runbooks of one alert.
 * @param runbooks - the library
 * @param labelSets - one set per alert (or service)
 */
export function matchRunbooksForAny(
  runbooks: readonly Runbook[],
  labelSets: readonly AlertLabels[],
): Runbook[] {
  const best = new Map<Runbook, number>();
  for (const labels of labelSets) {
    for (const runbook of matchRunbooks(runbooks, labels)) {
      const score = runbookMatchScore(runbook.match, labels) ?? 0;
      best.set(runbook, Math.max(best.get(runbook) ?? 0, score));
    }
  }
  return [...best.entries()]
    .sort(
      ([a, aScore], [b, bScore]) =>
        bScore - aScore ||
        a.title.localeCompare(b.title, 'en') ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map(([runbook]) => runbook);
}
