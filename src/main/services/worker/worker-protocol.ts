import { parentPort } from 'node:worker_threads';

/** What the main thread sends a budgeted worker: one job, numbered. */
export interface WorkerRequest<Request> {
  readonly id: number;
  readonly request: Request;
}

/** What a budgeted worker answers: `ready` once loaded, then one reply per job. */
export type WorkerReply<Value> =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly id: number; readonly value: Value }
  /** The job threw; the message says what. */
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

/**
 * The worker's side: answer each job with `work`'s value, or with what it threw, so a bad input
 * or a stack overflow costs that job and not the others; then say it is ready.
 * @param name - the worker's file, for the error when it is not run as a worker
 * @param work - the synchronous, possibly slow work on untrusted input
 */
export function serveWorker<Request, Value>(name: string, work: (request: Request) => Value): void {
  const port = parentPort;
  if (port === null) throw new Error(`${name} runs as a worker thread only.`);
  port.on('message', ({ id, request }: WorkerRequest<Request>) => {
    let reply: WorkerReply<Value>;
    try {
      reply = { type: 'done', id, value: work(request) };
    } catch (error) {
      reply = {
        type: 'failed',
        id,
        message: error instanceof Error ? error.message : String(error),
      };
    }
    port.postMessage(reply);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReply<Value>);
}
