import run from '@doyensec/electronegativity';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The Electronegativity gate (issue 10): Doyensec's Electron security scanner over src/ finds
// nothing high or medium. A false positive is answered by code the tool can read (the window's
// webPreferences are written out at `new BrowserWindow`); where it cannot be (a check that asks
// for a review of every preload or every non-constant openExternal), the line carries
// `eng-disable CHECK_ID` and the comment above it says why.
//
// Run through its programmatic entry: its CLI reads options from a `commander` it does not
// declare, and the one installed here is too new for it.

const SRC = resolve('src');
// Defaults (nodeIntegration, contextIsolation, sandbox) are judged for the Electron we ship;
// src/ has no package.json for the tool to find it in.
const ELECTRON_VERSION = (
  createRequire(import.meta.url)('electron/package.json') as { version: string }
).version;

const scan = (input: string) =>
  run({
    input,
    customScan: [],
    // It downloads Electron's release list from GitHub at run time to say whether a newer
    // Electron has security fixes: the network, and an answer that changes with the date.
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: ELECTRON_VERSION,
    isRelative: true,
    parserPlugins: [],
  });

const MEDIUM = 2;
const describeIssue = (issue: run.Issue) =>
  `${issue.severity.name} ${issue.id} ${issue.file}:${issue.location.line}:${issue.location.column}` +
  ` — ${issue.description} (${issue.shortenedURL})`;
const blocking = (issues: readonly run.Issue[]) =>
  issues.filter((issue) => issue.severity.value >= MEDIUM).map(describeIssue);

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(tsx?|html)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));

describe('the Electronegativity gate', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('finds nothing high or medium in src/, and reads every file', async () => {
    const result = await scan(SRC);
    expect(result.errors.filter((error) => !error.tolerable)).toEqual([]);
    expect(blocking(result.issues)).toEqual([]);
  }, 60_000);

  it('has a reason written above every finding muted in src/', () => {
    const unexplained: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!line.includes('eng-disable')) return;
        const above = lines[index - 1]?.trim() ?? '';
        if (!above.startsWith('//')) unexplained.push(`${file}:${index + 1}`);
      });
    }
    expect(unexplained).toEqual([]);
  });

  it('would stop a window without isolation or sandbox, and an unguarded openExternal', async () => {
    writeFileSync(
      join(scratch, 'weak-window.ts'),
      [
        "import { BrowserWindow, shell } from 'electron';",
        'export const open = (url: string) => {',
        '  const window = new BrowserWindow({',
        '    webPreferences: { contextIsolation: false, sandbox: false },',
        '  });',
        '  window.webContents.on("new-window", () => shell.openExternal(url));',
        '};',
        '',
      ].join('\n'),
    );
    const ids = new Set(
      (await scan(scratch)).issues
        .filter((issue) => issue.severity.value >= MEDIUM)
        .map((issue) => issue.id),
    );
    expect([...ids]).toEqual(
      expect.arrayContaining([
        'CONTEXT_ISOLATION_JS_CHECK',
        'SANDBOX_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
      ]),
    );
  }, 60_000);
});
