import type { Worker } from 'node:worker_threads';
import type { IcsExpandRequest, IcsExpansion } from './ics-expand';
import { startIcsWorker } from './start-ics-worker';
import { createBudgetedWorker, type WorkerFailure } from '../worker/budgeted-worker';

/**
 * How long one feed may take to parse and expand. A year of PagerDuty shifts at the 2 MiB cap
 * takes a fraction of that (`npm run bench -- ics`); the step limits stop most hostile rules
 * sooner, and this stops the rest.
 */
export const DEFAULT_ICS_PARSE_BUDGET_MS = 5_000;

/** How long an idle worker is kept: feeds refresh together, then not for an hour. */
export const DEFAULT_ICS_WORKER_IDLE_MS = 30_000;

// A 2 MiB feed's component tree fits many times over; one that does not ends that worker.
const WORKER_HEAP_MB = 256;

/** The outcome of one parse: shifts, or why there are none. */
export type IcsParseOutcome =
  | { readonly ok: true; readonly expansion: IcsExpansion }
  | { readonly ok: false; readonly reason: string };

/** Parses feeds off the main thread, one at a time, each within a time budget. */
export interface IcsParser {
  /** Never rejects: a feed that fails or runs over the budget comes back with the reason. */
  parse(request: IcsExpandRequest): Promise<IcsParseOutcome>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** What {@link createIcsParser} needs. */
export interface IcsParserOptions {
  /** Per feed, from when the worker receives it; default {@link DEFAULT_ICS_PARSE_BUDGET_MS}. */
  budgetMs?: number;
  /** Starts the worker thread; tests may start another. */
  startWorker?: () => Worker;
  /** Idle time before the worker is stopped; default {@link DEFAULT_ICS_WORKER_IDLE_MS}. */
  idleMs?: number;
}

/**
 * A parser over one worker thread, started on the first feed (the runbook parser's pattern). A
 * feed over the budget gets its worker terminated, the only way to stop synchronous parsing.
 * @param options - budget, idle time, and how to start the worker
 */
export function createIcsParser(options: IcsParserOptions = {}): IcsParser {
  const worker = createBudgetedWorker<IcsExpandRequest, IcsExpansion>({
    start:
      options.startWorker ?? (() => startIcsWorker({ maxOldGenerationSizeMb: WORKER_HEAP_MB })),
    budgetMs: options.budgetMs ?? DEFAULT_ICS_PARSE_BUDGET_MS,
    idleMs: options.idleMs ?? DEFAULT_ICS_WORKER_IDLE_MS,
  });
  return {
    async parse(request) {
      const outcome = await worker.run(request);
      return outcome.ok
        ? { ok: true, expansion: outcome.value }
        : { ok: false, reason: reason(outcome) };
    },
    close: () => worker.close(),
  };
}

/** Why a feed has no shifts, as its status shows it. */
function reason(outcome: { failure: WorkerFailure; detail: string }): string {
  switch (outcome.failure) {
    case 'start':
      return `the feed parser could not start (${outcome.detail})`;
    case 'failed':
      return outcome.detail;
    case 'error':
      return `the parser failed on it (${outcome.detail})`;
    case 'exit':
      return `the parser stopped on it (exit code ${outcome.detail})`;
    case 'budget':
      return `reading it took longer than ${outcome.detail} s and was stopped; its events repeat too often or nest too deeply`;
  }
}
