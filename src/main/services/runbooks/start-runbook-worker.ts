import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The worker's bundle, written next to main.cjs and browser mode's cli.mjs by their builds. */
export const BUNDLED_RUNBOOK_WORKER = 'runbook-parse-worker.cjs';

/**
 * Starts the runbook worker thread, wherever the app runs from:
 * * from TypeScript source (Vitest): a worker does not inherit the parent's loader, so it
 *   registers tsx first and then imports `parse-runbook-worker.ts`;
 * * from a bundle (the shell's `main.cjs`, browser mode's `cli.mjs`): the worker's own bundle,
 *   read next to it and run as eval'd CommonJS. Read by the main thread rather than given to
 *   Worker as a path, because the main thread's `fs` reads inside app.asar and a worker's module
 *   loader may not.
 * @param resourceLimits - the worker's heap limits, so a hostile file cannot exhaust memory
 */
export function startRunbookWorker(resourceLimits: ResourceLimits): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    // Resolved here: a bare specifier in eval'd code would be looked up from the working directory.
    const tsx = import.meta.resolve('tsx/esm/api');
    const entry = new URL('./parse-runbook-worker.ts', here).href;
    return new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
      { eval: true, resourceLimits },
    );
  }
  const bundle = fileURLToPath(new URL(`./${BUNDLED_RUNBOOK_WORKER}`, here).href);
  return new Worker(readFileSync(bundle, 'utf8'), { eval: true, resourceLimits });
}
