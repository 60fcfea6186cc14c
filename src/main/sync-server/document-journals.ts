import { setImmediate as nextTurn } from 'node:timers/promises';
import * as Y from 'yjs';
import { openJournal, type Journal } from '../services/journal/journal';
import { isValidDocId } from '../services/journal/journal-paths';

/** Records in a document's journal before the next store compacts it to one snapshot. */
export const SERVER_COMPACT_AFTER_RECORDS = 500;

interface OpenDocument {
  journal: Journal;
  /** Records appended since the last compaction. */
  records: number;
  /** Appends written ahead of their apply, not yet applied to the document. */
  inflight: number;
  compacting: Promise<void> | undefined;
}

/** What the server's persistence needs to know. */
export interface DocumentJournalsOptions {
  /** The data directory: one journal (and snapshot) per document, as the app keeps them. */
  dir: string;
  log: (line: string) => void;
  compactAfterRecords?: number;
}

/**
 * The sync server's documents on disk, one journal of Yjs updates each: the same fsync'd,
 * CRC-framed, crash-repairing journal the app keeps its incidents in. A client's update is
 * appended (and fdatasync'd) before the server applies and acknowledges it, so whatever a
 * client was told is saved survives a crash or restart of the server; store (Hocuspocus'
 * debounced save) only compacts.
 */
export class DocumentJournals {
  readonly #open = new Map<string, Promise<OpenDocument>>();
  readonly #closing = new Map<string, Promise<void>>();
  readonly #options: DocumentJournalsOptions;

  /** @param options - where and how */
  constructor(options: DocumentJournalsOptions) {
    this.#options = options;
  }

  /**
   * Open a document's journal and answer everything in it as one update (null for a new one).
   * @param name - the document name; refused unless it can name a file
   */
  async load(name: string): Promise<Uint8Array | null> {
    if (!isValidDocId(name)) {
      throw new Error(`"${name}" is not a document name this server keeps.`);
    }
    await this.#closing.get(name);
    const opening = (async (): Promise<{ doc: OpenDocument; state: Uint8Array | null }> => {
      const { journal, opened } = await openJournal(this.#options.dir, name, {
        log: (line) => this.#options.log(line),
      });
      const updates = opened.snapshot ? [opened.snapshot, ...opened.records] : opened.records;
      const state = updates.length === 0 ? null : Y.mergeUpdates(updates);
      return {
        doc: { journal, records: opened.records.length, inflight: 0, compacting: undefined },
        state,
      };
    })();
    const doc = opening.then((opened) => opened.doc);
    doc.catch(() => this.#open.delete(name));
    this.#open.set(name, doc);
    return (await opening).state;
  }

  /**
   * Append a client's update ahead of its apply; resolves once durable. The caller applies the
   * update right after (in the same turn of the event loop), which is what lets a compaction
   * wait for every update written ahead to be in the document.
   * @param name - a loaded document
   * @param update - the Yjs update
   */
  async writeAhead(name: string, update: Uint8Array): Promise<void> {
    const doc = await this.#get(name);
    doc.inflight++;
    try {
      doc.records++;
      await doc.journal.append(update);
    } finally {
      // Hocuspocus applies the message in a `then` after this resolves: by the next turn of the
      // event loop (after every microtask) it is in the document.
      void nextTurn().then(() => doc.inflight--);
    }
  }

  /**
   * Append an update that reached the document some other way (another server process through
   * Redis); not awaited by anyone, failures logged.
   * @param name - a loaded document
   * @param update - the Yjs update
   */
  record(name: string, update: Uint8Array): void {
    void this.#get(name)
      .then((doc) => {
        doc.records++;
        return doc.journal.append(update);
      })
      .catch((error: unknown) =>
        this.#options.log(
          `Sync server: an update of ${name} from another server could not be written (${describe(error)}); that server still holds it.`,
        ),
      );
  }

  /**
   * Compact a document's journal to one snapshot of `doc` when it has grown, once every update
   * written ahead is in the document (otherwise the snapshot would drop it).
   * @param name - a loaded document
   * @param doc - the document as the server holds it
   */
  async compact(name: string, doc: Y.Doc): Promise<void> {
    const open = await this.#get(name);
    if (open.compacting) return open.compacting;
    if (open.records < (this.#options.compactAfterRecords ?? SERVER_COMPACT_AFTER_RECORDS)) return;
    open.compacting = (async () => {
      while (open.inflight > 0) await nextTurn();
      // No await between reading the state and queueing the compaction: appends queued later
      // come after it in the journal and are kept.
      const covered = open.records;
      const done = open.journal.compact(Y.encodeStateAsUpdate(doc));
      await done;
      open.records -= covered;
    })().finally(() => {
      open.compacting = undefined;
    });
    return open.compacting;
  }

  /**
   * Close a document's journal after its pending appends (the document was unloaded).
   * @param name - the document
   */
  unload(name: string): Promise<void> {
    const opening = this.#open.get(name);
    if (!opening) return Promise.resolve();
    this.#open.delete(name);
    const closing = opening
      .then(async (doc) => {
        await doc.compacting?.catch(() => {});
        await doc.journal.close();
      })
      .catch((error: unknown) =>
        this.#options.log(`Sync server: closing the journal of ${name} failed: ${describe(error)}`),
      )
      .finally(() => {
        if (this.#closing.get(name) === closing) this.#closing.delete(name);
      });
    this.#closing.set(name, closing);
    return closing;
  }

  /** Close every journal after its pending appends. */
  async close(): Promise<void> {
    await Promise.all([...this.#open.keys()].map((name) => this.unload(name)));
    await Promise.all([...this.#closing.values()]);
  }

  #get(name: string): Promise<OpenDocument> {
    const doc = this.#open.get(name);
    if (!doc) return Promise.reject(new Error(`The journal of ${name} is not open.`));
    return doc;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
