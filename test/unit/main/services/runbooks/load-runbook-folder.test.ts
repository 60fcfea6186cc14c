import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadRunbookFolder } from '../../../../../src/main/services/runbooks/load-runbook-folder';
import { readRunbookFile } from '../../../../../src/main/services/runbooks/read-runbook-file';
import { matchRunbooks } from '../../../../../src/shared/domain/runbook';
import { makeTempFolder, runbookText } from './temp-folder';

// Each load parses in a worker thread which, run from TypeScript source, registers tsx first:
// seconds on a busy machine, so these tests get more than the default 5 s.
vi.setConfig({ testTimeout: 30_000 });

const FIXTURES = fileURLToPath(new URL('../../../../fixtures/runbooks', import.meta.url));

const temps: string[] = [];
function temp(files: Record<string, string | Buffer>): string {
  const dir = makeTempFolder(files);
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('loadRunbookFolder on the fixture folder', () => {
  it('lists every Markdown file by its posix path, broken ones included', async () => {
    const folder = await loadRunbookFolder(FIXTURES);
    expect(folder.runbooks.map((runbook) => runbook.id)).toEqual([
      'README.md',
      'broken/bad-yaml.md',
      'broken/wrong-type.md',
      'checkout/high-error-rate.md',
      'db/replica-lag.md',
      'high-error-rate.md',
      'steps/full.md',
    ]);
    expect(folder.runbooks.every((runbook) => path.isAbsolute(runbook.file))).toBe(true);
  });

  it('reports each broken file with its error, naming the line or the field', async () => {
    const folder = await loadRunbookFolder(FIXTURES);
    expect(folder.errors).toEqual([
      {
        file: 'broken/bad-yaml.md',
        message: expect.stringMatching(/^front matter is not valid YAML \(line 4, column \d+\)/),
      },
      {
        file: 'broken/wrong-type.md',
        message: 'front matter: `tags`: expected array, received string',
      },
    ]);
    const broken = folder.runbooks.find((runbook) => runbook.id === 'broken/bad-yaml.md');
    expect(broken?.error).toBe(folder.errors[0]?.message);
  });

  it('matches the working runbooks to alerts while the broken ones sit aside', async () => {
    const { runbooks } = await loadRunbookFolder(FIXTURES);
    const ids = (labels: Record<string, string>) =>
      matchRunbooks(runbooks, labels).map((runbook) => runbook.id);
    expect(ids({ alertname: 'HighErrorRate', service: 'cart' })).toEqual([
      'checkout/high-error-rate.md',
      'high-error-rate.md',
    ]);
    expect(ids({ alertname: 'HighErrorRate', service: 'search' })).toEqual(['high-error-rate.md']);
    expect(ids({ alertname: 'ReplicaDown', team: 'data' })).toEqual(['db/replica-lag.md']);
    expect(ids({ alertname: 'ReplicaDownAgain', team: 'data' })).toEqual([]);
    expect(ids({ alertname: 'DiskFull' })).toEqual([]);
  });

  it('extracts the steps of the full example and keeps its code blocks and HTML in the body', async () => {
    const { runbooks } = await loadRunbookFolder(FIXTURES);
    const full = runbooks.find((runbook) => runbook.id === 'steps/full.md');
    expect(
      full?.steps.map(({ text, kind, checkedInFile }) => ({ text, kind, checkedInFile })),
    ).toEqual([
      { text: 'Check <img src=x onerror=alert(1)> the pods', kind: 'task', checkedInFile: false },
      { text: 'Already done in the file', kind: 'task', checkedInFile: true },
      { text: 'but a task nested in a plain bullet is', kind: 'task', checkedInFile: false },
      {
        text: 'Scale up:\nkubectl -n shop scale deploy/api --replicas=10',
        kind: 'numbered',
        checkedInFile: false,
      },
      {
        text: 'Drain the bad node\n- cordon it\n- evict the pods',
        kind: 'numbered',
        checkedInFile: false,
      },
      { text: 'Tell the incident channel with a link', kind: 'numbered', checkedInFile: false },
    ]);
    expect(full?.body).toContain("<script>alert('runbook')</script>");
    expect(full?.body).toContain('```bash\necho "a code block outside any list"\n```');
    const lines = full?.body.split('\n') ?? [];
    for (const step of full?.steps ?? [])
      expect(lines[step.line - 1]).toMatch(/^(- \[[ x]\]|\s*- \[ \]|\d+\.)/);
  });
});

describe('loadRunbookFolder on awkward folders', () => {
  it('skips hidden folders, node_modules and hidden files', async () => {
    const dir = temp({
      'ok.md': runbookText('Ok'),
      '.git/HEAD.md': 'x',
      '.github/template.md': 'x',
      'node_modules/pkg/README.md': 'x',
      'team/.#lock.md': 'x',
      'team/notes.txt': 'not markdown',
    });
    const folder = await loadRunbookFolder(dir);
    expect(folder.runbooks.map((runbook) => runbook.id)).toEqual(['ok.md']);
    expect(folder.errors).toEqual([]);
    expect(folder.dirs).toEqual([fs.realpathSync(dir), fs.realpathSync(path.join(dir, 'team'))]);
  });

  it('follows symlinks inside the folder but not out of it', async () => {
    const outside = temp({
      'secret.md': runbookText('Secret'),
      'more/other.md': runbookText('Other'),
    });
    const dir = temp({ 'real/a.md': runbookText('A') });
    fs.symlinkSync(path.join(dir, 'real', 'a.md'), path.join(dir, 'alias.md'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked-dir'));
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'secret.md'));
    fs.symlinkSync(path.join(outside, 'more'), path.join(dir, 'more'));
    fs.symlinkSync(dir, path.join(dir, 'real', 'loop'));
    fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));

    const folder = await loadRunbookFolder(dir);
    expect(folder.runbooks.map((runbook) => runbook.id)).toEqual(['alias.md', 'real/a.md']);
    expect(folder.errors).toEqual([
      { file: 'dangling.md', message: 'broken symlink' },
      { file: 'more', message: 'symlink points outside the runbook folder; not followed' },
      { file: 'secret.md', message: 'symlink points outside the runbook folder; not followed' },
    ]);
    expect(JSON.stringify(folder)).not.toContain('Secret');
  });

  it('refuses a file over the size limit with a clear error, and loads the rest', async () => {
    const dir = temp({
      'big.md': `# Big\n\n${'x'.repeat(2048)}\n`,
      'small.md': runbookText('Small'),
    });
    const folder = await loadRunbookFolder(dir, { maxFileBytes: 1024 });
    expect(folder.errors).toEqual([
      { file: 'big.md', message: 'file is too large (3 KB; the limit is 1 KB)' },
    ]);
    expect(folder.runbooks.find((runbook) => runbook.id === 'small.md')?.error).toBeUndefined();
    const big = folder.runbooks.find((runbook) => runbook.id === 'big.md');
    expect(big).toMatchObject({
      match: {},
      steps: [],
      body: '',
      error: expect.stringContaining('too large'),
    });
  });

  it('states the default limit of 1 MB', async () => {
    const dir = temp({ 'huge.md': Buffer.alloc(1024 * 1024 + 1, 0x61) });
    const folder = await loadRunbookFolder(dir);
    expect(folder.errors).toEqual([
      { file: 'huge.md', message: 'file is too large (1.0 MB; the limit is 1.0 MB)' },
    ]);
  });

  it('reports a file that is not UTF-8 and a Markdown name that is not a regular file', async () => {
    const dir = temp({ 'latin1.md': Buffer.from([0x23, 0x20, 0xe9, 0x74, 0xe9, 0x0a]) });
    execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);
    const folder = await loadRunbookFolder(dir);
    expect(folder.errors).toEqual([
      { file: 'pipe.md', message: 'not a regular file' },
      { file: 'latin1.md', message: 'file is not UTF-8 text' },
    ]);
  });

  it('stops after maxFiles with an error saying so', async () => {
    const dir = temp({
      'a.md': runbookText('A'),
      'b.md': runbookText('B'),
      'c.md': runbookText('C'),
    });
    const folder = await loadRunbookFolder(dir, { maxFiles: 2 });
    expect(folder.runbooks.map((runbook) => runbook.id)).toEqual(['a.md', 'b.md']);
    expect(folder.errors).toEqual([
      { file: '.', message: 'more than 2 Markdown files; the rest were not loaded' },
    ]);
  });

  it('reports a missing folder instead of throwing', async () => {
    const folder = await loadRunbookFolder(path.join(FIXTURES, 'does-not-exist'));
    expect(folder).toEqual({
      runbooks: [],
      errors: [
        {
          file: '.',
          message: 'runbook folder cannot be opened (ENOENT: no such file or directory)',
        },
      ],
      dirs: [],
    });
  });
});

describe('readRunbookFile', () => {
  it('reports a file that vanished between listing and reading, without its full path', async () => {
    const read = await readRunbookFile(path.join(FIXTURES, 'gone.md'), 1024);
    expect(read).toEqual({
      ok: false,
      message: 'file cannot be read (ENOENT: no such file or directory)',
    });
  });
});
