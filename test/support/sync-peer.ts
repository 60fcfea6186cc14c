import { systemClock } from '../../src/main/services/clock/clock';
import {
  openIncidentStore,
  type IncidentStore,
} from '../../src/main/services/incidents/incident-store';
import { createSyncService, type SyncService } from '../../src/main/services/sync/sync-service';
import { settingsSchema } from '../../src/shared/domain/settings';
import type { SyncState } from '../../src/shared/sync/sync-state';
import type { SyncView } from '../../src/shared/sync/sync-view';
import { memorySecretStore } from './memory-secret-store';
import { TEST_SYNC_TOKEN } from './sync-server';

/** One member's app as far as sync goes: its incident store in its own home, and team sync. */
export interface SyncPeer {
  readonly name: string;
  readonly home: string;
  readonly store: IncidentStore;
  readonly sync: SyncService;
  /** Every view sync pushed, in order. */
  readonly pushed: SyncView[];
  /** Declare an incident as this member; resolves once on disk. */
  declare(title: string): Promise<string>;
  /** Add a timeline entry as this member; resolves once on disk. */
  write(id: string, text: string): Promise<void>;
  /** The timeline texts of an incident here, in order. */
  texts(id: string): string[];
  state(): SyncState;
  close(): Promise<void>;
}

/** How the member's app is set up. */
export interface SyncPeerOptions {
  name: string;
  home: string;
  /** The sync server address in the settings. */
  url: string;
  token?: string;
  allowInsecure?: boolean;
  /** How often the periodic resync runs (default: the app's). */
  resyncEveryMs?: number;
}

/**
 * Open a member's incident store and team sync over it, wired as the composition root wires
 * them (the store's change listener tells sync; sync publishes remote changes through the store).
 * @param options - name, home, server, token
 */
export async function openSyncPeer(options: SyncPeerOptions): Promise<SyncPeer> {
  const pushed: SyncView[] = [];
  const settings = settingsSchema.parse({
    profile: { name: options.name },
    sync: { url: options.url, allowInsecure: options.allowInsecure ?? false },
  });
  // The store is opened first and tells sync of changes once sync exists.
  const wired: { sync?: SyncService } = {};
  const store = await openIncidentStore({
    home: options.home,
    clock: systemClock,
    log: () => {},
    onChange: (view) => wired.sync?.incidentsChanged(view),
  });
  const sync = createSyncService({
    settings: () => settings,
    secrets: memorySecretStore(),
    env: { ONCALL_SYNC_TOKEN: options.token ?? TEST_SYNC_TOKEN },
    clock: systemClock,
    log: () => {},
    incidents: () => store,
    fallbackName: () => options.name,
    onChange: (view) => pushed.push(view),
    maxDelayMs: 300,
    resyncEveryMs: options.resyncEveryMs,
  });
  wired.sync = sync;
  await sync.configure();
  sync.incidentsChanged();
  const ctx = () => ({ now: new Date(), actor: options.name, timeZone: 'UTC' });
  const opened = sync;
  return {
    name: options.name,
    home: options.home,
    store,
    sync: opened,
    pushed,
    async declare(title) {
      const view = await store.declare({ title, severity: 'sev2' }, ctx());
      return view.incident.id;
    },
    async write(id, text) {
      await store.apply(id, { type: 'timeline.add', args: { text } }, ctx());
    },
    texts: (id) => store.get(id)?.incident.timeline.map((entry) => entry.text) ?? [],
    state: () => opened.view().state,
    async close() {
      opened.close();
      await store.close();
    },
  };
}
