import * as Y from 'yjs';
import { readIncident } from '../../../shared/incident/read-incident';
import {
  createTimelineReadCache,
  type TimelineReadCache,
} from '../../../shared/incident/timeline-read-cache';
import type { IncidentView } from '../../../shared/ipc/incident-schemas';
import type { AppLog } from '../app/app-log';
import type { Journal } from '../journal/journal';

/**
 * Records in an incident's journal before it is compacted to one snapshot. A snapshot drops what
 * later changes overwrote or deleted (ticks, edits, meta fields: Yjs garbage-collects them) and
 * the framing of each record, so the files stop growing with every keystroke of a long call. It
 * does not make opening much faster: Yjs applies 10,000 small records about as fast as one
 * snapshot of them (npm run bench). A compaction encodes the whole document (about 30 ms at
 * 10,000 entries) and costs four fsyncs, so it should stay rare while people type: at 500 records
 * a scribe writing an entry every few seconds compacts about every half hour, well under 0.1 ms
 * per record amortised, and a crash never leaves more than 500 records to replay on top.
 */
export const COMPACT_AFTER_RECORDS = 500;

/**
 * A change could not be made durable: the journal refused or failed the append. The change is
 * in memory only, so the incident must be reopened from disk before anything more is shown.
 */
export class IncidentWriteError extends Error {
  /**
   * @param id - the incident
   * @param cause - the journal's error
   */
  constructor(
    readonly id: string,
    cause: unknown,
  ) {
    super(
      `The change to incident ${id} could not be saved to disk ` +
        `(${cause instanceof Error ? cause.message : String(cause)}), so it was not kept.`,
      { cause },
    );
    this.name = 'IncidentWriteError';
  }
}

/** What a change reports once it is on disk. */
export interface PersistedChange<T> {
  result: T;
  /** The incident as of this change: everything in it is on disk. */
  view: IncidentView;
  /** False when the change wrote nothing (the document already was as asked). */
  written: boolean;
}

/** What a {@link PersistedIncident} is made of. */
export interface PersistedIncidentOptions {
  id: string;
  /** The document, already replayed from the journal. */
  doc: Y.Doc;
  journal: Journal;
  /** How many records the journal holds already. */
  records: number;
  /** Shown on the incident: what opening its record had to repair. */
  warning?: string | undefined;
  compactAfterRecords?: number;
  log: AppLog;
}

/**
 * One open incident: its document, wired so that every Yjs update is appended to its journal,
 * and compacted now and then. A change is reported (and so shown) only once its updates are
 * durable: "on disk before it is shown" (design §4).
 */
export class PersistedIncident {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly warning: string | undefined;
  readonly #journal: Journal;
  readonly #log: AppLog;
  readonly #compactAfter: number;
  /** Appends started by updates since the last change collected them. */
  #appends: Promise<void>[] = [];
  #records: number;
  /** Record count that triggers the next compaction; pushed back after a failed one. */
  #compactAt: number;
  #view: IncidentView;
  #changes = 0;
  #viewChange = 0;
  #compaction: Promise<void> | undefined;
  #failure: IncidentWriteError | undefined;
  #readCache: TimelineReadCache;

  /** @param options - the document, its journal, and what opening found */
  constructor(options: PersistedIncidentOptions) {
    this.id = options.id;
    this.doc = options.doc;
    this.warning = options.warning;
    this.#journal = options.journal;
    this.#log = options.log;
    this.#records = options.records;
    this.#compactAfter = options.compactAfterRecords ?? COMPACT_AFTER_RECORDS;
    this.#compactAt = this.#compactAfter;
    // A long timeline is read again after every change: only changed entries are checked again.
    this.#readCache = createTimelineReadCache(this.doc);
    this.#view = this.#read();
    this.doc.on('update', (update: Uint8Array) => {
      const written = this.#journal.append(update);
      // change() awaits it; a rejection nobody awaits must not take the process down.
      written.catch(() => {});
      this.#appends.push(written);
      this.#records++;
    });
    this.#maybeCompact();
  }

  /** The incident as of its last durable change. */
  view(): IncidentView {
    return this.#view;
  }

  /** Set once an append failed: nothing more is written until the incident is reopened. */
  get failure(): IncidentWriteError | undefined {
    return this.#failure;
  }

  /**
   * Make a change to the document and resolve once it is durable. A `write` that throws
   * (a refused operation) rejects with its error; refused operations write nothing.
   * @param write - the change, synchronous (one or more Yjs transactions)
   * @throws IncidentWriteError when the journal could not make it durable
   */
  async change<T>(write: (doc: Y.Doc) => T): Promise<PersistedChange<T>> {
    if (this.#failure) throw this.#failure;
    let result: T | undefined;
    let refused: { error: unknown } | undefined;
    try {
      result = write(this.doc);
    } catch (error) {
      refused = { error };
    }
    const appends = this.#appends.splice(0);
    if (appends.length === 0) {
      if (refused) throw refused.error;
      return { result: result as T, view: this.#view, written: false };
    }
    const change = ++this.#changes;
    // Read before awaiting: the view then holds exactly what these appends (and every earlier
    // one, appends being ordered) make durable, never a later change still in flight.
    const view = this.#read();
    try {
      await Promise.all(appends);
    } catch (error) {
      this.#failure ??= new IncidentWriteError(this.id, error);
      throw this.#failure;
    }
    if (change > this.#viewChange) {
      this.#viewChange = change;
      this.#view = view;
    }
    this.#maybeCompact();
    if (refused) throw refused.error;
    return { result: result as T, view, written: true };
  }

  /** Wait for pending writes and a running compaction, then close the journal. */
  async close(): Promise<void> {
    await this.#compaction;
    try {
      await this.#journal.close();
    } finally {
      this.#readCache.dispose();
      this.doc.destroy();
    }
  }

  #read(): IncidentView {
    const view: IncidentView = { incident: readIncident(this.doc, this.#readCache) };
    if (this.warning !== undefined) view.warning = this.warning;
    return view;
  }

  #maybeCompact(): void {
    if (this.#compaction || this.#failure || this.#records < this.#compactAt) return;
    // Every update so far has its append queued, and the journal runs the compaction after
    // them: the snapshot covers exactly the records counted here.
    const covered = this.#records;
    this.#compaction = this.#journal
      .compact(Y.encodeStateAsUpdate(this.doc))
      .then(
        () => {
          this.#records -= covered;
          this.#compactAt = this.#compactAfter;
        },
        (error: unknown) => {
          // Not retried on every keystroke: a full disk would only fail again.
          this.#compactAt = this.#records + this.#compactAfter;
          this.#log(
            'warn',
            `Incident ${this.id}: compacting its record failed (${
              error instanceof Error ? error.message : String(error)
            }); nothing was lost, the record keeps growing until the next attempt.`,
          );
        },
      )
      .finally(() => {
        this.#compaction = undefined;
      });
  }
}
