import type { SyncState } from '../../../shared/sync/sync-state';

/** How the sync indicator colours a state; the words always say the same thing. */
export type SyncTone = 'off' | 'ok' | 'busy' | 'warn' | 'danger';

/**
 * The indicator's colour for a state: green only for `synced`; amber while changes wait or the
 * app is offline (work goes on, it is not shared yet); red when the server refused.
 * @param state - the sync state
 */
export function syncTone(state: SyncState): SyncTone {
  switch (state.kind) {
    case 'off':
      return 'off';
    case 'synced':
      return 'ok';
    case 'syncing':
      return 'busy';
    case 'offline':
      return 'warn';
    case 'refused':
      return 'danger';
  }
}

/**
 * The indicator's words: "Sync off" when no server is set (the long wording is its tooltip),
 * otherwise the state exactly as {@link describeSyncState} says it.
 * @param state - the sync state
 * @param described - `describeSyncState(state, …)`
 */
export function syncLabel(state: SyncState, described: string): string {
  return state.kind === 'off' ? 'Sync off' : described;
}
