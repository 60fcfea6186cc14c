import type { SecretStoreStatus } from './secret-store';

/**
 * How the secret file's entries are sealed: the OS keychain's key (Electron's safeStorage) in
 * the shell, nothing but the file's own 0600 mode in browser mode. The store's logic (file,
 * modes, recovery) is the same for both and runs in plain Node; only this differs.
 */
export interface Encryptor {
  /** Written into the file, so a file sealed one way is never read the other way. */
  readonly encoding: string;
  /** Whether secrets may be stored now, and how; read on every store call. */
  status(): SecretStoreStatus;
  encrypt(plain: string): Promise<Uint8Array>;
  /** @throws Error when the blob cannot be opened (another key, a damaged entry). */
  decrypt(blob: Uint8Array): Promise<string>;
}

/**
 * Browser mode: the entries are stored as they are and only the file's mode (0600, in a 0700
 * directory) keeps other users out. There is no keychain to ask from plain Node.
 * @param file - the secrets file, named in the status so the user knows where the tokens are
 */
export function plainFileEncryptor(file: string): Encryptor {
  return {
    encoding: 'plain',
    status: () => ({
      usable: true,
      backend: `a private file (0600) readable only by you: ${file}`,
    }),
    encrypt: async (plain) => new TextEncoder().encode(plain),
    decrypt: async (blob) => new TextDecoder('utf-8', { fatal: true }).decode(blob),
  };
}
