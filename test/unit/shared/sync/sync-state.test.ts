import { describe, expect, it } from 'vitest';
import {
  computeSyncState,
  describeSyncState,
  type SyncedDocumentFacts,
} from '../../../../src/shared/sync/sync-state';

const at = (iso: string) => iso.slice(11, 16);
const done: SyncedDocumentFacts = {
  handshakeDone: true,
  everSynced: true,
  unacknowledged: 0,
  pending: false,
};
const base = { configured: true as const, connected: true, offlineSince: '2026-12-05T14:02:00Z' };

describe('the sync state', () => {
  it('is synced only when every document finished its handshake with nothing waiting or pending', () => {
    expect(computeSyncState({ ...base, documents: [done, done] })).toEqual({ kind: 'synced' });
    expect(
      computeSyncState({ ...base, documents: [done, { ...done, unacknowledged: 3 }] }),
    ).toEqual({ kind: 'syncing', waiting: 3, unconfirmed: 0 });
    expect(computeSyncState({ ...base, documents: [{ ...done, pending: true }] }).kind).toBe(
      'syncing',
    );
    expect(
      computeSyncState({
        ...base,
        documents: [{ ...done, handshakeDone: false, everSynced: false }],
      }),
    ).toEqual({ kind: 'syncing', waiting: 0, unconfirmed: 1 });
  });

  it('is offline since the connection was lost, with what waits and why', () => {
    const state = computeSyncState({
      ...base,
      connected: false,
      lastError: 'nothing listens at ws://127.0.0.1:9098',
      documents: [
        { ...done, unacknowledged: 2 },
        { ...done, everSynced: false },
      ],
    });
    expect(state).toEqual({
      kind: 'offline',
      since: '2026-12-05T14:02:00Z',
      waiting: 2,
      unconfirmed: 1,
      lastError: 'nothing listens at ws://127.0.0.1:9098',
    });
    expect(describeSyncState(state, at)).toBe(
      'Offline since 14:02 · 2 changes waiting · 1 incident not yet compared with the server (nothing listens at ws://127.0.0.1:9098)',
    );
  });

  it('puts a refusal first, and is off without a server', () => {
    const refused = computeSyncState({ ...base, refusal: 'wrong team token', documents: [] });
    expect(describeSyncState(refused, at)).toBe('Server refused: wrong team token');
    expect(describeSyncState(computeSyncState({ configured: false }), at)).toBe(
      'Not shared: no sync server is set',
    );
  });

  it('counts in words a person reads', () => {
    expect(describeSyncState({ kind: 'syncing', waiting: 1, unconfirmed: 0 }, at)).toBe(
      '1 change waiting',
    );
    expect(describeSyncState({ kind: 'syncing', waiting: 0, unconfirmed: 0 }, at)).toBe('Syncing…');
    expect(describeSyncState({ kind: 'synced' }, at)).toBe('Synced');
    expect(
      describeSyncState(
        { kind: 'offline', since: '2026-12-05T14:02:00Z', waiting: 0, unconfirmed: 0 },
        at,
      ),
    ).toBe('Offline since 14:02');
  });
});
