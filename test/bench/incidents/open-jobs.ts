// Shared by the incident-open bench case (main thread) and open-worker.ts (worker thread).

/** The jobs the main thread can ask the worker for. */
export type OpenJob = 'open-store' | 'raw-apply';

/** How the journal holding the incident is laid out. */
export type JournalLayout =
  /** One record per update, never compacted: what replay costs at worst. */
  | 'records'
  /** As the store leaves it: a snapshot, and the records since the last compaction. */
  | 'compacted';

/** Timeline entries the incident holds. */
export const ENTRIES = 10_000;
