import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBudgetedWorker,
  type BudgetedWorker,
} from '../../../../../src/main/services/worker/budgeted-worker';

// A worker speaking the protocol: "spin" never ends, "exit" exits, "throw" fails, anything else
// is answered in capitals.
const ECHO = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, request }) => {
  if (request === 'spin') for (;;) {}
  if (request === 'exit') process.exit(7);
  if (request === 'throw') return parentPort.postMessage({ type: 'failed', id, message: 'bad input' });
  parentPort.postMessage({ type: 'done', id, value: request.toUpperCase() });
});
parentPort.postMessage({ type: 'ready' });
`;

let started = 0;
let worker: BudgetedWorker<string, string>;

function open(start = () => new Worker(ECHO, { eval: true })) {
  worker = createBudgetedWorker<string, string>({
    start: () => {
      started += 1;
      return start();
    },
    budgetMs: 300,
    idleMs: 60_000,
  });
}

afterEach(async () => {
  await worker.close();
  started = 0;
});

describe('a budgeted worker', () => {
  it('answers jobs on one thread, and a job that throws costs only itself', async () => {
    open();
    expect(await worker.run('a')).toEqual({ ok: true, value: 'A' });
    expect(await worker.run('throw')).toEqual({
      ok: false,
      failure: 'failed',
      detail: 'bad input',
    });
    expect(await worker.run('b')).toEqual({ ok: true, value: 'B' });
    expect(started).toBe(1);
  });

  it('stops a job over the budget without taking the jobs queued behind it', async () => {
    open();
    const [spun, next, last] = await Promise.all([
      worker.run('spin'),
      worker.run('next'),
      worker.run('last'),
    ]);
    expect(spun).toEqual({ ok: false, failure: 'budget', detail: '0.3' });
    expect(next).toEqual({ ok: true, value: 'NEXT' });
    expect(last).toEqual({ ok: true, value: 'LAST' });
    // The spinning worker was terminated; a fresh one took the rest.
    expect(started).toBe(2);
  });

  it('says the worker could not start, and starts one for the next job', async () => {
    let fail = true;
    open(() => {
      if (fail) {
        fail = false;
        throw new Error('no threads here');
      }
      return new Worker(ECHO, { eval: true });
    });
    expect(await worker.run('a')).toEqual({
      ok: false,
      failure: 'start',
      detail: 'no threads here',
    });
    expect(await worker.run('a')).toEqual({ ok: true, value: 'A' });
  });

  it('says the worker exited during a job, and starts another for the next', async () => {
    open();
    expect(await worker.run('exit')).toEqual({ ok: false, failure: 'exit', detail: '7' });
    expect(await worker.run('a')).toEqual({ ok: true, value: 'A' });
    expect(started).toBe(2);
  });
});
