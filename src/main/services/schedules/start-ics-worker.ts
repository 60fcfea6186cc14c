import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The worker's bundle, written next to main.cjs and browser mode's cli.mjs by their builds. */
export const BUNDLED_ICS_WORKER = 'ics-parse-worker.cjs';

/**
 * Starts the ICS worker thread, from TypeScript source (Vitest: tsx registered first) or from
 * its bundle next to the main one; start-runbook-worker.ts explains both ways.
 * @param resourceLimits - the worker's heap limits, so a hostile feed cannot exhaust memory
 */
export function startIcsWorker(resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./ics-parse-worker.ts', here).href;
    return new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, resourceLimits },
    );
  }
  const bundle = fileURLToPath(new URL(`./${BUNDLED_ICS_WORKER}`, here).href);
  return new Worker(readFileSync(bundle, 'utf8'), { eval: true, resourceLimits });
}
