import { open, rename, type FileHandle } from 'node:fs/promises';
import { PRIVATE_FILE_MODE } from '../home/private-mode';

/**
 * Make the latest renames and creations in `dir` durable: a file's own fsync does not cover
 * its directory entry, so without this a crash can bring back the old name after a rename.
 * @param dir - the directory whose entries changed
 */
export async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    // Windows: libuv cannot open a directory as a file (EISDIR/EPERM), so there is no
    // directory fsync to call. NTFS logs its metadata changes, so the rename is still atomic
    // (old name or new, never neither); only a rename made just before a power cut may be
    // undone, which every program there lives with. Elsewhere a failure here is real.
    if (process.platform === 'win32' && isCode(error, 'EISDIR', 'EPERM', 'EACCES', 'EBADF')) return;
    throw error;
  }
}

/**
 * Replace `target` with `bytes` so that a crash at any point leaves either the old file or the
 * new one, whole: write a temp file, fsync it, rename it over the target, fsync the directory.
 * @param dir - the directory of both files
 * @param temp - the temp file (overwritten if a crash left one behind)
 * @param target - the file to replace
 * @param bytes - the new content
 */
export async function replaceFileDurably(
  dir: string,
  temp: string,
  target: string,
  bytes: Uint8Array,
): Promise<void> {
  await writeTempFile(temp, bytes);
  await commitTempFile(dir, temp, target);
}

/**
 * First half of replaceFileDurably: the temp file, whole and fsync'd. Until it is renamed, a
 * crash leaves only a stray temp file, which the next open deletes.
 * @param temp - the temp file (overwritten if a crash left one behind)
 * @param bytes - the content
 */
export async function writeTempFile(temp: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(temp, 'w', PRIVATE_FILE_MODE);
  try {
    // The mode of open() applies only to a new file; a temp left by a crash keeps its own, and
    // the rename gives the target the temp's mode.
    await handle.chmod(PRIVATE_FILE_MODE);
    await writeAll(handle, bytes, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Second half of replaceFileDurably: rename the temp file over the target (atomic) and make
 * the rename durable.
 * @param dir - the directory of both files
 * @param temp - a temp file written by writeTempFile
 * @param target - the file to replace
 */
export async function commitTempFile(dir: string, temp: string, target: string): Promise<void> {
  await rename(temp, target);
  await syncDirectory(dir);
}

/**
 * Write every byte at the current position; `write` may write fewer than asked.
 * @param handle - an open file
 * @param bytes - what to write
 * @param position - where; the handle's own position when absent
 */
export async function writeAll(
  handle: FileHandle,
  bytes: Uint8Array,
  position?: number,
): Promise<void> {
  let done = 0;
  while (done < bytes.byteLength) {
    const at = position === undefined ? null : position + done;
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, at);
    done += bytesWritten;
  }
}

/**
 * True when `error` is a Node system error with one of the codes.
 * @param error - anything thrown
 * @param codes - the `code`s to match
 */
export function isCode(error: unknown, ...codes: string[]): boolean {
  return codes.includes((error as NodeJS.ErrnoException | undefined)?.code ?? '');
}
