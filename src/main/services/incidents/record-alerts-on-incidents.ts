import type { Alert } from '../../../shared/domain/alert';
import type { OpContext } from '../../../shared/incident/op-context';
import type { AlertChanges, IncidentStore } from './incident-store';

/** What the routing needs besides the store. */
export interface RecordAlertsDeps {
  /** The watched sources, for the name each source's entries are written in. */
  sources: () => readonly { sourceId: string; name: string }[];
  /** Who writes and when, before the source's name is put in as the actor. */
  context: () => OpContext;
}

/**
 * Source alerts resolving (or firing again, or silenced at their source) go on the timelines of
 * the incidents that follow them, one batch per source and written in the source's name: the
 * person on call did not type them.
 * @param store - the open incident store
 * @param change - the alerts that changed in one poll
 * @param deps - the source names and the op context
 */
export async function recordAlertsOnIncidents(
  store: IncidentStore,
  change: Required<AlertChanges>,
  deps: RecordAlertsDeps,
): Promise<void> {
  const count = change.added.length + change.changed.length + change.resolved.length;
  if (count === 0) return;
  const names = new Map(deps.sources().map((source) => [source.sourceId, source.name]));
  const bySource = new Map<string, { added: Alert[]; changed: Alert[]; resolved: Alert[] }>();
  const slot = (alert: Alert) => {
    const lists = bySource.get(alert.sourceId) ?? { added: [], changed: [], resolved: [] };
    bySource.set(alert.sourceId, lists);
    return lists;
  };
  change.added.forEach((alert) => slot(alert).added.push(alert));
  change.changed.forEach((alert) => slot(alert).changed.push(alert));
  change.resolved.forEach((alert) => slot(alert).resolved.push(alert));
  for (const [sourceId, lists] of bySource) {
    const actor = names.get(sourceId) ?? sourceId;
    await store.recordAlertChanges(lists, { ...deps.context(), actor });
  }
}
