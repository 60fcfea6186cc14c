import type { Worker } from 'node:worker_threads';
import type { Runbook } from '../../../shared/domain/runbook';
import { brokenRunbook } from './broken-runbook';
import type { RunbookSource } from './parse-runbook';
import { startRunbookWorker } from './start-runbook-worker';
import { createBudgetedWorker, type WorkerFailure } from '../worker/budgeted-worker';

/**
 * How long one file may take to parse. A real runbook of the 1 MiB limit parses in well under a
 * second; hostile ones took 33–62 s (issue 10) on the main thread, which also polls, notifies and
 * escalates.
 */
export const DEFAULT_RUNBOOK_PARSE_BUDGET_MS = 5_000;

/**
 * How long an idle worker is kept for the next load: a reload comes in bursts (git, editors),
 * and starting a worker costs seconds from TypeScript source; an idle app keeps no thread.
 */
export const DEFAULT_RUNBOOK_WORKER_IDLE_MS = 30_000;

// A worker's heap: a 1 MiB file's syntax tree fits many times over; a hostile one that does not
// ends that worker (and that file) instead of the app.
const WORKER_HEAP_MB = 512;

/** Parses runbook files off the main thread, one at a time, each within a time budget. */
export interface RunbookParser {
  /** Never rejects: a file that fails or runs over the budget comes back broken, saying why. */
  parse(source: RunbookSource): Promise<Runbook>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** What {@link createRunbookParser} needs. */
export interface RunbookParserOptions {
  /** Per file, from when the worker receives it; default {@link DEFAULT_RUNBOOK_PARSE_BUDGET_MS}. */
  budgetMs?: number;
  /** Starts the worker thread; tests may start another. */
  startWorker?: () => Worker;
  /** Idle time before the worker is stopped; default {@link DEFAULT_RUNBOOK_WORKER_IDLE_MS}. */
  idleMs?: number;
}

/**
 * A parser over one worker thread, started on the first file. A file over the budget gets its
 * worker terminated (the only way to stop synchronous parsing) and a fresh one takes the next file.
 * @param options - budget, and how to start the worker
 */
export function createRunbookParser(options: RunbookParserOptions = {}): RunbookParser {
  const worker = createBudgetedWorker<RunbookSource, Runbook>({
    start:
      options.startWorker ?? (() => startRunbookWorker({ maxOldGenerationSizeMb: WORKER_HEAP_MB })),
    budgetMs: options.budgetMs ?? DEFAULT_RUNBOOK_PARSE_BUDGET_MS,
    idleMs: options.idleMs ?? DEFAULT_RUNBOOK_WORKER_IDLE_MS,
  });
  return {
    async parse(source) {
      const outcome = await worker.run(source);
      return outcome.ok ? outcome.value : brokenRunbook(source, reason(outcome));
    },
    close: () => worker.close(),
  };
}

/** Why a file has no runbook, as the runbook list shows it. */
function reason(outcome: { failure: WorkerFailure; detail: string }): string {
  switch (outcome.failure) {
    case 'start':
      return `the runbook parser could not start (${outcome.detail})`;
    case 'failed':
      return `file could not be parsed (${outcome.detail})`;
    case 'error':
      return `the parser failed on this file (${outcome.detail})`;
    case 'exit':
      return `the parser stopped on this file (exit code ${outcome.detail})`;
    case 'budget':
      return `parsing took longer than ${outcome.detail} s and was stopped; split the file or simplify its nesting`;
  }
}
