import { describe, expect, it } from 'vitest';
import { syncLabel, syncTone } from '../../../../src/renderer/features/sync/sync-tone';
import { describeSyncState, type SyncState } from '../../../../src/shared/sync/sync-state';

const at = (iso: string) => iso.slice(11, 16);

describe('the sync indicator', () => {
  it('is green only when synced; amber offline; red when refused', () => {
    const states: SyncState[] = [
      { kind: 'synced' },
      { kind: 'syncing', waiting: 2, unconfirmed: 0 },
      { kind: 'offline', since: '2025-03-04T14:02:00.000Z', waiting: 3, unconfirmed: 0 },
      { kind: 'refused', reason: 'wrong team token' },
      { kind: 'off' },
    ];
    expect(states.map(syncTone)).toEqual(['ok', 'busy', 'warn', 'danger', 'off']);
  });

  it('says the state in words, "Sync off" when no server is set', () => {
    const label = (state: SyncState) => syncLabel(state, describeSyncState(state, at));
    expect(label({ kind: 'off' })).toBe('Sync off');
    expect(
      label({ kind: 'offline', since: '2025-03-04T14:02:00.000Z', waiting: 3, unconfirmed: 0 }),
    ).toBe('Offline since 14:02 · 3 changes waiting');
    expect(label({ kind: 'refused', reason: 'wrong team token' })).toBe(
      'Server refused: wrong team token',
    );
  });
});
