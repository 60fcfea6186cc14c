import { setTimeout as delay } from 'node:timers/promises';
import * as Y from 'yjs';
import type { Settings } from '../../../shared/domain/settings';
import type { CredentialState } from '../../../shared/domain/source';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import { IpcFailure } from '../../../shared/ipc/result';
import { incidentTypes } from '../../../shared/incident/doc-layout';
import {
  presentPeople,
  type HeldRole,
  type PresenceActivity,
  type PresenceView,
} from '../../../shared/sync/presence';
import { computeSyncState } from '../../../shared/sync/sync-state';
import type { SyncView, TeamIncident } from '../../../shared/sync/sync-view';
import {
  readTeamIndex,
  TEAM_INDEX_DOCUMENT,
  writeTeamIndexEntry,
  type TeamIndexEntry,
} from '../../../shared/sync/team-index';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { IncidentStore } from '../incidents/incident-store';
import { IncidentStoreError } from '../incidents/incident-store-error';
import { maskSecret, type SecretStore } from '../secrets/secret-store';
import { resolveSyncConfig, SYNC_TOKEN_KEY, type SyncConfig } from './sync-config';
import { SyncSession } from './sync-session';

/**
 * How often every shared document is compared with the server by state vector. Rare: it only
 * guards against updates lost without either side noticing, and the idle budget (issue 10)
 * allows about one wake-up a second for everything the app does. The timer is unref'd.
 */
export const RESYNC_EVERY_MS = 5 * 60_000;

/** How long joining waits for the server to send a team incident. */
export const JOIN_TIMEOUT_MS = 15_000;

const JOIN_RETRY_MS = 1_000;

/** What team sync needs. */
export interface SyncServiceOptions {
  settings: () => Settings;
  secrets: SecretStore;
  env: Record<string, string | undefined>;
  clock: Clock;
  log: AppLog;
  /** The incident store once it is open. */
  incidents: () => IncidentStore | undefined;
  /** Who the user is when neither `sync.name` nor the profile says (the OS user). */
  fallbackName: () => string;
  /** Told the new view whenever it changes. */
  onChange: (view: SyncView) => void;
  /** Told who else is in each incident whenever that changes. */
  onPresence?: (view: PresenceView) => void;
  /** How long a teammate's unrenewed presence lasts (tests shorten it). */
  presenceTimeoutMs?: number;
  /** The session's keepalive tick, which also expires presence (tests shorten it). */
  keepaliveMs?: number;
  resyncEveryMs?: number;
  joinTimeoutMs?: number;
  /** Reconnect backoff ceiling (tests shorten it). */
  maxDelayMs?: number;
}

/** Team sync of the incidents, in the main process (the renderer holds no Y.Doc). */
export interface SyncService {
  /** The state and the team's incidents now. */
  view(): SyncView;
  /** Read the settings and the token again; reconnect when they changed. */
  configure(): Promise<void>;
  /**
   * The store changed (an incident declared, changed, reopened, or the store opened): share
   * what is new and bring the team's index up to date.
   * @param view - the incident that changed, when one did
   */
  incidentsChanged(view?: IncidentView): void;
  /**
   * Fetch a team incident from the server and keep it here.
   * @throws IpcFailure `unavailable` with the reason
   */
  join(id: string): Promise<IncidentView>;
  /** Who else is in each shared incident now. */
  presence(): PresenceView;
  /**
   * What this app's user is doing: in one incident (teammates see it), or in none. Teammates are
   * told only when it changed.
   */
  setActivity(incidentId: string | null, activity: PresenceActivity): void;
  /** Store (or forget, with null) the team token; reconnects with it. */
  setToken(token: string | null): Promise<CredentialState>;
  /** Disconnect; every document stays as it is. */
  close(): void;
}

/**
 * Team sync: each incident's Y.Doc (the one the store journals: every local edit is on disk
 * first, every remote update is journalled and published once on disk) joined with the team's
 * Hocuspocus server, the `team-incidents` index listing every incident of the team, and a
 * state that never claims more than the providers' events show.
 * @param options - settings, secrets, the store and the listener
 */
export function createSyncService(options: SyncServiceOptions): SyncService {
  const { clock, log } = options;
  let config: SyncConfig = { kind: 'off' };
  let configKey = '';
  // The stored token as Settings may show it (masked); read with the config.
  let tokenState: CredentialState | undefined;
  let session: SyncSession | undefined;
  let index: Y.Doc | undefined;
  let lastSent = '';
  let emitQueued = false;
  const remoteChanged = new Set<string>();
  let publishQueued = false;
  let closed = false;
  let activity: { incidentId: string; activity: PresenceActivity; since: string } | undefined;
  let presenceQueued = false;
  let presenceSent = '';

  const resync = setInterval(() => session?.resyncAll(), options.resyncEveryMs ?? RESYNC_EVERY_MS);
  resync.unref();

  const view = (): SyncView => {
    const store = options.incidents();
    const local = new Map((store?.list().incidents ?? []).map((s) => [s.id, s]));
    const listed = new Map<string, TeamIncident>();
    for (const entry of index ? readTeamIndex(index) : []) {
      listed.set(entry.id, { ...entry, joined: local.has(entry.id) });
    }
    for (const summary of local.values()) {
      if (!listed.has(summary.id)) listed.set(summary.id, { ...indexEntry(summary), joined: true });
    }
    const teamIncidents = [...listed.values()].sort(
      (a, b) => (b.declaredAt ?? '').localeCompare(a.declaredAt ?? '') || a.id.localeCompare(b.id),
    );
    const server = config.kind === 'off' ? undefined : config.server;
    const state =
      config.kind === 'off'
        ? computeSyncState({ configured: false })
        : config.kind === 'refused'
          ? { kind: 'refused' as const, reason: config.reason }
          : computeSyncState({
              configured: true,
              refusal: session?.refusal,
              connected: session?.connected ?? false,
              offlineSince: session?.offlineSince ?? clock.now().toISOString(),
              lastError: session?.lastError,
              documents: session?.facts() ?? [],
            });
    const result: SyncView = { state, teamIncidents };
    if (server !== undefined) result.server = server;
    if (tokenState !== undefined) result.token = tokenState;
    return result;
  };

  const emitSoon = (): void => {
    if (emitQueued || closed) return;
    emitQueued = true;
    // Provider events come in bursts (one per acknowledged update): one push per burst.
    setImmediate(() => {
      emitQueued = false;
      if (closed) return;
      const next = view();
      const text = JSON.stringify(next);
      if (text === lastSent) return;
      lastSent = text;
      options.onChange(next);
    });
  };

  const presence = (): PresenceView => {
    const incidents: PresenceView['incidents'] = {};
    const store = options.incidents();
    if (!session || !store) return { incidents };
    for (const summary of store.list().incidents) {
      const peers = session.peers(summary.id);
      if (!peers || peers.length === 0) continue;
      const doc = store.document(summary.id);
      const people = presentPeople(peers, doc ? heldRoles(doc) : []);
      if (people.length > 0) incidents[summary.id] = people;
    }
    return { incidents };
  };

  const presenceSoon = (): void => {
    if (presenceQueued || closed || !options.onPresence) return;
    presenceQueued = true;
    setImmediate(() => {
      presenceQueued = false;
      if (closed) return;
      const next = presence();
      const text = JSON.stringify(next);
      if (text === presenceSent) return;
      presenceSent = text;
      options.onPresence?.(next);
    });
  };

  /** Tell the session what the user is doing, under the name the team knows them by. */
  const showActivity = (): void => {
    if (!session || config.kind !== 'on') return;
    session.setPresence(
      activity?.incidentId,
      activity && { name: config.name, activity: activity.activity, since: activity.since },
    );
  };

  const publishSoon = (id: string): void => {
    remoteChanged.add(id);
    if (publishQueued) return;
    publishQueued = true;
    setImmediate(() => {
      publishQueued = false;
      const store = options.incidents();
      const ids = [...remoteChanged];
      remoteChanged.clear();
      for (const changed of ids) void store?.publishRemoteChanges(changed);
    });
  };

  /** Share every incident of the store (again, for one reopened) and list it in the index. */
  const shareAll = (): void => {
    const store = options.incidents();
    if (!session || !store || !index) return;
    for (const summary of store.list().incidents) {
      const doc = store.document(summary.id);
      if (doc) session.share(summary.id, doc, true);
      writeTeamIndexEntry(index, indexEntry(summary));
    }
  };

  const connect = (): void => {
    session?.close();
    session = undefined;
    index?.destroy();
    index = undefined;
    if (config.kind !== 'on' || closed) return;
    const started = new SyncSession({
      url: config.url,
      server: config.server,
      token: config.token,
      name: config.name,
      clock,
      maxDelayMs: options.maxDelayMs,
      keepaliveMs: options.keepaliveMs,
      presenceTimeoutMs: options.presenceTimeoutMs,
      onChange: emitSoon,
      onPresenceChange: presenceSoon,
      onRemoteUpdate: (id) => {
        if (id === TEAM_INDEX_DOCUMENT) emitSoon();
        else publishSoon(id);
      },
    });
    session = started;
    // The index lives in memory: every member writes the incidents it holds into it, so it is
    // whole again as soon as anyone connects.
    index = new Y.Doc({ guid: TEAM_INDEX_DOCUMENT });
    started.share(TEAM_INDEX_DOCUMENT, index);
    log('info', `Sync: sharing incidents through ${config.server} as ${config.name}.`);
    showActivity();
    shareAll();
    presenceSoon();
  };

  const configure = async (): Promise<void> => {
    const settings = options.settings();
    let stored: string | undefined;
    try {
      stored = await options.secrets.get(SYNC_TOKEN_KEY);
    } catch (error) {
      log(
        'warn',
        `Sync: the team token could not be read from the secret store: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const token: CredentialState =
      stored === undefined ? { set: false } : { set: true, hint: maskSecret(stored) };
    if (JSON.stringify(token) !== JSON.stringify(tokenState)) {
      tokenState = token;
      emitSoon();
    }
    const next = resolveSyncConfig(settings, stored, options.env, options.fallbackName());
    const key = JSON.stringify(next);
    if (key === configKey) return;
    configKey = key;
    config = next;
    if (next.kind === 'refused') log('warn', `Sync: not connecting: ${next.reason}`);
    connect();
    emitSoon();
  };

  return {
    view,
    configure,

    incidentsChanged(changed) {
      if (session && index) {
        const store = options.incidents();
        if (changed) {
          const doc = store?.document(changed.incident.id);
          if (doc) session.share(changed.incident.id, doc, true);
          writeTeamIndexEntry(index, indexEntry(changed.incident));
        } else {
          shareAll();
        }
      }
      emitSoon();
      // A role taken or handed over changes what the chips say.
      presenceSoon();
    },

    presence,

    setActivity(incidentId, next) {
      if (incidentId === null) {
        if (activity === undefined) return;
        activity = undefined;
      } else {
        if (activity?.incidentId === incidentId && activity.activity === next) return;
        activity = { incidentId, activity: next, since: clock.now().toISOString() };
      }
      showActivity();
    },

    async join(id) {
      const store = options.incidents();
      const here = store?.get(id);
      if (here) return here;
      if (!store) throw new IpcFailure('unavailable', 'The incidents are still being read.');
      if (config.kind === 'off') {
        throw new IpcFailure('unavailable', 'No sync server is set (Settings, team sync).');
      }
      if (config.kind === 'refused' || !session) {
        throw new IpcFailure(
          'unavailable',
          `Not syncing: ${config.kind === 'refused' ? config.reason : 'no connection'}.`,
        );
      }
      const current = session;
      if (current.refusal !== undefined) {
        throw new IpcFailure('unavailable', `The sync server refused: ${current.refusal}.`);
      }
      if (!current.connected) {
        throw new IpcFailure(
          'unavailable',
          `Offline: ${current.lastError ?? 'no connection to the sync server'}; join once it is back.`,
        );
      }
      // The index can list an incident a moment before its declarer's document reached the
      // server (both travel at once): an empty answer is asked again a few times.
      const deadline = Date.now() + (options.joinTimeoutMs ?? JOIN_TIMEOUT_MS);
      let adopted: IncidentView | undefined;
      for (let attempt = 0; adopted === undefined; attempt++) {
        let state: Uint8Array;
        try {
          state = await current.fetch(id, Math.max(1_000, deadline - Date.now()));
        } catch (error) {
          throw new IpcFailure(
            'unavailable',
            error instanceof Error ? error.message : String(error),
          );
        }
        try {
          // Adopting tells the store's listener, which shares the new document on the session.
          adopted = await store.adopt(id, state);
        } catch (error) {
          if (!(error instanceof IncidentStoreError)) throw error;
          if (Date.now() > deadline || attempt >= 4) {
            throw new IpcFailure('unavailable', error.message);
          }
          await delay(JOIN_RETRY_MS);
        }
      }
      emitSoon();
      return adopted;
    },

    async setToken(token) {
      if (token === null) {
        await options.secrets.delete(SYNC_TOKEN_KEY);
        await configure();
        return { set: false };
      }
      const status = options.secrets.status();
      if (!status.usable) {
        throw new IpcFailure(
          'unavailable',
          `The team token cannot be kept safely here: ${status.warning ?? status.backend}`,
        );
      }
      await options.secrets.set(SYNC_TOKEN_KEY, token);
      await configure();
      return { set: true, hint: maskSecret(token) };
    },

    close() {
      closed = true;
      activity = undefined;
      clearInterval(resync);
      session?.close();
      session = undefined;
      index?.destroy();
      index = undefined;
    },
  };
}

/** The incident's roles and holders, read loosely (a teammate's document may hold anything). */
function heldRoles(doc: Y.Doc): HeldRole[] {
  const roles: HeldRole[] = [];
  incidentTypes(doc).roles.forEach((value) => {
    if (typeof value !== 'object' || value === null) return;
    const { name, holder } = value as { name?: unknown; holder?: unknown };
    if (typeof name !== 'string') return;
    roles.push(typeof holder === 'string' ? { name, holder } : { name });
  });
  return roles;
}

function indexEntry(incident: {
  id: string;
  title: string;
  severity: TeamIndexEntry['severity'];
  status: TeamIndexEntry['status'];
  declaredAt?: string | undefined;
  times?: { declaredAt?: string | undefined };
}): TeamIndexEntry {
  const entry: TeamIndexEntry = {
    id: incident.id,
    title: incident.title,
    severity: incident.severity,
    status: incident.status,
  };
  const declaredAt = incident.declaredAt ?? incident.times?.declaredAt;
  if (declaredAt !== undefined) entry.declaredAt = declaredAt;
  return entry;
}
