// The journal's public API: the incident store codes against these names.
import type { Clock } from '../clock/clock';

export { openJournal } from './open-journal';
export { listJournals } from './list-journals';
export {
  JournalFailedError,
  JournalFormatError,
  type JournalFormatProblem,
} from './journal-errors';

/** What opening had to repair; the UI shows it as a visible warning on the document. */
export interface JournalRecovery {
  /** records dropped at the tail */
  droppedBytes: number;
  /** Where the dropped bytes (or a corrupt snapshot) were kept, byte for byte. */
  quarantinedAs?: string;
  /** What was wrong, in words a person can act on. */
  reason?: string;
}

/** A document's state as found on disk: the snapshot, then the records to apply on top, in order. */
export interface OpenedJournal {
  snapshot?: Uint8Array;
  records: Uint8Array[];
  recovery?: JournalRecovery;
}

/** One document's append-only journal. */
export interface Journal {
  /** Append one record; resolves once it is durable (fdatasync'd). Appends are ordered. */
  append(bytes: Uint8Array): Promise<void>;
  /** Replace snapshot+journal by one snapshot: write temp → fsync → rename → fsync dir, then truncate the journal. */
  compact(snapshot: Uint8Array): Promise<void>;
  /** Bytes in the journal since the last compaction, so the owner can decide when to compact. */
  size(): number;
  close(): Promise<void>;
}

/** Options of openJournal. */
export interface JournalOptions {
  /** Told about repairs and refusals, one line each. */
  log?: (msg: string) => void;
  /** Extra wait before the first write after an idle spell, to gather more appends (default 0). */
  batchWindowMs?: number;
  /** Names quarantine files (default: the system clock). */
  clock?: Clock;
}
