import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  outboundRecordEntrySchema,
  type OutboundRecordEntry,
} from '../../../shared/ipc/outbound-schemas';
import { isCode, replaceFileDurably } from '../journal/durable-fs';
import { ensurePrivateDirectory } from '../secrets/private-path';

/** Entries kept: the newest; older ones go (a shift's worth many times over). */
export const MAX_RECORD_ENTRIES = 1000;

/** What an entry still `sending` when the app stopped becomes: it is never left hanging. */
export const INTERRUPTED_REASON =
  'the app stopped before this page was confirmed; check the channel, it may not have arrived';

const recordFileSchema = z.object({
  version: z.literal(1),
  entries: z.array(z.unknown()),
});

/** The outbound record: every page sent, on disk before anyone is told. */
export interface OutboundRecord {
  /** Every entry, oldest first. */
  entries(): readonly OutboundRecordEntry[];
  /** Add an entry, or replace the one with the same id; resolves once it is on disk. */
  put(entry: OutboundRecordEntry): Promise<void>;
  /** Waits for writes under way. */
  flush(): Promise<void>;
}

/**
 * Open the record in `<dir>/record.json` (0600 in a 0700 directory). An entry left `sending` by
 * a crash becomes `failed` with {@link INTERRUPTED_REASON}; entries that cannot be read are
 * skipped and said in the log; an unreadable file is kept aside, not overwritten.
 * @param dir - the record's directory (`<home>/outbound`)
 * @param log - for what had to be worked around
 * @param finishedAt - the time stamped on entries ended here
 */
export async function openOutboundRecord(
  dir: string,
  log: (level: 'warn', message: string) => void,
  finishedAt: () => Date,
): Promise<OutboundRecord> {
  await ensurePrivateDirectory(dir);
  const file = path.join(dir, 'record.json');
  const temp = path.join(dir, 'record.json.tmp');
  await rm(temp, { force: true });
  let entries: OutboundRecordEntry[] = [];
  let text: string | undefined;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
  if (text !== undefined) {
    const parsed = recordFileSchema.safeParse(safeJson(text));
    if (!parsed.success) {
      const keptAs = `${file}.unreadable-${finishedAt().getTime()}`;
      await replaceFileDurably(dir, temp, keptAs, new TextEncoder().encode(text));
      log('warn', `Outbound record: ${file} could not be read; kept as ${keptAs}, starting anew.`);
    } else {
      let skipped = 0;
      for (const raw of parsed.data.entries) {
        const entry = outboundRecordEntrySchema.safeParse(raw);
        if (entry.success) entries.push(entry.data);
        else skipped += 1;
      }
      if (skipped > 0) log('warn', `Outbound record: ${skipped} unreadable entries skipped.`);
    }
  }
  const interruptedAt = finishedAt().toISOString();
  entries = entries.map((entry) =>
    entry.result === 'sending'
      ? { ...entry, result: 'failed', reason: INTERRUPTED_REASON, finishedAt: interruptedAt }
      : entry,
  );

  // One write at a time, each of the whole (bounded) record, so a crash leaves old or new. Puts
  // that come while a write runs share the next one, which takes the record as it is when it
  // starts: a burst of pages costs two writes, not one each.
  let writing: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;
  const save = () => {
    queued ??= writing
      .catch(() => {})
      .then(() => {
        queued = undefined;
        const bytes = new TextEncoder().encode(JSON.stringify({ version: 1, entries }));
        return replaceFileDurably(dir, temp, file, bytes);
      });
    writing = queued;
    return queued;
  };
  if (entries.some((entry) => entry.finishedAt === interruptedAt)) await save();

  return {
    entries: () => entries,
    put(entry) {
      const index = entries.findIndex((e) => e.id === entry.id);
      if (index >= 0) entries = entries.map((e, i) => (i === index ? entry : e));
      else entries = [...entries, entry].slice(-MAX_RECORD_ENTRIES);
      return save();
    },
    flush: () => writing.catch(() => {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
