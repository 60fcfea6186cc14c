import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AppendJob } from './append-jobs';

/**
 * The bench runner times synchronous functions, and a durable append is asynchronous. So the
 * journal lives in a worker thread and each timed call blocks on Atomics.wait until the
 * worker reports the job done: the time is the job's full, real duration. Measured and floor
 * jobs take the same path, so the hand-over (tens of µs) is on both sides of the ratio.
 */
export interface BlockingJournalWorker {
  /** Run one job to completion; returns its duration in ms. */
  run(job: AppendJob): number;
}

const WAIT_LIMIT_MS = 30_000;

/** Start a worker on a fresh temp directory (removed at exit). */
export function startJournalWorker(): BlockingJournalWorker {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-journal-bench-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const entry = new URL('./append-worker.ts', import.meta.url).href;
  // The worker does not inherit tsx's loader from `npm run bench`, so it registers it first.
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { dir, signal } },
  );
  worker.unref(); // the runner has no teardown: let the process end when the table is printed
  block(flag, 'start');

  return {
    run(job) {
      Atomics.store(flag, 0, 0);
      const started = performance.now();
      worker.postMessage(job);
      block(flag, job);
      return performance.now() - started;
    },
  };
}

function block(flag: Int32Array, what: string): void {
  if (Atomics.wait(flag, 0, 0, WAIT_LIMIT_MS) === 'timed-out') {
    throw new Error(`journal bench worker: "${what}" did not finish in ${WAIT_LIMIT_MS} ms`);
  }
  if (Atomics.load(flag, 0) !== 1) throw new Error(`journal bench worker: "${what}" failed`);
}

/**
 * The value below which `share` of the samples fall (nearest rank).
 * @param samples - durations in ms
 * @param share - 0.5 for the median, 0.99 for p99
 */
export function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
}
