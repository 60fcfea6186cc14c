import fs from 'node:fs/promises';

/** The text of a file, or why it cannot be used as a runbook. */
export type ReadRunbookFile = { ok: true; text: string } | { ok: false; message: string };

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.ceil(bytes / 1024)} KB`;
}

function describeError(error: unknown): string {
  // "ENOENT: no such file or directory, open '/the/path'" → the part before the path.
  return error instanceof Error ? (error.message.split(',')[0] ?? error.message) : String(error);
}

/**
 * Reads one runbook file as UTF-8, refusing anything over `maxBytes` before reading it.
 * The size is checked on the open handle and the read is bounded by it, so a file that grows
 * between the check and the read cannot get past the limit either.
 * @param file - path on disk
 * @param maxBytes - the largest file accepted
 */
export async function readRunbookFile(file: string, maxBytes: number): Promise<ReadRunbookFile> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    return { ok: false, message: `file cannot be read (${describeError(error)})` };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { ok: false, message: 'not a regular file' };
    const tooLarge = (size: number) => ({
      ok: false as const,
      message: `file is too large (${formatSize(size)}; the limit is ${formatSize(maxBytes)})`,
    });
    if (stat.size > maxBytes) return tooLarge(stat.size);
    // One byte more than expected, to notice a file that grew after the size check.
    const buffer = Buffer.alloc(stat.size + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // Growing while we read (an editor or git mid-write): the watcher will reload once it settles.
    if (length > stat.size) return { ok: false, message: 'file changed while being read' };
    try {
      return {
        ok: true,
        text: new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, length)),
      };
    } catch {
      return { ok: false, message: 'file is not UTF-8 text' };
    }
  } catch (error) {
    return { ok: false, message: `file cannot be read (${describeError(error)})` };
  } finally {
    await handle.close();
  }
}
