import { describe, expect, it } from 'vitest';
import { resolveSyncConfig } from '../../../../../src/main/services/sync/sync-config';
import { settingsSchema } from '../../../../../src/shared/domain/settings';

const settings = (sync: object, profile: object = {}) => settingsSchema.parse({ sync, profile });

describe('resolveSyncConfig', () => {
  it('is off without a server, which is the default', () => {
    expect(resolveSyncConfig(settingsSchema.parse({}), 'token', {}, 'ana')).toEqual({
      kind: 'off',
    });
  });

  it('takes ONCALL_SYNC_TOKEN over the stored token, and the sync name over the profile', () => {
    expect(
      resolveSyncConfig(
        settings({ url: 'wss://sync.example.org', name: 'Ana (IC)' }, { name: 'Ana' }),
        'stored',
        { ONCALL_SYNC_TOKEN: 'from-env' },
        'ana',
      ),
    ).toEqual({
      kind: 'on',
      server: 'wss://sync.example.org',
      url: 'wss://sync.example.org/',
      name: 'Ana (IC)',
      token: 'from-env',
    });
    expect(
      resolveSyncConfig(
        settings({ url: 'ws://127.0.0.1:9098' }, { name: 'Ana' }),
        'stored',
        {},
        'ana',
      ),
    ).toMatchObject({ kind: 'on', name: 'Ana', token: 'stored' });
  });

  it('refuses without a token, or plain ws:// to another host, saying why', () => {
    expect(
      resolveSyncConfig(settings({ url: 'wss://sync.example.org' }), undefined, {}, 'ana'),
    ).toEqual({
      kind: 'refused',
      server: 'wss://sync.example.org',
      reason: 'no team token: set it in Settings (team sync) or in ONCALL_SYNC_TOKEN',
    });
    expect(
      resolveSyncConfig(settings({ url: 'ws://sync.example.org' }), 'token', {}, 'ana'),
    ).toMatchObject({ kind: 'refused', reason: expect.stringContaining('Plain ws://') });
    expect(
      resolveSyncConfig(
        settings({ url: 'ws://sync.example.org', allowInsecure: true }),
        'token',
        {},
        'ana',
      ),
    ).toMatchObject({ kind: 'on' });
  });
});
