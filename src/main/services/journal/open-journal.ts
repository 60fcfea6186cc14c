import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { systemClock } from '../clock/clock';
import { PRIVATE_DIR_MODE } from '../home/private-mode';
import { syncDirectory } from './durable-fs';
import type { Journal, JournalOptions, OpenedJournal } from './journal';
import { JournalFile } from './journal-file';
import { journalPaths } from './journal-paths';
import { claimDocument } from './open-documents';
import { recoverJournal } from './recover-journal';

/**
 * Open (creating if needed) the journal of one document: recover what is on disk, and return
 * it with the journal ready for appends. Rejects with a JournalFormatError when a file is not
 * one this code can read (see there for what is left where).
 * @param dir - the journal directory (created if missing)
 * @param docId - the document id, which names its files
 * @param options - a log for repairs, a batch window for appends, a clock for file names
 */
export async function openJournal(
  dir: string,
  docId: string,
  options: JournalOptions = {},
): Promise<{ journal: Journal; opened: OpenedJournal }> {
  const paths = journalPaths(dir, docId);
  const release = claimDocument(paths.journal);
  try {
    await makeDirectoryDurably(dir);
    const { opened, state } = await recoverJournal(
      paths,
      options.clock ?? systemClock,
      options.log ?? (() => {}),
    );
    const journal = new JournalFile(paths, state, options.batchWindowMs ?? 0, release);
    return { journal, opened };
  } catch (error) {
    release();
    throw error;
  }
}

/** Create `dir` if needed, making each new directory's entry durable in its parent. */
async function makeDirectoryDurably(dir: string): Promise<void> {
  const first = await mkdir(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (first === undefined) return;
  const top = path.resolve(first);
  for (let created = path.resolve(dir); ; created = path.dirname(created)) {
    await syncDirectory(path.dirname(created));
    if (created === top || path.dirname(created) === created) return;
  }
}
