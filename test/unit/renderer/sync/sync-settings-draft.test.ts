import { describe, expect, it } from 'vitest';
import {
  syncDraftFrom,
  syncRequest,
} from '../../../../src/renderer/features/sync/sync-settings-draft';

describe('the Team sync section draft', () => {
  it('saves a wss:// server and the name, trimmed', () => {
    expect(
      syncRequest({ url: ' wss://sync.example.org ', name: ' Ada ', allowInsecure: false }),
    ).toEqual({
      ok: true,
      sync: { url: 'wss://sync.example.org', name: 'Ada', allowInsecure: false },
    });
  });

  it('an empty address turns sync off (no url saved)', () => {
    expect(syncRequest({ url: '  ', name: '', allowInsecure: false })).toEqual({
      ok: true,
      sync: { allowInsecure: false },
    });
  });

  it('refuses plain ws:// to another host with the reason, unless the risk is accepted', () => {
    const refused = syncRequest({ url: 'ws://10.0.0.5:1234', name: '', allowInsecure: false });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors.url).toMatch(/ws:\/\/ to 10\.0\.0\.5:1234.*unencrypted/);
    expect(syncRequest({ url: 'ws://10.0.0.5:1234', name: '', allowInsecure: true })).toMatchObject(
      { ok: true, sync: { url: 'ws://10.0.0.5:1234', allowInsecure: true } },
    );
  });

  it('accepts plain ws:// on this machine and refuses what is not an address', () => {
    expect(syncRequest({ url: 'ws://127.0.0.1:9', name: '', allowInsecure: false }).ok).toBe(true);
    const bad = syncRequest({ url: 'https://sync.example.org', name: '', allowInsecure: false });
    expect(bad.ok ? undefined : bad.errors.url).toMatch(/must start with wss:\/\//);
  });

  it('fills the fields from saved settings', () => {
    expect(syncDraftFrom({ allowInsecure: true })).toEqual({
      url: '',
      name: '',
      allowInsecure: true,
    });
  });
});
