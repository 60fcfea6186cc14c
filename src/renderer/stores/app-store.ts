import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../bridge/bridge';
import { errorMessage } from '../bridge/bridge-error';
import {
  applyAlertsChanged,
  applyAlertsList,
  applyRunbooksChanged,
  applyRunbooksList,
  applySettings,
  applySourcesList,
  applySourceStatus,
  initialAppState,
  type AppState,
} from './app-state';

/** The store of everything that comes from the app. */
export type AppStore = StoreApi<AppState>;

/**
 * A store for what the app tells the UI, empty until {@link connectAppStore} feeds it.
 * @param bridge - for the initial connection state
 */
export function createAppStore(bridge: Pick<Bridge, 'connection'>): AppStore {
  return createStore<AppState>()(() => initialAppState(bridge.connection()));
}

/**
 * Feed the store from the bridge: listen to every event first (so nothing slips between the
 * load and the subscription), then load everything; load again after each reconnection,
 * because events sent while disconnected are lost.
 * @param store - the store to fill
 * @param bridge - the app
 * @returns stops listening
 */
export function connectAppStore(store: AppStore, bridge: Bridge): () => void {
  const update = (change: (state: AppState) => AppState): void =>
    store.setState(change(store.getState()), true);

  const loadSources = async (): Promise<void> => {
    const startedAt = store.getState().revision;
    const { sources } = await bridge.invoke('sources:list', {});
    update((s) => applySourcesList(s, sources, startedAt));
  };

  // Counts `sync:changed` events: one that arrived while `sync:get` was on its way is newer.
  let syncEvents = 0;
  const loadSync = async (): Promise<void> => {
    const before = syncEvents;
    const sync = await bridge.invoke('sync:get', {});
    if (syncEvents === before) update((s) => ({ ...s, sync }));
  };

  let presenceEvents = 0;
  const loadPresence = async (): Promise<void> => {
    const before = presenceEvents;
    const presence = await bridge.invoke('presence:get', {});
    if (presenceEvents === before) update((s) => ({ ...s, presence }));
  };

  const loadAll = async (): Promise<void> => {
    const startedAt = store.getState().revision;
    const results = await Promise.allSettled([
      bridge.invoke('app:info', {}).then((info) => update((s) => ({ ...s, info }))),
      bridge.invoke('settings:get', {}).then((view) => update((s) => applySettings(s, view))),
      bridge
        .invoke('alerts:list', {})
        .then(({ alerts }) => update((s) => applyAlertsList(s, alerts, startedAt))),
      bridge
        .invoke('sources:list', {})
        .then(({ sources }) => update((s) => applySourcesList(s, sources, startedAt))),
      bridge
        .invoke('runbooks:list', {})
        .then((list) => update((s) => applyRunbooksList(s, list, startedAt))),
      loadSync(),
      loadPresence(),
    ]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    update((s) => ({ ...s, loadError: failed ? errorMessage(failed.reason) : undefined }));
  };

  const stops = [
    bridge.on('alerts:changed', (event) => update((s) => applyAlertsChanged(s, event))),
    bridge.on('source:status', (status) => update((s) => applySourceStatus(s, status))),
    bridge.on('sync:changed', (sync) => {
      syncEvents += 1;
      update((s) => ({ ...s, sync }));
    }),
    bridge.on('presence:changed', (presence) => {
      presenceEvents += 1;
      update((s) => ({ ...s, presence }));
    }),
    bridge.on('link:incident', ({ link }) =>
      update((s) => ({ ...s, incidentLink: { link, seq: (s.incidentLink?.seq ?? 0) + 1 } })),
    ),
    bridge.on('runbooks:changed', (list) => update((s) => applyRunbooksChanged(s, list))),
    bridge.on('settings:changed', (view) => {
      update((s) => applySettings(s, view));
      // Sources may have been added or removed; their statuses come from sources:list.
      loadSources().catch(() => {});
    }),
    bridge.onConnection((connection) => {
      update((s) => ({ ...s, connection }));
      if (connection.status === 'connected') void loadAll();
    }),
  ];
  update((s) => ({ ...s, connection: bridge.connection() }));
  if (bridge.connection().status === 'connected') void loadAll();
  return () => stops.forEach((stop) => stop());
}
