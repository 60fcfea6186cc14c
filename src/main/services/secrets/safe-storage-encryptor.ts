import type { Encryptor } from './encryptor';

/** The part of Electron's `safeStorage` the store uses; the shell passes the real one. */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  /** Linux only: which keyring Chromium picked; `basic_text` means none (a hard-coded key). */
  getSelectedStorageBackend(): string;
}

/** What the safeStorage encryptor needs to know besides the API. */
export interface SafeStorageEncryptorOptions {
  readonly safeStorage: SafeStorageApi;
  /** `process.platform`. */
  readonly platform: string;
  /** The user's `secrets.acceptBasicText` setting, read on every store call. */
  readonly acceptBasicText: () => boolean;
}

/** Why `basic_text` is refused unless the user accepts it, shown wherever a token is refused. */
export const BASIC_TEXT_WARNING =
  'No keyring (GNOME Keyring, KWallet) is available, so Electron would seal tokens with a key ' +
  'built into Chromium ("basic_text"): anyone who can read your files could read them. Start a ' +
  'keyring, or set "secrets": { "acceptBasicText": true } in settings.json to accept this.';

/**
 * The Electron shell's sealing: safeStorage (the macOS Keychain, Windows DPAPI, the Linux
 * keyring). On Linux without a keyring Chromium falls back to `basic_text`, which is no
 * protection; it is refused unless the user explicitly accepted it.
 * @param options - the safeStorage API, the platform and the user's acceptance
 */
export function safeStorageEncryptor(options: SafeStorageEncryptorOptions): Encryptor {
  const { safeStorage, platform } = options;
  // Unknown until the first use asks; the app is ready by then (the services start after it).
  let available: boolean | undefined;
  const backend = () =>
    platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'the OS keychain';

  const status: Encryptor['status'] = () => {
    const name = backend();
    const shown = `safeStorage (${name})`;
    if (available === false) {
      return {
        usable: false,
        backend: shown,
        warning: 'The OS keychain is not available, so tokens cannot be stored safely.',
      };
    }
    if (name === 'basic_text') {
      return options.acceptBasicText()
        ? { usable: true, backend: shown, warning: BASIC_TEXT_WARNING }
        : { usable: false, backend: shown, warning: BASIC_TEXT_WARNING };
    }
    return { usable: true, backend: shown };
  };

  const ensureAvailable = async () => {
    available = await safeStorage.isAsyncEncryptionAvailable();
    if (!available) throw new Error(status().warning);
  };

  return {
    encoding: 'safe-storage',
    status,
    async encrypt(plain) {
      await ensureAvailable();
      const current = status();
      if (!current.usable) throw new Error(current.warning);
      return safeStorage.encryptStringAsync(plain);
    },
    async decrypt(blob) {
      await ensureAvailable();
      return (await safeStorage.decryptStringAsync(Buffer.from(blob))).result;
    },
  };
}
