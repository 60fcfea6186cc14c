import { readFile, open, chmod } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock/clock';
import { commitTempFile, isCode, writeAll } from '../journal/durable-fs';
import { moveAside } from '../journal/keep-aside';
import type { Encryptor } from './encryptor';
import { ensurePrivateDirectory, ensurePrivateFile } from './private-path';
import { SECRET_FILE_VERSION, parseSecretFile } from './secret-file-format';
import type { SecretStore, SecretStoreStatus } from './secret-store';

/** A secret store operation that cannot be carried out; the message says why and what to do. */
export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreError';
  }
}

/** Where the store keeps its file and how it seals each entry. */
export interface FileSecretStoreOptions {
  /** The store's own directory (made 0700); the file lives in it. */
  readonly dir: string;
  /** The file's name, one per encoding, so the two shells never read each other's file. */
  readonly fileName: string;
  readonly encryptor: Encryptor;
  /** Names a kept-aside copy of an unreadable file. */
  readonly clock: Clock;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
}

interface Loaded {
  readonly entries: Map<string, string>;
  /** Set when the file cannot be used at all (another user's, another encoding). */
  readonly refused?: string;
}

/**
 * A secret store over one private file, written atomically (temp 0600 → fsync → rename → fsync
 * directory). The file is read once, on first use. An unreadable file is kept aside under a new
 * name, never overwritten, and the store starts empty saying so; a file other users could read
 * is narrowed to 0600 and the log says it was.
 * @param options - directory, file name, encryptor, clock and log
 */
export function openFileSecretStore(options: FileSecretStoreOptions): SecretStore {
  const { dir, encryptor, log } = options;
  const file = path.join(dir, options.fileName);
  const temp = `${file}.tmp`;
  let loading: Promise<Loaded> | undefined;
  let notice: string | undefined;
  let refused: string | undefined;
  // One write at a time, in call order, so a later set never loses to an earlier one.
  let writing: Promise<void> = Promise.resolve();

  const load = async (): Promise<Loaded> => {
    await ensurePrivateDirectory(dir);
    let text: string;
    try {
      const check = await ensurePrivateFile(file);
      if (check.fixed) {
        notice = `${file} could be read by other users (mode ${check.fixed}); it is now 0600. Anyone who read it may have the tokens in it: consider replacing them.`;
        log('warn', `Secrets: ${notice}`);
      }
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { entries: new Map() };
      refused = error instanceof Error ? error.message : String(error);
      log('error', `Secrets: ${refused}`);
      return { entries: new Map(), refused };
    }
    const parsed = parseSecretFile(text);
    if ('problem' in parsed) {
      const aside = await moveAside(file, 'unreadable', options.clock);
      notice = `${file} could not be read (${parsed.problem}); it was kept as ${aside} and no tokens are stored now: enter them again in Settings.`;
      log('warn', `Secrets: ${notice}`);
      return { entries: new Map() };
    }
    if (parsed.file.encoding !== encryptor.encoding) {
      refused = `${file} was sealed as "${parsed.file.encoding}", not "${encryptor.encoding}"; this app cannot open it. Move it away to store tokens here.`;
      log('error', `Secrets: ${refused}`);
      return { entries: new Map(), refused };
    }
    return { entries: new Map(Object.entries(parsed.file.secrets)) };
  };

  const loaded = () => (loading ??= load());

  const save = async (entries: Map<string, string>) => {
    const bytes = new TextEncoder().encode(
      `${JSON.stringify(
        {
          version: SECRET_FILE_VERSION,
          encoding: encryptor.encoding,
          secrets: Object.fromEntries(entries),
        },
        null,
        2,
      )}\n`,
    );
    // Created 0600, and narrowed in case a crash left a temp file with another mode.
    const handle = await open(temp, 'w', 0o600);
    try {
      if (process.platform !== 'win32') await chmod(temp, 0o600);
      await writeAll(handle, bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await commitTempFile(dir, temp, file);
  };

  const change = async (apply: (entries: Map<string, string>) => Promise<boolean>) => {
    const run = writing.then(async () => {
      const state = await loaded();
      if (state.refused) throw new SecretStoreError(state.refused);
      const next = new Map(state.entries);
      if (!(await apply(next))) return;
      await save(next);
      state.entries.clear();
      for (const [k, v] of next) state.entries.set(k, v);
    });
    writing = run.catch(() => {});
    await run;
  };

  const status = (): SecretStoreStatus => {
    if (refused) return { usable: false, backend: encryptor.status().backend, warning: refused };
    const base = encryptor.status();
    if (!notice || !base.usable) return base;
    return { ...base, warning: base.warning ? `${base.warning} ${notice}` : notice };
  };

  return {
    async get(key) {
      const { entries } = await loaded();
      const blob = entries.get(key);
      if (blob === undefined) return undefined;
      try {
        return await encryptor.decrypt(Buffer.from(blob, 'base64'));
      } catch (error) {
        throw new SecretStoreError(
          `the stored credential (${key}) cannot be opened (${error instanceof Error ? error.message : String(error)}); enter it again in Settings`,
        );
      }
    },
    async set(key, value) {
      if (value === '') throw new SecretStoreError('an empty credential cannot be stored');
      await change(async (entries) => {
        // Asked inside the queue: the user may have switched the backend off meanwhile.
        const now = status();
        if (!now.usable) {
          throw new SecretStoreError(now.warning ?? `secrets cannot be stored (${now.backend})`);
        }
        entries.set(key, Buffer.from(await encryptor.encrypt(value)).toString('base64'));
        return true;
      });
    },
    async delete(key) {
      await change(async (entries) => entries.delete(key));
    },
    async keys() {
      return [...(await loaded()).entries.keys()];
    },
    status,
  };
}
