import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogLevel } from '../../../../../src/main/services/app/app-log';
import {
  createRunbookLibrary,
  type RunbookLibrary,
  type RunbookLibraryChange,
  type RunbookLibraryOptions,
} from '../../../../../src/main/services/runbooks/runbook-library';
import { makeTempFolder, runbookText, writeFiles } from './temp-folder';

// Each load parses in a worker thread which, run from TypeScript source, registers tsx first:
// seconds on a busy machine, so these tests get more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/runbooks', import.meta.url));

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function temp(files: Record<string, string | Buffer>): string {
  const dir = makeTempFolder(files);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(options: Partial<RunbookLibraryOptions> & { dir: string }) {
  const lines: { level: LogLevel; message: string }[] = [];
  const library = await createRunbookLibrary({
    log: (level, message) => lines.push({ level, message }),
    ...options,
  });
  cleanups.push(() => library.close());
  return { library, lines };
}

/** Resolves with the next change the library reports. */
function nextChange(library: RunbookLibrary): Promise<RunbookLibraryChange> {
  return new Promise((resolve) => {
    const off = library.onChange((change) => {
      off();
      resolve(change);
    });
  });
}

const ids = (runbooks: readonly { id: string }[]) => runbooks.map((runbook) => runbook.id);

describe('createRunbookLibrary', () => {
  it('is loaded when it resolves: list, get and errors', async () => {
    const { library, lines } = await open({ dir: FIXTURES });
    expect(library.list()).toHaveLength(7);
    expect(library.get('db/replica-lag.md')?.title).toBe('Database replica lag');
    expect(library.get('nope.md')).toBeUndefined();
    expect(library.errors().map((error) => error.file)).toEqual([
      'broken/bad-yaml.md',
      'broken/wrong-type.md',
    ]);
    expect(lines).toEqual([
      {
        level: 'warn',
        message: expect.stringContaining(
          'runbooks: 2 problem(s) in 7 file(s): broken/bad-yaml.md: ',
        ),
      },
    ]);
  });

  it('finds the runbooks for an alert, most specific first', async () => {
    const { library } = await open({ dir: FIXTURES });
    expect(
      ids(library.forAlert({ alertname: 'HighErrorRate', service: 'checkout', severity: 'page' })),
    ).toEqual(['checkout/high-error-rate.md', 'high-error-rate.md']);
    expect(library.forAlert({ alertname: 'Unknown' })).toEqual([]);
  });

  it("resolves an alert's runbook_url against the loaded runbooks", async () => {
    const { library } = await open({ dir: FIXTURES });
    expect(library.resolveUrl('checkout/high-error-rate.md')).toEqual({
      kind: 'local',
      id: 'checkout/high-error-rate.md',
    });
    expect(library.resolveUrl('https://runbooks.example.com/x')).toEqual({
      kind: 'external',
      url: 'https://runbooks.example.com/x',
    });
    expect(library.resolveUrl('../../etc/passwd').kind).toBe('refused');
    expect(library.resolveUrl('db/missing.md').kind).toBe('refused');
  });

  it('matches hostile regexes in linear time and lists a pattern RE2 refuses as broken (issue 10)', async () => {
    const dir = temp({
      'pods.md': '---\nmatch:\n  pod: { regex: "([a-z]+-?)+" }\n---\n# Pods\n',
      'crash.md': '---\nmatch:\n  alertname: { regex: "(.*.*)*!" }\n---\n# Crash\n',
      'lookahead.md': '---\nmatch:\n  service: { regex: "(?!canary).*" }\n---\n# Not canary\n',
      'disk.md': runbookText('DiskFull'),
    });
    const { library } = await open({ dir });
    // Each took from minutes to hours with the backtracking engine.
    expect(library.forAlert({ pod: `${'a-'.repeat(20)}!` })).toEqual([]);
    expect(library.forAlert({ alertname: 'KubePodCrashLooping' })).toEqual([]);
    expect(ids(library.forAlert({ pod: 'api-web' }))).toEqual(['pods.md']);
    expect(library.get('lookahead.md')?.error).toMatch(
      /`match\.service\.regex`: .*linear-time.*lookaround/,
    );
    expect(library.forAlert({ service: 'web' })).toEqual([]);
    expect(ids(library.forAlert({ alertname: 'DiskFull' }))).toEqual(['disk.md']);
  });

  it('reports a folder that does not exist through errors(), not by throwing', async () => {
    const { library, lines } = await open({ dir: path.join(FIXTURES, 'missing') });
    expect(library.list()).toEqual([]);
    expect(library.errors()).toEqual([{ file: '.', message: expect.stringContaining('ENOENT') }]);
    expect(lines.map((line) => line.level)).toEqual(['warn']);
  });
});

describe('reload', () => {
  it('picks up changes and tells listeners once per real change', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library } = await open({ dir });
    const changes: RunbookLibraryChange[] = [];
    library.onChange((change) => changes.push(change));

    writeFiles(dir, { 'b.md': runbookText('B') });
    await library.reload();
    expect(ids(library.list())).toEqual(['a.md', 'b.md']);
    expect(changes).toHaveLength(1);
    expect(ids(changes[0]?.runbooks ?? [])).toEqual(['a.md', 'b.md']);

    await library.reload();
    expect(changes).toHaveLength(1);
  });

  it('shares one pending load between calls made while it is queued', async () => {
    const { library } = await open({ dir: FIXTURES });
    const first = library.reload();
    const second = library.reload();
    expect(second).toBe(first);
    await first;
    const third = library.reload();
    expect(third).not.toBe(first);
    await third;
  });

  it('keeps notifying the other listeners when one throws, and logs it', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library, lines } = await open({ dir });
    const seen: string[] = [];
    library.onChange(() => {
      throw new Error('listener broke');
    });
    library.onChange((change) => seen.push(...ids(change.runbooks)));
    writeFiles(dir, { 'b.md': runbookText('B') });
    await library.reload();
    expect(seen).toEqual(['a.md', 'b.md']);
    expect(lines).toContainEqual({
      level: 'error',
      message: expect.stringContaining('listener broke'),
    });
  });

  it('stops telling a listener that unsubscribed', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library } = await open({ dir });
    let calls = 0;
    const off = library.onChange(() => (calls += 1));
    off();
    writeFiles(dir, { 'b.md': runbookText('B') });
    await library.reload();
    expect(calls).toBe(0);
  });
});

describe('watch', () => {
  it('reloads by itself when a runbook is added, edited or broken', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library } = await open({ dir, watch: true, debounceMs: 20 });

    let change = nextChange(library);
    writeFiles(dir, { 'b.md': runbookText('B') });
    expect(ids((await change).runbooks)).toEqual(['a.md', 'b.md']);

    change = nextChange(library);
    writeFiles(dir, { 'a.md': '---\nmatch: [\n---\n' });
    expect((await change).errors).toEqual([
      { file: 'a.md', message: expect.stringContaining('YAML') },
    ]);
    expect(library.get('b.md')?.error).toBeUndefined();
  });

  it('watches folders that appear after the start', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library } = await open({ dir, watch: true, debounceMs: 20 });

    let change = nextChange(library);
    writeFiles(dir, { 'team/c.md': runbookText('C') });
    expect(ids((await change).runbooks)).toEqual(['a.md', 'team/c.md']);

    change = nextChange(library);
    writeFiles(dir, { 'team/c.md': runbookText('C', 'a different step') });
    const edited = await change;
    expect(edited.runbooks.find((runbook) => runbook.id === 'team/c.md')?.steps[0]?.text).toBe(
      'a different step',
    );
  });

  it('ignores changes in hidden folders such as .git', async () => {
    const dir = temp({ 'a.md': runbookText('A'), '.git/HEAD': 'ref: refs/heads/main\n' });
    const { library } = await open({ dir, watch: true, debounceMs: 20 });
    let changed = false;
    library.onChange(() => (changed = true));
    writeFiles(dir, { '.git/HEAD': 'ref: refs/heads/other\n', '.git/x.md': runbookText('X') });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(changed).toBe(false);
    expect(ids(library.list())).toEqual(['a.md']);
  });

  it('stops watching when closed', async () => {
    const dir = temp({ 'a.md': runbookText('A') });
    const { library } = await open({ dir, watch: true, debounceMs: 20 });
    library.close();
    writeFiles(dir, { 'b.md': runbookText('B') });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(ids(library.list())).toEqual(['a.md']);
  });
});
