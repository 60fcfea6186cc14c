import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../../../src/main/browser/app-root';

describe('findAppRoot', () => {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function app(): string {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-app-root-'));
    made.push(dir);
    writeFileSync(join(dir, 'package.json'), '{}');
    return dir;
  }

  it('finds the app from its sources and from its bundle, at their different depths', () => {
    const root = app();
    for (const sub of ['src/main/browser', '.vite/browser'])
      mkdirSync(join(root, sub), { recursive: true });

    expect(findAppRoot(join(root, 'src/main/browser'))).toBe(root);
    expect(findAppRoot(join(root, '.vite/browser'))).toBe(root);
  });

  it('says where it looked when no folder above has a package.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-no-app-'));
    made.push(dir);
    // The temp folder's parents have no package.json on a sane machine; the message names dir.
    expect(() => findAppRoot(dir)).toThrow(`No package.json in ${dir} or above it`);
  });
});
