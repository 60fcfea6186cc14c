import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { JournalLayout, OpenJob } from './open-jobs';

/**
 * Like the journal bench's worker (test/bench/journal/blocking-worker.ts): the runner times
 * synchronous functions and opening is asynchronous, so the store lives in a worker thread and
 * each timed call blocks until the worker reports the job done. Both sides take the same path.
 */
export interface BlockingOpenWorker {
  /** Run one job to completion. */
  run(job: OpenJob): void;
}

const WAIT_LIMIT_MS = 120_000;

/**
 * Start a worker on a fresh temp home (removed at exit) holding one incident.
 * @param layout - how its journal is laid out
 */
export function startOpenWorker(layout: JournalLayout): BlockingOpenWorker {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-incident-bench-'));
  process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const entry = new URL('./open-worker.ts', import.meta.url).href;
  // The worker does not inherit tsx's loader from `npm run bench`, so it registers it first.
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { home, signal, layout } },
  );
  worker.unref();
  block(flag, 'start');
  return {
    run(job) {
      Atomics.store(flag, 0, 0);
      worker.postMessage(job);
      block(flag, job);
    },
  };
}

function block(flag: Int32Array, what: string): void {
  if (Atomics.wait(flag, 0, 0, WAIT_LIMIT_MS) === 'timed-out') {
    throw new Error(`incident bench worker: "${what}" did not finish in ${WAIT_LIMIT_MS} ms`);
  }
  if (Atomics.load(flag, 0) !== 1) throw new Error(`incident bench worker: "${what}" failed`);
}
