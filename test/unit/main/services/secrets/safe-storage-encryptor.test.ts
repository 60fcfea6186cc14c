import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSecretStore } from '../../../../../src/main/services/secrets/open-secret-store';
import {
  BASIC_TEXT_WARNING,
  safeStorageEncryptor,
  type SafeStorageApi,
} from '../../../../../src/main/services/secrets/safe-storage-encryptor';

const TOKEN = 'pd-token-u+abc123def456';

/** Stands in for Electron's safeStorage, which cannot run here: a reversible, visible seal. */
function fakeSafeStorage(backend: string, available = true): SafeStorageApi {
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain) => Buffer.from(`sealed:${[...plain].reverse().join('')}`),
    decryptStringAsync: async (blob) => ({
      result: [...blob.toString().replace(/^sealed:/, '')].reverse().join(''),
    }),
    getSelectedStorageBackend: () => backend,
  };
}

describe('safeStorage as the secret store of the shell', () => {
  let home: string;
  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-safe-storage-'));
  });
  afterEach(() => fs.rmSync(home, { recursive: true, force: true }));

  const open = (api: SafeStorageApi, platform = 'linux', accept = false) =>
    openSecretStore({
      home,
      clock: { now: () => new Date('2026-03-01T00:00:00Z') },
      log: () => {},
      encryptor: () =>
        safeStorageEncryptor({ safeStorage: api, platform, acceptBasicText: () => accept }),
    });

  it('stores only the sealed blob, in its own file, and opens it again', async () => {
    await open(fakeSafeStorage('gnome_libsecret')).set('source:pd', TOKEN);

    const file = path.join(home, 'secrets', 'secrets.safe-storage.json');
    expect(fs.readFileSync(file, 'utf8')).not.toContain(TOKEN);
    expect(await open(fakeSafeStorage('gnome_libsecret')).get('source:pd')).toBe(TOKEN);
    expect(open(fakeSafeStorage('gnome_libsecret')).status()).toEqual({
      usable: true,
      backend: 'safeStorage (gnome_libsecret)',
    });
  });

  it("refuses Linux's basic_text backend, saying why and how to accept it", async () => {
    const store = open(fakeSafeStorage('basic_text'));
    expect(store.status()).toEqual({
      usable: false,
      backend: 'safeStorage (basic_text)',
      warning: BASIC_TEXT_WARNING,
    });
    await expect(store.set('source:pd', TOKEN)).rejects.toThrow(BASIC_TEXT_WARNING);
    expect(fs.existsSync(path.join(home, 'secrets', 'secrets.safe-storage.json'))).toBe(false);
  });

  it('uses basic_text once the user accepted it, still showing the warning', async () => {
    const store = open(fakeSafeStorage('basic_text'), 'linux', true);
    await store.set('source:pd', TOKEN);
    expect(await store.get('source:pd')).toBe(TOKEN);
    expect(store.status()).toMatchObject({ usable: true, warning: BASIC_TEXT_WARNING });
  });

  it('is not asked which Linux backend it uses elsewhere', async () => {
    const api = fakeSafeStorage('basic_text');
    const store = open(api, 'darwin');
    await store.set('source:pd', TOKEN);
    expect(store.status()).toEqual({ usable: true, backend: 'safeStorage (the OS keychain)' });
  });

  it('refuses to store when the keychain is not available', async () => {
    const store = open(fakeSafeStorage('gnome_libsecret', false));
    await expect(store.set('source:pd', TOKEN)).rejects.toThrow(
      'The OS keychain is not available, so tokens cannot be stored safely.',
    );
    expect(store.status().usable).toBe(false);
  });
});
