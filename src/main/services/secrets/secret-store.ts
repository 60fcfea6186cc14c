/**
 * Where API tokens live: never in settings.json, logs, error messages or the renderer.
 * The Electron shell keeps them with safeStorage (the OS keychain); browser mode in a 0600 file
 * next to, not inside, the settings. Keys are the app's own (`source:<id>`), never user text.
 */
export interface SecretStore {
  /** The secret stored under `key`, if any. */
  get(key: string): Promise<string | undefined>;
  /** Store (or replace) a secret; refused with a reason when the store is not usable. */
  set(key: string, value: string): Promise<void>;
  /** Forget a secret; forgetting one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Which keys hold a secret. */
  keys(): Promise<string[]>;
  /** Whether secrets can be kept safely here, and if not, why. */
  status(): SecretStoreStatus;
}

/** Whether the secret store can be used, and how it keeps secrets. */
export interface SecretStoreStatus {
  readonly usable: boolean;
  /** How secrets are kept, in words: "the OS keychain", "a private file (0600) in …". */
  readonly backend: string;
  /** Why it is not usable, or what the user should know about it. */
  readonly warning?: string;
}

/** The secret store key of a source's credential. */
export function sourceSecretKey(sourceId: string): string {
  return `source:${sourceId}`;
}

/**
 * A secret shown masked: its last four characters, enough to tell two tokens apart and too few
 * to use. Short secrets show nothing of themselves.
 * @param secret - the secret
 */
export function maskSecret(secret: string): string {
  return secret.length >= 12 ? `••••${secret.slice(-4)}` : '••••';
}
