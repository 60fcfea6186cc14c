import { access, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Clock } from '../clock/clock';
import { PRIVATE_FILE_MODE } from '../home/private-mode';
import { isCode, syncDirectory, writeAll } from './durable-fs';

/**
 * Name for a kept-aside copy: `<file>.<label>-<time>`, with `-2`, `-3`… if that exists.
 * Colons are replaced because Windows does not allow them in file names.
 */
function asideName(file: string, label: string, clock: Clock, attempt: number): string {
  const stamp = clock.now().toISOString().replace(/:/g, '-');
  return `${file}.${label}-${stamp}${attempt > 1 ? `-${attempt}` : ''}`;
}

/**
 * Durably write `bytes` to a new file next to `file`, never overwriting an existing one.
 * Done before the bytes are cut from the original, so nothing is ever lost.
 * @param file - the file the bytes come from
 * @param label - what kind of copy (`quarantine`)
 * @param bytes - the bytes to keep
 * @param clock - names the copy
 * @returns the copy's path
 */
export async function copyAside(
  file: string,
  label: string,
  bytes: Uint8Array,
  clock: Clock,
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const target = asideName(file, label, clock, attempt);
    let handle;
    try {
      handle = await open(target, 'wx', PRIVATE_FILE_MODE);
    } catch (error) {
      if (isCode(error, 'EEXIST')) continue;
      throw error;
    }
    try {
      await writeAll(handle, bytes, 0);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(path.dirname(file));
    return target;
  }
}

/**
 * Durably rename `file` to a new name next to it, never replacing an existing file.
 * @param file - the file to move
 * @param label - why (`quarantine`, `foreign`)
 * @param clock - names the copy
 * @returns the new path
 */
export async function moveAside(file: string, label: string, clock: Clock): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const target = asideName(file, label, clock, attempt);
    if (await exists(target)) continue;
    // rename() would replace an existing file on POSIX. The check and the rename are not one
    // step, but only this process writes these names (the app is single-instance, and
    // openJournal refuses a second opener of a document).
    await rename(file, target);
    await syncDirectory(path.dirname(file));
    return target;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}
