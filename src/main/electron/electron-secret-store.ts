import { safeStorage } from 'electron';
import type { AppLog } from '../services/app/app-log';
import type { Clock } from '../services/clock/clock';
import { openSecretStore } from '../services/secrets/open-secret-store';
import { safeStorageEncryptor } from '../services/secrets/safe-storage-encryptor';
import type { SecretStore } from '../services/secrets/secret-store';

/** What the shell's secret store needs. */
export interface ElectronSecretStoreOptions {
  home: string;
  clock: Clock;
  log: AppLog;
  /** The user's `secrets.acceptBasicText` setting. */
  acceptBasicText: () => boolean;
}

/**
 * The shell's secret store: the services' file store, each entry sealed by safeStorage. Only
 * this file touches Electron; the logic is in services/secrets and tested in Node.
 */
export function openElectronSecretStore(options: ElectronSecretStoreOptions): SecretStore {
  return openSecretStore({
    home: options.home,
    clock: options.clock,
    log: options.log,
    encryptor: () =>
      safeStorageEncryptor({
        safeStorage,
        platform: process.platform,
        acceptBasicText: options.acceptBasicText,
      }),
  });
}
