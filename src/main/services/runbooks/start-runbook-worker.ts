import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorker } from '../worker/start-worker';

/** The worker's bundle, written next to main.cjs and browser mode's cli.mjs by their builds. */
export const BUNDLED_RUNBOOK_WORKER = 'runbook-parse-worker.cjs';

/**
 * Starts the runbook worker thread, from TypeScript source or from its bundle (start-worker.ts
 * explains both ways).
 * @param resourceLimits - the worker's heap limits, so a hostile file cannot exhaust memory
 */
export function startRunbookWorker(resourceLimits: ResourceLimits): Worker {
  return startWorker(
    {
      from: import.meta.url,
      source: './parse-runbook-worker.ts',
      bundle: BUNDLED_RUNBOOK_WORKER,
    },
    resourceLimits,
  );
}
