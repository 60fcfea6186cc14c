import type { Worker } from 'node:worker_threads';
import type { Runbook } from '../../../shared/domain/runbook';
import { brokenRunbook } from './broken-runbook';
import type { RunbookSource } from './parse-runbook';
import type { ParseReply, ParseRequest } from './parse-runbook-messages';
import { startRunbookWorker } from './start-runbook-worker';

/**
 * How long one file may take to parse. A real runbook of the 1 MiB limit parses in well under a
 * second; hostile ones took 33–62 s (issue 10) on the main thread, which also polls, notifies and
 * escalates.
 */
export const DEFAULT_RUNBOOK_PARSE_BUDGET_MS = 5_000;

/**
 * How long an idle worker is kept for the next load: a reload comes in bursts (git, editors),
 * and starting a worker costs seconds from TypeScript source; an idle app keeps no thread.
 */
export const DEFAULT_RUNBOOK_WORKER_IDLE_MS = 30_000;

// A worker's heap: a 1 MiB file's syntax tree fits many times over; a hostile one that does not
// ends that worker (and that file) instead of the app.
const WORKER_HEAP_MB = 512;

/** Parses runbook files off the main thread, one at a time, each within a time budget. */
export interface RunbookParser {
  /** Never rejects: a file that fails or runs over the budget comes back broken, saying why. */
  parse(source: RunbookSource): Promise<Runbook>;
  /** Stops the worker. */
  close(): Promise<void>;
}

/** What {@link createRunbookParser} needs. */
export interface RunbookParserOptions {
  /** Per file, from when the worker receives it; default {@link DEFAULT_RUNBOOK_PARSE_BUDGET_MS}. */
  budgetMs?: number;
  /** Starts the worker thread; tests may start another. */
  startWorker?: () => Worker;
  /** Idle time before the worker is stopped; default {@link DEFAULT_RUNBOOK_WORKER_IDLE_MS}. */
  idleMs?: number;
}

interface Live {
  worker: Worker;
  ready: Promise<void>;
}

/**
 * A parser over one worker thread, started on the first file. A file over the budget gets its
 * worker terminated (the only way to stop synchronous parsing) and a fresh one takes the next file.
 * @param options - budget, and how to start the worker
 */
export function createRunbookParser(options: RunbookParserOptions = {}): RunbookParser {
  const budgetMs = options.budgetMs ?? DEFAULT_RUNBOOK_PARSE_BUDGET_MS;
  const start =
    options.startWorker ?? (() => startRunbookWorker({ maxOldGenerationSizeMb: WORKER_HEAP_MB }));
  const idleMs = options.idleMs ?? DEFAULT_RUNBOOK_WORKER_IDLE_MS;
  let live: Live | undefined;
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | undefined;

  const spawn = (): Live => {
    const worker = start();
    // Never what keeps the process alive: a pending parse holds its own budget timer.
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (reply: ParseReply): void => {
        if (reply.type !== 'ready') return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the parser stopped (exit code ${code})`)));
    });
    // Handled by whoever awaits it; this keeps an unawaited failure from being unhandled.
    ready.catch(() => undefined);
    return { worker, ready };
  };

  const discard = (): void => {
    void live?.worker.terminate();
    live = undefined;
  };

  return {
    async parse(source) {
      clearTimeout(idleTimer);
      let worker: Worker;
      try {
        live ??= spawn();
        worker = live.worker;
        await live.ready;
      } catch (error) {
        discard();
        return brokenRunbook(source, `the runbook parser could not start (${messageOf(error)})`);
      }
      const id = nextId++;
      return new Promise<Runbook>((resolve) => {
        const settle = (runbook: Runbook, stop: boolean): void => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
          if (stop) discard();
          clearTimeout(idleTimer);
          idleTimer = setTimeout(discard, idleMs);
          idleTimer.unref();
          resolve(runbook);
        };
        const onMessage = (reply: ParseReply): void => {
          if (reply.type === 'parsed' && reply.id === id) settle(reply.runbook, false);
          if (reply.type === 'failed' && reply.id === id) {
            settle(brokenRunbook(source, `file could not be parsed (${reply.message})`), false);
          }
        };
        const onError = (error: Error): void =>
          settle(brokenRunbook(source, `the parser failed on this file (${error.message})`), true);
        const onExit = (code: number): void =>
          settle(
            brokenRunbook(source, `the parser stopped on this file (exit code ${code})`),
            true,
          );
        const timer = setTimeout(
          () =>
            settle(
              brokenRunbook(
                source,
                `parsing took longer than ${budgetMs / 1000} s and was stopped; split the file or simplify its nesting`,
              ),
              true,
            ),
          budgetMs,
        );
        worker.on('message', onMessage);
        worker.once('error', onError);
        worker.once('exit', onExit);
        worker.postMessage({ id, source } satisfies ParseRequest);
      });
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
