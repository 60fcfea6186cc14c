import { Worker } from 'node:worker_threads';
import type { PushJob } from './push-jobs';

/**
 * The bench runner times synchronous functions, and a push is a network round trip. So the
 * receiver, the source manager and the client live in a worker thread, and each timed call
 * blocks on Atomics.wait until the worker reports the job done (as journal/blocking-worker.ts
 * does). Measured and floor jobs take the same path, so the hand-over is on both sides.
 */
export interface BlockingPushWorker {
  /** Run one job to completion; returns its duration in ms. */
  run(job: PushJob): number;
}

const WAIT_LIMIT_MS = 30_000;

/** Start the worker and wait until its receiver listens. */
export function startPushWorker(): BlockingPushWorker {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const entry = new URL('./push-worker.ts', import.meta.url).href;
  // The worker does not inherit tsx's loader from `npm run bench`, so it registers it first.
  const worker = new Worker(
    `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
    { eval: true, workerData: { signal } },
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
    throw new Error(`push bench worker: "${what}" did not finish in ${WAIT_LIMIT_MS} ms`);
  }
  if (Atomics.load(flag, 0) !== 1) throw new Error(`push bench worker: "${what}" failed`);
}
