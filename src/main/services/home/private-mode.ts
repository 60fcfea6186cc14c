import fs from 'node:fs';
import { chmod, lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

// Everything the app writes is private (design §5): incidents, settings and the home itself are
// readable by the user alone, whoever made the directories. mkdir's and open's `mode` only apply
// to what they create, so what already exists (a home made by hand: 0755 and 0644) is also
// chmod'ed when the app opens it. On Windows chmod only sets the read-only bit; these modes
// leave files writable, and the user profile's ACL is what keeps them private there.

/** Mode of every directory the app makes or uses: the user alone may list and enter it. */
export const PRIVATE_DIR_MODE = 0o700;

/** Mode of every file the app writes: the user alone may read or write it. */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Creates `dir` (and missing parents) private, and makes it private if it already existed.
 * @param dir - a directory the app keeps its data in
 */
export function makePrivateDirSync(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/**
 * Makes an existing file private; a missing one is left missing.
 * @param file - a file the app writes
 */
export function makePrivateFileSync(file: string): void {
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Makes `dir` private and every regular file directly in it (journals, snapshots, quarantine
 * and temp files). Symlinks and sub-folders are left as they are: chmod would follow a link to
 * whatever it names, and the app writes neither.
 * @param dir - an existing directory of the app's files
 */
export async function makeFolderPrivate(dir: string): Promise<void> {
  await chmod(dir, PRIVATE_DIR_MODE);
  for (const name of await readdir(dir)) {
    const file = path.join(dir, name);
    const stat = await lstat(file);
    if (stat.isFile() && (stat.mode & 0o777) !== PRIVATE_FILE_MODE) {
      await chmod(file, PRIVATE_FILE_MODE);
    }
  }
}
