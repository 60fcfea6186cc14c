import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import type { Clock } from '../clock/clock';
import { isCode, replaceFileDurably } from './durable-fs';
import type { OpenedJournal } from './journal';
import { JournalFormatError } from './journal-errors';
import type { JournalFileState } from './journal-file';
import { decodeJournalHeader, encodeJournalHeader, JOURNAL_HEADER_BYTES } from './journal-header';
import type { JournalPaths } from './journal-paths';
import { copyAside, moveAside } from './keep-aside';
import { scanRecords } from './record-format';
import { decodeSnapshot } from './snapshot-format';

/** A document's state as found, and the journal file ready for appends. */
export interface RecoveredJournal {
  opened: OpenedJournal;
  state: JournalFileState;
}

/**
 * Read a document's snapshot and journal, repairing what a crash can leave behind: stray temp
 * files are deleted, a stale journal (a compaction interrupted after its snapshot) is reset, a
 * corrupt snapshot is quarantined, and the journal is truncated at its first bad record after
 * the bad tail has been copied aside. Files that are not ours, or that a newer app wrote, are
 * refused with a JournalFormatError.
 * @param paths - the document's files
 * @param clock - names quarantine files
 * @param log - told about every repair
 */
export async function recoverJournal(
  paths: JournalPaths,
  clock: Clock,
  log: (msg: string) => void,
): Promise<RecoveredJournal> {
  await removeStrayTemp(paths.snapshotTemp, log);
  await removeStrayTemp(paths.journalTemp, log);

  const snapshotFile = await readIfExists(paths.snapshot);
  const snapshot = snapshotFile === undefined ? undefined : decodeSnapshot(snapshotFile);
  if (snapshot?.kind === 'unsupported-version') {
    throw new JournalFormatError(
      'unsupported-version',
      paths.snapshot,
      `Journal: ${paths.snapshot} is in snapshot format ${snapshot.version}, written by a newer ` +
        'version of the app; it was left as it is. Update the app to open this document.',
    );
  }
  const journal = await openExistingJournal(paths, clock, log);

  let handle = journal?.handle;
  try {
    const problems: string[] = [];
    let quarantinedAs: string | undefined;
    let droppedBytes = 0;
    const report = (problem: string): void => {
      problems.push(problem);
      log(`Journal: ${problem}`);
    };

    if (snapshot?.kind === 'corrupt') {
      quarantinedAs = await moveAside(paths.snapshot, 'quarantine', clock);
      report(
        `The snapshot ${paths.snapshot} is corrupt (${snapshot.problem}); it was kept as ` +
          `${quarantinedAs} and the journal was replayed without it.`,
      );
    }
    const good = snapshot?.kind === 'ok' ? snapshot : undefined;
    const opened: OpenedJournal = { records: [] };
    if (good) opened.snapshot = good.payload;

    let state: JournalFileState;
    if (journal === undefined || handle === undefined) {
      if (good)
        log(`Journal: ${paths.journal} was missing beside its snapshot; a new one was started.`);
      handle = await createJournal(paths, good?.generation ?? 0);
      state = { handle, generation: good?.generation ?? 0, end: JOURNAL_HEADER_BYTES };
    } else if (good && journal.generation < good.generation) {
      // A compaction renamed its snapshot into place and died before resetting the journal:
      // every record here is already in the snapshot.
      log(
        `Journal: ${paths.journal} (generation ${journal.generation}) predates the snapshot ` +
          `(generation ${good.generation}), so a compaction was interrupted; its records are in ` +
          'the snapshot and were skipped.',
      );
      await handle.close();
      handle = undefined; // so that a failure below does not close it twice
      handle = await createJournal(paths, good.generation);
      state = { handle, generation: good.generation, end: JOURNAL_HEADER_BYTES };
    } else {
      const scan = scanRecords(journal.bytes, JOURNAL_HEADER_BYTES);
      opened.records = scan.records;
      if (scan.problem !== undefined) {
        const tail = journal.bytes.subarray(scan.goodEnd);
        // Kept (durably) before it is cut: no byte is ever lost.
        const keptAs = await copyAside(paths.journal, 'quarantine', tail, clock);
        await handle.truncate(scan.goodEnd);
        await handle.datasync();
        droppedBytes = tail.byteLength;
        quarantinedAs = keptAs;
        report(
          `The journal ${paths.journal} ended in ${tail.byteLength} bytes that are not a whole record ` +
            `(${scan.problem}); they were kept as ${keptAs} and the ` +
            `${scan.records.length} records before them were replayed.`,
        );
      }
      if (good === undefined && journal.generation > 0 && snapshot?.kind !== 'corrupt') {
        report(
          `The snapshot that the journal ${paths.journal} continues (generation ${journal.generation}) is ` +
            'missing; only the records after it were replayed.',
        );
      }
      if (good && journal.generation > good.generation) {
        report(
          `The snapshot is of generation ${good.generation} but the journal ${paths.journal} continues ` +
            `generation ${journal.generation}; both were replayed.`,
        );
      }
      state = { handle, generation: journal.generation, end: scan.goodEnd };
    }

    if (problems.length > 0) {
      opened.recovery = { droppedBytes, reason: problems.join(' ') };
      if (quarantinedAs !== undefined) opened.recovery.quarantinedAs = quarantinedAs;
    }
    return { opened, state };
  } catch (error) {
    await handle?.close().catch(() => {});
    throw error;
  }
}

interface ExistingJournal {
  handle: FileHandle;
  bytes: Buffer;
  generation: number;
}

/** The journal file open for appends, or undefined when there is none (or it is empty). */
async function openExistingJournal(
  paths: JournalPaths,
  clock: Clock,
  log: (msg: string) => void,
): Promise<ExistingJournal | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(paths.journal, 'r+');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } catch (error) {
    await handle.close();
    throw error;
  }
  const header = decodeJournalHeader(bytes);
  if (header.kind === 'ok') return { handle, bytes, generation: header.generation };
  await handle.close();
  switch (header.kind) {
    case 'empty':
      // We never leave an empty journal (it is created whole by a rename), but one made by
      // hand holds nothing to lose: start it properly.
      log(`Journal: ${paths.journal} was empty; a new journal was started.`);
      return undefined;
    case 'foreign': {
      const keptAs = await moveAside(paths.journal, 'foreign', clock);
      const message =
        `Journal: ${paths.journal} is not a journal of this app; it was moved, untouched, to ` +
        `${keptAs}. Opening the document again starts a new, empty journal.`;
      log(message);
      throw new JournalFormatError('foreign', paths.journal, message, keptAs);
    }
    case 'unsupported-version':
      throw new JournalFormatError(
        'unsupported-version',
        paths.journal,
        `Journal: ${paths.journal} is in journal format ${header.version}, written by a newer ` +
          'version of the app; it was left as it is. Update the app to open this document.',
      );
    case 'damaged':
      throw new JournalFormatError(
        'damaged-header',
        paths.journal,
        `Journal: the header of ${paths.journal} is damaged, so its records cannot be placed ` +
          'after the snapshot; nothing was changed. Restore the file or move it away to open ' +
          'the document from its snapshot alone.',
      );
  }
}

/** A new, empty journal of the given generation, created whole (temp → fsync → rename). */
async function createJournal(paths: JournalPaths, generation: number): Promise<FileHandle> {
  await replaceFileDurably(
    paths.dir,
    paths.journalTemp,
    paths.journal,
    encodeJournalHeader(generation),
  );
  return open(paths.journal, 'r+');
}

/**
 * A temp file is a compaction (or journal creation) that crashed before its rename: the file
 * it would have replaced is still whole, so the temp holds nothing we need.
 */
async function removeStrayTemp(file: string, log: (msg: string) => void): Promise<void> {
  try {
    await rm(file);
    log(`Journal: removed ${file}, left by an interrupted compaction.`);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}
