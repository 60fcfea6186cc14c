import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import { IpcFailure } from '../../../shared/ipc/result';
import type { IncidentStore } from './incident-store';

/**
 * The incident with this id, or the IPC answer saying why there is none: `unavailable` with the
 * reason when its record cannot be read, else `not-found`.
 * @param store - the open incident store
 * @param id - the incident asked for
 */
export function requireIncidentView(store: IncidentStore, id: string): IncidentView {
  const view = store.get(id);
  if (view) return view;
  // Asked of the store, not the list: a dismissed notice leaves the incident unavailable.
  const reason = store.unreadableReason(id);
  throw reason !== undefined
    ? new IpcFailure('unavailable', reason)
    : new IpcFailure('not-found', `There is no incident ${id}.`);
}
