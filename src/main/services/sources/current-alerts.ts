import type { Alert } from '../../../shared/domain/alert';
import { IpcFailure } from '../../../shared/ipc/result';

/**
 * The current alerts with these ids, in the order given (each once); refused as `not-found`,
 * naming every unknown id, so nothing is declared from an alert that has gone.
 * @param alerts - every alert the sources list now
 * @param alertIds - the ids the user picked
 */
export function currentAlerts(
  alerts: readonly Alert[],
  alertIds: readonly string[] | undefined,
): Alert[] {
  const ids = [...new Set(alertIds ?? [])];
  const current = new Map(alerts.map((alert) => [alert.id, alert]));
  const unknown = ids.filter((id) => !current.has(id));
  if (unknown.length > 0) {
    throw new IpcFailure(
      'not-found',
      `No current alert has the id ${unknown.map((id) => `"${id}"`).join(', ')}; it may have ` +
        'resolved or its source been removed. Pick from the alerts shown now.',
      unknown,
    );
  }
  return ids.flatMap((id) => current.get(id) ?? []);
}
