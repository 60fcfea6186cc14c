import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFolderPrivate } from '../../../../../src/main/services/home/private-mode';
import {
  INCIDENTS_FOLDER,
  openIncidentStore,
  type IncidentStore,
} from '../../../../../src/main/services/incidents/incident-store';
import { openConfSettingsStore } from '../../../../../src/main/services/settings/open-conf-settings-store';
import { resolveHome } from '../../../../../src/main/services/settings/home-dir';

const clock = { now: () => new Date('2026-03-01T02:00:00.000Z') };
const ctx = () => ({ now: clock.now(), actor: 'alice', timeZone: 'UTC' });
const note = (text: string) => ({ type: 'timeline.add', args: { text } }) as const;

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) fs.rmSync(home, { recursive: true, force: true });
});

function scratch(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-private-'));
  homes.push(home);
  return home;
}

/** Every entry under `root` (itself included) with its permission bits, as `path mode`. */
function modes(root: string): string[] {
  const out: string[] = [];
  const visit = (entry: string): void => {
    const stat = fs.lstatSync(entry);
    out.push(`${path.relative(root, entry) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(entry)) visit(path.join(entry, name));
  };
  visit(root);
  return out.sort();
}

async function openStore(home: string): Promise<IncidentStore> {
  let suffix = 0;
  return openIncidentStore({
    home,
    clock,
    log: () => undefined,
    onChange: () => undefined,
    randomSuffix: () => (++suffix).toString(16).padStart(4, '0'),
    // Small, so the test also writes a snapshot through a temp file.
    compactAfterRecords: 2,
  });
}

describe.skipIf(process.platform === 'win32')(
  'everything the app writes is private (issue 10)',
  () => {
    it('makes a home made by hand (0755 folders, 0644 files) private on open, and writes 0600 files', async () => {
      const home = scratch();
      // A first run makes the files; then they are opened up the way a hand-made home has them.
      openConfSettingsStore({ home, clock, log: () => undefined }).close();
      const first = await openStore(home);
      const declared = await first.declare({ title: 'Checkout errors', severity: 'sev2' }, ctx());
      for (const text of ['one', 'two', 'three'])
        await first.apply(declared.incident.id, note(text), ctx());
      await first.close();
      const dir = path.join(home, INCIDENTS_FOLDER);
      const journal = path.join(dir, `${declared.incident.id}.journal`);
      // A record cut short by a crash: reopening keeps it aside in a quarantine file.
      fs.appendFileSync(journal, Buffer.from([64, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]));
      for (const folder of [home, dir]) fs.chmodSync(folder, 0o755);
      for (const name of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, name), 0o644);
      fs.chmodSync(path.join(home, 'settings.json'), 0o644);
      expect(modes(home)).toContain('incidents 755');

      resolveHome({ argHome: home, env: {} });
      const settings = openConfSettingsStore({ home, clock, log: () => undefined });
      settings.update({ theme: 'dark' });
      settings.close();
      const store = await openStore(home);
      const other = await store.declare({ title: 'Disk full', severity: 'sev3' }, ctx());
      for (const text of ['a', 'b', 'c']) await store.apply(other.incident.id, note(text), ctx());
      await store.close();

      const names = fs.readdirSync(dir);
      expect(names.some((name) => name.includes('.quarantine-'))).toBe(true);
      expect(names.some((name) => name.endsWith('.snapshot'))).toBe(true);
      const all = modes(home);
      expect(all.filter((line) => !/ (700|600)$/.test(line))).toEqual([]);
      expect(all).toContain('. 700');
      expect(all).toContain('settings.json 600');
      expect(all).toContain(`incidents/${other.incident.id}.journal 600`);
    });
  },
);

describe('makeFolderPrivate', () => {
  it.skipIf(process.platform === 'win32')(
    'leaves what a symlink points at alone (chmod would follow it)',
    async () => {
      const home = scratch();
      const outside = path.join(home, 'outside.txt');
      fs.writeFileSync(outside, 'not ours', { mode: 0o644 });
      fs.chmodSync(outside, 0o644);
      const dir = path.join(home, 'incidents');
      fs.mkdirSync(dir, { mode: 0o755 });
      fs.symlinkSync(outside, path.join(dir, 'link'));
      await makeFolderPrivate(dir);
      expect(fs.statSync(outside).mode & 0o777).toBe(0o644);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    },
  );
});
