import type { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** Why a job has no value: in words each caller puts its own way. */
export type WorkerFailure =
  /** The worker could not start or load. */
  | 'start'
  /** The job threw in the worker (the detail is its message). */
  | 'failed'
  /** The worker raised an error on this job (out of memory, …). */
  | 'error'
  /** The worker exited during this job (the detail is the exit code). */
  | 'exit'
  /** The job ran over the budget and the worker was stopped (the detail is the budget in s). */
  | 'budget';

/** The outcome of one job. */
export type WorkerOutcome<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly failure: WorkerFailure; readonly detail: string };

/** Runs jobs on one worker thread, one at a time, each within a time budget. */
export interface BudgetedWorker<Request, Value> {
  /** Never rejects: a job that fails or runs over the budget comes back saying why. */
  run(request: Request): Promise<WorkerOutcome<Value>>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** What {@link createBudgetedWorker} needs. */
export interface BudgetedWorkerOptions {
  /** Starts the worker thread (it answers with `serveWorker`). */
  readonly start: () => Worker;
  /** Per job, from when it is posted. */
  readonly budgetMs: number;
  /** Idle time before the worker is stopped: an idle app keeps no thread. */
  readonly idleMs: number;
}

interface Live {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * One worker thread, started on the first job. A job over the budget gets its worker
 * terminated (the only way to stop synchronous work) and a fresh one takes the next job. Jobs
 * run one at a time, so a terminated worker never takes another job with it.
 * @param options - how to start it, the budget, the idle time
 */
export function createBudgetedWorker<Request, Value>(
  options: BudgetedWorkerOptions,
): BudgetedWorker<Request, Value> {
  const { budgetMs, idleMs } = options;
  let live: Live | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = (): Live => {
    const worker = options.start();
    // Never what keeps the process alive: a pending job holds its own budget timer.
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: WorkerReply<Value>): void => {
        if (reply.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`it stopped (exit code ${code})`)));
    });
    // Handled by whoever awaits it; this keeps an unawaited failure from being unhandled.
    ready.catch(() => undefined);
    return { worker, ready };
  };

  const discard = (): void => {
    void live?.worker.terminate();
    live = undefined;
  };

  const runOne = async (request: Request): Promise<WorkerOutcome<Value>> => {
    clearTimeout(idleTimer);
    let worker: Worker;
    try {
      live ??= spawn();
      worker = live.worker;
      await live.ready;
    } catch (error) {
      discard();
      return { ok: false, failure: 'start', detail: messageOf(error) };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      const settle = (outcome: WorkerOutcome<Value>, stop: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (stop) discard();
        clearTimeout(idleTimer);
        idleTimer = setTimeout(discard, idleMs);
        idleTimer.unref();
        resolve(outcome);
      };
      const onMessage = (reply: WorkerReply<Value>): void => {
        if (reply.type === 'done' && reply.id === id)
          settle({ ok: true, value: reply.value }, false);
        if (reply.type === 'failed' && reply.id === id)
          settle({ ok: false, failure: 'failed', detail: reply.message }, false);
      };
      const onError = (error: Error): void =>
        settle({ ok: false, failure: 'error', detail: error.message }, true);
      const onExit = (code: number): void =>
        settle({ ok: false, failure: 'exit', detail: String(code) }, true);
      const timer = setTimeout(
        () => settle({ ok: false, failure: 'budget', detail: String(budgetMs / 1000) }, true),
        budgetMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, request } satisfies WorkerRequest<Request>);
    });
  };

  return {
    run(request) {
      const result = queue.then(() => runOne(request));
      queue = result.catch(() => undefined);
      return result;
    },
    async close() {
      clearTimeout(idleTimer);
      const current = live;
      live = undefined;
      await current?.worker.terminate();
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
