import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorker } from '../worker/start-worker';

/** The worker's bundle, written next to main.cjs and browser mode's cli.mjs by their builds. */
export const BUNDLED_ICS_WORKER = 'ics-parse-worker.cjs';

/**
 * Starts the ICS worker thread, from TypeScript source or from its bundle (start-worker.ts
 * explains both ways).
 * @param resourceLimits - the worker's heap limits, so a hostile feed cannot exhaust memory
 */
export function startIcsWorker(resourceLimits: ResourceLimits): Worker {
  return startWorker(
    { from: import.meta.url, source: './ics-parse-worker.ts', bundle: BUNDLED_ICS_WORKER },
    resourceLimits,
  );
}
