// Shared by the journal bench cases (main thread) and append-worker.ts (worker thread).

/** The jobs the main thread can ask the worker for. */
export type AppendJob = 'append' | 'burst' | 'raw-one' | 'raw-burst';

/** How many appends a burst holds. */
export const BURST = 100;
