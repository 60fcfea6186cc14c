import fs from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRunbookFolder } from '../../../../../src/main/services/runbooks/load-runbook-folder';
import {
  createRunbookParser,
  type RunbookParser,
} from '../../../../../src/main/services/runbooks/runbook-parser';
import { startRunbookWorker } from '../../../../../src/main/services/runbooks/start-runbook-worker';
import { makeTempFolder, runbookText } from './temp-folder';

// Each load parses in a worker thread which, run from TypeScript source, registers tsx first:
// seconds on a busy machine, so these tests get more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

// Nested brackets make the Markdown parser quadratic: 40k of them take about half a minute on
// the main thread. Far over the budgets below, whatever the machine.
const HOSTILE = `---\nmatch:\n  alertname: Hostile\n---\n${'['.repeat(40_000)}x${']'.repeat(40_000)}\n`;

const parsers: RunbookParser[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const parser of parsers.splice(0)) await parser.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function parser(budgetMs: number): RunbookParser {
  const created = createRunbookParser({ budgetMs });
  parsers.push(created);
  return created;
}

const source = (id: string, text: string) => ({ id, file: `/rb/${id}`, text });

describe('createRunbookParser', () => {
  it('parses a runbook in its worker thread, as parseRunbook does', async () => {
    const runbook = await parser(10_000).parse(source('disk.md', runbookText('DiskFull', 'free')));
    expect(runbook).toMatchObject({
      id: 'disk.md',
      title: 'DiskFull',
      match: { alertname: 'DiskFull' },
      steps: [expect.objectContaining({ text: 'free' })],
    });
    expect(runbook.error).toBeUndefined();
  });

  it('stops a file that runs over the budget, lists it as broken and parses the next (issue 10)', async () => {
    const budgeted = parser(1_000);
    const hostile = await budgeted.parse(source('hostile.md', HOSTILE));
    expect(hostile).toMatchObject({
      id: 'hostile.md',
      match: {},
      body: '',
      error: 'parsing took longer than 1 s and was stopped; split the file or simplify its nesting',
    });
    const next = await budgeted.parse(source('disk.md', runbookText('DiskFull')));
    expect(next.error).toBeUndefined();
    expect(next.match).toEqual({ alertname: 'DiskFull' });
  });

  it('says so when the worker cannot start, instead of failing the folder', async () => {
    const broken = createRunbookParser({
      startWorker: () => {
        throw new Error('no threads here');
      },
    });
    parsers.push(broken);
    expect(await broken.parse(source('a.md', 'text'))).toMatchObject({
      id: 'a.md',
      error: 'the runbook parser could not start (no threads here)',
    });
  });
});

describe('createRunbookParser: the worker thread', () => {
  it('keeps one worker for a burst of files and stops it once idle', async () => {
    const started: Worker[] = [];
    const counted = createRunbookParser({
      idleMs: 50,
      startWorker: () => {
        const worker = startRunbookWorker({});
        started.push(worker);
        return worker;
      },
    });
    parsers.push(counted);
    await counted.parse(source('a.md', runbookText('A')));
    await counted.parse(source('b.md', runbookText('B')));
    expect(started).toHaveLength(1);
    const [worker] = started;
    await new Promise((resolve) => worker?.once('exit', resolve));
    // A later load starts a fresh one.
    expect((await counted.parse(source('c.md', runbookText('C')))).error).toBeUndefined();
    expect(started).toHaveLength(2);
  });
});

describe('loadRunbookFolder with a hostile file', () => {
  it('lists the file over the budget with the reason; the rest of the folder loads', async () => {
    const dir = makeTempFolder({ 'hostile.md': HOSTILE, 'disk.md': runbookText('DiskFull') });
    dirs.push(dir);
    const folder = await loadRunbookFolder(dir, { parseBudgetMs: 1_000 });
    expect(folder.errors).toEqual([
      { file: 'hostile.md', message: expect.stringContaining('parsing took longer than 1 s') },
    ]);
    expect(folder.runbooks.find((runbook) => runbook.id === 'disk.md')?.error).toBeUndefined();
  });
});
