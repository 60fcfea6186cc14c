import { open, type FileHandle } from 'node:fs/promises';
import { commitTempFile, writeAll, writeTempFile } from './durable-fs';
import { GroupCommitQueue } from './group-commit-queue';
import type { Journal } from './journal';
import { JournalFailedError } from './journal-errors';
import { encodeJournalHeader, JOURNAL_HEADER_BYTES } from './journal-header';
import type { JournalPaths } from './journal-paths';
import { encodeRecord } from './record-format';
import { encodeSnapshot } from './snapshot-format';

/** Where an opened journal stands on disk. */
export interface JournalFileState {
  handle: FileHandle;
  /** The generation of the snapshot the journal continues (0: none yet). */
  generation: number;
  /** Length of the journal file: where the next record goes. */
  end: number;
}

/**
 * The live journal of one document: appends go through a group-commit queue; compaction and
 * close are exclusive steps of the same queue, so they see every earlier append on disk and
 * none of the later ones.
 *
 * Compaction and crashes: a snapshot carries a generation, and the journal's header names
 * the generation it continues. Compaction writes snapshot N+1 (temp → fsync → rename → fsync
 * dir), then replaces the journal by an empty one of generation N+1 the same way. A crash
 * between the two leaves snapshot N+1 with journal N, whose records are all in the snapshot:
 * opening skips them as stale. So a crash at any point leaves the old snapshot + old journal,
 * or the new snapshot + a stale or empty journal, and no record is ever applied twice. Yjs
 * updates would tolerate a replay, but the journal then makes no such demand of its owner.
 */
export class JournalFile implements Journal {
  readonly #queue: GroupCommitQueue;
  #handle: FileHandle | undefined;
  #generation: number;
  #end: number;
  #closing: Promise<void> | undefined;

  /**
   * @param paths - the document's files
   * @param state - the journal as recovery left it
   * @param batchWindowMs - see GroupCommitQueue
   * @param onClose - called once the file is closed
   */
  constructor(
    private readonly paths: JournalPaths,
    state: JournalFileState,
    batchWindowMs: number,
    private readonly onClose: () => void,
  ) {
    this.#handle = state.handle;
    this.#generation = state.generation;
    this.#end = state.end;
    this.#queue = new GroupCommitQueue((frames) => this.#write(frames), batchWindowMs);
  }

  append(bytes: Uint8Array): Promise<void> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    let frame: Buffer;
    try {
      frame = encodeRecord(bytes);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.#queue.append(frame);
  }

  compact(snapshot: Uint8Array): Promise<void> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    // Copied now: the snapshot is what the owner had when it called, whatever it does next.
    const payload = snapshot.slice();
    return this.#queue.exclusive(() => this.#compact(payload));
  }

  size(): number {
    return this.#end - JOURNAL_HEADER_BYTES;
  }

  close(): Promise<void> {
    this.#closing ??= this.#queue
      .exclusive(() => this.#closeFile())
      .catch((error: unknown) => {
        // A broken journal refuses queued work, the close included: close the file anyway.
        if (error === this.#queue.failure) return this.#closeFile();
        throw error;
      });
    return this.#closing;
  }

  async #closeFile(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    try {
      await handle?.close();
    } finally {
      this.onClose();
    }
  }

  #refusal(): Error | undefined {
    if (this.#closing) return new Error(`Journal: ${this.paths.journal} is closed.`);
    const failure = this.#queue.failure;
    return failure === undefined ? undefined : (failure as Error);
  }

  async #write(frames: Buffer[]): Promise<void> {
    try {
      const handle = this.#liveHandle();
      const bytes = frames.length === 1 ? (frames[0] as Buffer) : Buffer.concat(frames);
      await writeAll(handle, bytes, this.#end);
      await handle.datasync();
      this.#end += bytes.byteLength;
    } catch (error) {
      throw new JournalFailedError(this.paths.journal, error);
    }
  }

  async #compact(payload: Uint8Array): Promise<void> {
    const next = this.#generation + 1;
    const { dir, snapshot, snapshotTemp, journal, journalTemp } = this.paths;
    // A failure up to here changes nothing the next open would read: the old snapshot and
    // journal stand, the journal stays usable, only this compaction is refused.
    await writeTempFile(snapshotTemp, encodeSnapshot(next, payload));
    try {
      await commitTempFile(dir, snapshotTemp, snapshot);
      // From the rename on, the current journal may already be stale on disk: appending to it
      // could write records that the next open skips. Any failure now breaks the journal.
      await this.#liveHandle().close();
      this.#handle = undefined;
      await writeTempFile(journalTemp, encodeJournalHeader(next));
      await commitTempFile(dir, journalTemp, journal);
      this.#handle = await open(journal, 'r+');
      this.#generation = next;
      this.#end = JOURNAL_HEADER_BYTES;
    } catch (error) {
      const failure = new JournalFailedError(journal, error);
      this.#queue.fail(failure);
      throw failure;
    }
  }

  #liveHandle(): FileHandle {
    if (this.#handle === undefined) throw new Error(`Journal: ${this.paths.journal} is not open.`);
    return this.#handle;
  }
}
