import { parentPort } from 'node:worker_threads';

/**
 * The worker side of a blocking bench worker (see journal/blocking-worker.ts): run the job each
 * message names, then wake the main thread blocked on `signal` with 1 (done) or 2 (failed, the
 * error on stderr). Wakes it once at the start too: the worker is ready.
 * @param signal - the shared flag the main thread waits on
 * @param jobs - the timed jobs, by name
 */
export function serveJobs<Job extends string>(
  signal: SharedArrayBuffer,
  jobs: Record<Job, () => Promise<unknown>>,
): void {
  const flag = new Int32Array(signal);
  const wake = (state: 1 | 2): void => {
    Atomics.store(flag, 0, state);
    Atomics.notify(flag, 0);
  };
  parentPort?.on('message', (job: Job) => {
    jobs[job]().then(
      () => wake(1),
      (error: unknown) => {
        console.error(error);
        wake(2);
      },
    );
  });
  wake(1);
}
