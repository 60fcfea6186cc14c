import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { SyncService } from '../../sync/sync-service';

/** The calls about team sync. */
export type SyncHandlers = Pick<
  InvokeHandlers,
  'sync:get' | 'sync:join' | 'sync:setToken' | 'presence:get' | 'presence:set'
>;

/** What the sync calls need. */
export interface SyncHandlerDeps {
  sync: Pick<SyncService, 'view' | 'join' | 'setToken' | 'presence' | 'setActivity'>;
  /** Joining writes into the store: it must be open first. */
  openIncidents: () => Promise<unknown>;
}

/**
 * `sync:get`, `sync:join`, `sync:setToken`, `presence:get` and `presence:set` over the sync
 * service.
 * @param deps - the sync service and the store opener
 */
export function syncHandlers({ sync, openIncidents }: SyncHandlerDeps): SyncHandlers {
  return {
    'sync:get': async () => sync.view(),
    'sync:join': async ({ id }) => {
      await openIncidents();
      return sync.join(id);
    },
    'sync:setToken': async ({ token }) => sync.setToken(token),
    'presence:get': async () => sync.presence(),
    'presence:set': async ({ incidentId, activity }) => {
      sync.setActivity(incidentId, activity);
      return {};
    },
  };
}
