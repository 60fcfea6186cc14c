import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';

/**
 * Where sharing the incidents with the team stands, as the app can prove it:
 * - `off`: no sync server is set;
 * - `refused`: the server (or the app itself, for an address or token it will not use) refused,
 *   with the reason; nothing is sent until the settings change;
 * - `offline`: no connection since `since`; `waiting` local changes are not on the server yet,
 *   and `unconfirmed` incidents have not been compared with it since the app started (they may
 *   hold changes made while it was closed);
 * - `syncing`: connected, `waiting` changes not yet acknowledged as saved by the server;
 * - `synced`: every change of every incident is saved on the server.
 */
export const syncStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({ kind: z.literal('refused'), reason: z.string() }),
  z.object({
    kind: z.literal('offline'),
    since: isoTimeSchema,
    waiting: z.number().int().min(0),
    unconfirmed: z.number().int().min(0),
    /** What the last attempt to connect met, e.g. `connect ECONNREFUSED 127.0.0.1:9098`. */
    lastError: z.string().optional(),
  }),
  z.object({
    kind: z.literal('syncing'),
    waiting: z.number().int().min(0),
    unconfirmed: z.number().int().min(0),
  }),
  z.object({ kind: z.literal('synced') }),
]);

/** Where sharing stands. */
export type SyncState = z.infer<typeof syncStateSchema>;

/** What one shared document's provider says about it. */
export interface SyncedDocumentFacts {
  /** The first exchange with the server since the app started (or since it reconnected) is done. */
  handshakeDone: boolean;
  /** Ever compared with the server since the app started. */
  everSynced: boolean;
  /** Local changes sent or queued that the server has not acknowledged yet. */
  unacknowledged: number;
  /** Yjs holds updates it could not apply yet (yjs#405, yjs#550): a resync is due. */
  pending: boolean;
}

/** Everything the sync state is computed from. */
export type SyncFacts =
  | { configured: false }
  | {
      configured: true;
      /** Why the server or the app refused, if it did. */
      refusal?: string;
      connected: boolean;
      /** When the connection was lost (or the app started without one). */
      offlineSince: string;
      lastError?: string;
      documents: readonly SyncedDocumentFacts[];
    };

/**
 * The sync state from the facts, never claiming more than they show: `synced` only when
 * connected and every document finished its handshake, has nothing unacknowledged and nothing
 * pending.
 * @param facts - the providers' events and counts
 */
export function computeSyncState(facts: SyncFacts): SyncState {
  if (!facts.configured) return { kind: 'off' };
  if (facts.refusal !== undefined) return { kind: 'refused', reason: facts.refusal };
  const waiting = facts.documents.reduce((sum, doc) => sum + doc.unacknowledged, 0);
  const unconfirmed = facts.documents.filter((doc) => !doc.everSynced).length;
  if (!facts.connected) {
    const offline: SyncState = { kind: 'offline', since: facts.offlineSince, waiting, unconfirmed };
    if (facts.lastError !== undefined) offline.lastError = facts.lastError;
    return offline;
  }
  const done = facts.documents.every(
    (doc) => doc.handshakeDone && doc.unacknowledged === 0 && !doc.pending,
  );
  return done ? { kind: 'synced' } : { kind: 'syncing', waiting, unconfirmed };
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The sync state in one line, as the status bar says it: "Synced", "3 changes waiting",
 * "Offline since 14:02 · 3 changes waiting", "Server refused: wrong team token".
 * @param state - the state
 * @param formatTime - writes an ISO time as the user reads it (their time zone)
 */
export function describeSyncState(state: SyncState, formatTime: (iso: string) => string): string {
  switch (state.kind) {
    case 'off':
      return 'Not shared: no sync server is set';
    case 'refused':
      return `Server refused: ${state.reason}`;
    case 'synced':
      return 'Synced';
    case 'syncing': {
      const parts = [
        state.waiting > 0 ? `${plural(state.waiting, 'change', 'changes')} waiting` : 'Syncing…',
      ];
      if (state.unconfirmed > 0) parts.push(notCompared(state.unconfirmed));
      return parts.join(' · ');
    }
    case 'offline': {
      const parts = [`Offline since ${formatTime(state.since)}`];
      if (state.waiting > 0) parts.push(`${plural(state.waiting, 'change', 'changes')} waiting`);
      if (state.unconfirmed > 0) parts.push(notCompared(state.unconfirmed));
      const line = parts.join(' · ');
      return state.lastError === undefined ? line : `${line} (${state.lastError})`;
    }
  }
}

function notCompared(count: number): string {
  return `${plural(count, 'incident', 'incidents')} not yet compared with the server`;
}
