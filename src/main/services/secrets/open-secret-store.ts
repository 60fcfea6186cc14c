import path from 'node:path';
import type { Clock } from '../clock/clock';
import type { Encryptor } from './encryptor';
import { openFileSecretStore } from './file-secret-store';
import type { SecretStore } from './secret-store';

/** The secret store's directory inside the app's home: its own, so it can be 0700. */
export const SECRETS_DIR = 'secrets';

/** What opening the store needs. */
export interface OpenSecretStoreOptions {
  readonly home: string;
  readonly clock: Clock;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** How entries are sealed; see {@link Encryptor}. */
  readonly encryptor: (file: string) => Encryptor;
}

/**
 * Open the app's secret store under `<home>/secrets/`: `secrets.json` when entries are stored
 * as they are (browser mode), `secrets.<encoding>.json` otherwise, so the two shells never read
 * each other's file.
 * @param options - home, clock, log and the encryptor
 */
export function openSecretStore(options: OpenSecretStoreOptions): SecretStore {
  const dir = path.join(options.home, SECRETS_DIR);
  let fileName = 'secrets.json';
  const encryptor = options.encryptor(path.join(dir, fileName));
  if (encryptor.encoding !== 'plain') fileName = `secrets.${encryptor.encoding}.json`;
  return openFileSecretStore({ dir, fileName, encryptor, clock: options.clock, log: options.log });
}
