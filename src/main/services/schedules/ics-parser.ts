import type { Worker } from 'node:worker_threads';
import type { IcsExpandRequest, IcsExpansion } from './ics-expand';
import type { IcsParseReply, IcsParseRequest } from './ics-parse-messages';
import { startIcsWorker } from './start-ics-worker';

/**
 * How long one feed may take to parse and expand. A year of PagerDuty shifts at the 2 MiB cap
 * takes a fraction of that (`npm run bench -- ics`); the step limits stop most hostile rules
 * sooner, and this stops the rest.
 */
export const DEFAULT_ICS_PARSE_BUDGET_MS = 5_000;

/** How long an idle worker is kept: feeds refresh together, then not for an hour. */
export const DEFAULT_ICS_WORKER_IDLE_MS = 30_000;

// A 2 MiB feed's component tree fits many times over; one that does not ends that worker.
const WORKER_HEAP_MB = 256;

/** The outcome of one parse: shifts, or why there are none. */
export type IcsParseOutcome =
  | { readonly ok: true; readonly expansion: IcsExpansion }
  | { readonly ok: false; readonly reason: string };

/** Parses feeds off the main thread, one at a time, each within a time budget. */
export interface IcsParser {
  /** Never rejects: a feed that fails or runs over the budget comes back with the reason. */
  parse(request: IcsExpandRequest): Promise<IcsParseOutcome>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** What {@link createIcsParser} needs. */
export interface IcsParserOptions {
  /** Per feed, from when the worker receives it; default {@link DEFAULT_ICS_PARSE_BUDGET_MS}. */
  budgetMs?: number;
  /** Starts the worker thread; tests may start another. */
  startWorker?: () => Worker;
  /** Idle time before the worker is stopped; default {@link DEFAULT_ICS_WORKER_IDLE_MS}. */
  idleMs?: number;
}

interface Live {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * A parser over one worker thread, started on the first feed (the runbook parser's pattern). A
 * feed over the budget gets its worker terminated, the only way to stop synchronous parsing.
 * @param options - budget, idle time, and how to start the worker
 */
export function createIcsParser(options: IcsParserOptions = {}): IcsParser {
  const budgetMs = options.budgetMs ?? DEFAULT_ICS_PARSE_BUDGET_MS;
  const start =
    options.startWorker ?? (() => startIcsWorker({ maxOldGenerationSizeMb: WORKER_HEAP_MB }));
  const idleMs = options.idleMs ?? DEFAULT_ICS_WORKER_IDLE_MS;
  let live: Live | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;
  // One feed at a time: a terminated worker must not take another feed's parse with it.
  let queue: Promise<unknown> = Promise.resolve();

  const spawn = (): Live => {
    const worker = start();
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: IcsParseReply): void => {
        if (reply.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the parser stopped (exit code ${code})`)));
    });
    ready.catch(() => undefined);
    return { worker, ready };
  };

  const discard = (): void => {
    void live?.worker.terminate();
    live = undefined;
  };

  const parseOne = async (request: IcsExpandRequest): Promise<IcsParseOutcome> => {
    clearTimeout(idleTimer);
    let worker: Worker;
    try {
      live ??= spawn();
      worker = live.worker;
      await live.ready;
    } catch (error) {
      discard();
      return { ok: false, reason: `the feed parser could not start (${messageOf(error)})` };
    }
    const id = nextId++;
    return new Promise<IcsParseOutcome>((resolve) => {
      const settle = (outcome: IcsParseOutcome, stop: boolean): void => {
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
      const onMessage = (reply: IcsParseReply): void => {
        if (reply.type === 'parsed' && reply.id === id) {
          settle({ ok: true, expansion: reply.expansion }, false);
        }
        if (reply.type === 'failed' && reply.id === id)
          settle({ ok: false, reason: reply.message }, false);
      };
      const onError = (error: Error): void =>
        settle({ ok: false, reason: `the parser failed on it (${error.message})` }, true);
      const onExit = (code: number): void =>
        settle({ ok: false, reason: `the parser stopped on it (exit code ${code})` }, true);
      const timer = setTimeout(
        () =>
          settle(
            {
              ok: false,
              reason: `reading it took longer than ${budgetMs / 1000} s and was stopped; its events repeat too often or nest too deeply`,
            },
            true,
          ),
        budgetMs,
      );
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, request } satisfies IcsParseRequest);
    });
  };

  return {
    parse(request) {
      const result = queue.then(() => parseOne(request));
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
