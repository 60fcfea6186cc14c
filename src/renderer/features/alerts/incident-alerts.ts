import type { Severity } from '../../../shared/domain/severity';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';

/** An open incident an alert is part of: enough for its chip and "Open incident". */
export interface IncidentRef {
  id: string;
  title: string;
  severity: Severity;
}

/**
 * Which open incidents each alert is in, from the incidents' views (their `sourceAlerts` hold
 * the alerts declared from and those added later). Closed incidents are left out: an alert in
 * a closed one can be declared again.
 * @param views - the incidents' views
 */
export function incidentsByAlert(
  views: readonly IncidentView[],
): ReadonlyMap<string, readonly IncidentRef[]> {
  const index = new Map<string, IncidentRef[]>();
  for (const { incident } of views) {
    if (incident.status === 'closed') continue;
    const ref = { id: incident.id, title: incident.title, severity: incident.severity };
    for (const alert of incident.sourceAlerts) {
      const refs = index.get(alert.id);
      if (refs) refs.push(ref);
      else index.set(alert.id, [ref]);
    }
  }
  return index;
}
