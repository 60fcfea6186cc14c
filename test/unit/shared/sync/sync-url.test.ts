import { describe, expect, it } from 'vitest';
import { checkSyncUrl, isLoopbackHost } from '../../../../src/shared/sync/sync-url';

describe('checkSyncUrl', () => {
  it('takes wss:// anywhere and ws:// on this machine', () => {
    expect(checkSyncUrl('wss://sync.example.org', false)).toEqual({
      ok: true,
      url: 'wss://sync.example.org/',
      loopback: false,
    });
    expect(checkSyncUrl(' ws://127.0.0.1:9098 ', false)).toMatchObject({
      ok: true,
      loopback: true,
    });
    expect(checkSyncUrl('ws://localhost:9098', false)).toMatchObject({ ok: true });
    expect(checkSyncUrl('ws://[::1]:9098', false)).toMatchObject({ ok: true });
  });

  it('refuses plain ws:// to another host unless the user accepted it', () => {
    const refused = checkSyncUrl('ws://sync.example.org:9098', false);
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.reason).toContain(
      'Plain ws:// to sync.example.org:9098 would send the team token and the incidents unencrypted',
    );
    expect(checkSyncUrl('ws://sync.example.org:9098', true)).toMatchObject({ ok: true });
  });

  it('says what is wrong with anything else', () => {
    expect(checkSyncUrl('sync.example.org', false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('is not an address'),
    });
    expect(checkSyncUrl('https://sync.example.org', false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('must start with wss://'),
    });
    expect(checkSyncUrl('wss://me:secret@sync.example.org', false)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('must not hold a user name or password'),
    });
  });

  it('knows loopback names', () => {
    expect(isLoopbackHost('127.1.2.3')).toBe(true);
    expect(isLoopbackHost('LOCALHOST')).toBe(true);
    expect(isLoopbackHost('127.example.org')).toBe(false);
    expect(isLoopbackHost('10.0.0.1')).toBe(false);
  });
});
