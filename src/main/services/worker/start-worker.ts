import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Where a worker's code is, from the module that starts it. */
export interface WorkerEntry {
  /** The starting module's `import.meta.url`: a `.ts` file from source, else the main bundle. */
  readonly from: string;
  /** The worker's TypeScript source, relative to `from` when that is source. */
  readonly source: string;
  /** The worker's own bundle, written next to the main bundle by its build. */
  readonly bundle: string;
}

/**
 * Starts a worker thread, wherever the app runs from:
 * * from TypeScript source (Vitest): a worker does not inherit the parent's loader, so it
 *   registers tsx first and then imports the worker's source;
 * * from a bundle (the shell's `main.cjs`, browser mode's `cli.mjs`): the worker's own bundle,
 *   read next to it and run as eval'd CommonJS. Read by the main thread rather than given to
 *   Worker as a path, because the main thread's `fs` reads inside app.asar and a worker's module
 *   loader may not.
 * @param entry - where the worker's code is
 * @param resourceLimits - the worker's heap limits, so hostile input cannot exhaust memory
 */
export function startWorker(entry: WorkerEntry, resourceLimits: ResourceLimits): Worker {
  if (entry.from.endsWith('.ts')) {
    // Resolved here: a bare specifier in eval'd code would be looked up from the working directory.
    const tsx = import.meta.resolve('tsx/esm/api');
    const source = new URL(entry.source, entry.from).href;
    return new Worker(
      `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`,
      { eval: true, resourceLimits },
    );
  }
  const bundle = fileURLToPath(new URL(`./${entry.bundle}`, entry.from).href);
  return new Worker(readFileSync(bundle, 'utf8'), { eval: true, resourceLimits });
}
