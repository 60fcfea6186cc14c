import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { SyncService } from '../../sync/sync-service';

/** The calls about team sync. */
export type SyncHandlers = Pick<InvokeHandlers, 'sync:get' | 'sync:join' | 'sync:setToken'>;

/** What the sync calls need. */
export interface SyncHandlerDeps {
  sync: Pick<SyncService, 'view' | 'join' | 'setToken'>;
  /** Joining writes into the store: it must be open first. */
  openIncidents: () => Promise<unknown>;
}

/**
 * `sync:get`, `sync:join` and `sync:setToken` over the sync service.
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
  };
}
