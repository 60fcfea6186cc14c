import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../../../../src/shared/domain/settings';
import type { SettingsView } from '../../../../../src/shared/ipc/contract';
import { openConfSettingsStore } from '../../../../../src/main/services/settings/open-conf-settings-store';
import type { SettingsStore } from '../../../../../src/main/services/settings/settings-store';

const NOW = new Date('2025-03-04T05:06:07.089Z');
const clock = { now: () => NOW };
const KEPT_SUFFIX = '.invalid-2025-03-04T05-06-07.089Z';

const prod = {
  kind: 'alertmanager',
  id: 'prod',
  name: 'Production',
  url: 'https://alertmanager.example.com',
  intervalSeconds: 30,
  timeoutSeconds: 5,
} as const;

// What the schema fills in for an Alertmanager source that leaves it out.
const AM_DEFAULTS = {
  enabled: true,
  severityWords: {},
  peerUrls: [],
  ackMinutes: 60,
  push: false,
  auth: 'none',
} as const;

describe('settings store (conf, browser mode)', () => {
  let home: string;
  let file: string;
  let logged: string[];
  const stores: SettingsStore[] = [];

  beforeEach(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-settings-'));
    file = path.join(home, 'settings.json');
    logged = [];
  });

  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    fs.rmSync(home, { recursive: true, force: true });
  });

  function open(): SettingsStore {
    const store = openConfSettingsStore({
      home,
      clock,
      log: (line) => logged.push(line),
      watchDebounceMs: 20,
    });
    stores.push(store);
    return store;
  }

  const onDisk = (): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
  const keptFiles = (): string[] =>
    fs.readdirSync(home).filter((name) => name.includes('.invalid-'));

  it('starts with the defaults when there is no file, and writes them out for the user to edit', () => {
    const view = open().view();

    expect(view).toEqual({ settings: defaultSettings(), path: file });
    expect(onDisk()).toEqual(defaultSettings());
    // Pretty-printed, so a person can edit it.
    expect(fs.readFileSync(file, 'utf8')).toContain('\n  "notifications": {\n    "enabled": true,');
  });

  it('reads a hand-written file, filling in what it leaves out', () => {
    fs.writeFileSync(file, JSON.stringify({ sources: [prod], severityScale: 'p1-p4' }));

    const { settings, problem } = open().view();

    expect(problem).toBeUndefined();
    expect(settings.sources).toEqual([{ ...prod, ...AM_DEFAULTS }]);
    expect(settings.severityScale).toBe('p1-p4');
    expect(settings.notifications).toEqual({ enabled: true, minSeverity: 'sev4' });
  });

  it('keeps a file that is not JSON aside byte for byte, uses the defaults and says where it went', () => {
    const broken = '{\n  "sources": [\n    { "kind": "alertmanager", }\n';
    fs.writeFileSync(file, broken);

    const view = open().view();

    expect(view.settings).toEqual(defaultSettings());
    expect(view.problem).toMatchObject({
      file,
      keptAs: `${file}${KEPT_SUFFIX}`,
      at: NOW.toISOString(),
    });
    expect(view.problem?.issues[0]).toMatch(/^\(file\): not valid JSON: /);
    expect(fs.readFileSync(`${file}${KEPT_SUFFIX}`, 'utf8')).toBe(broken);
    expect(logged.join('\n')).toContain(`It was kept as ${file}${KEPT_SUFFIX}`);
  });

  it('keeps a file that fails the schema aside and names the field that is wrong', () => {
    const text = JSON.stringify(
      { sources: [{ ...prod, url: 'ftp://alertmanager.example.com' }] },
      null,
      2,
    );
    fs.writeFileSync(file, text);

    const view = open().view();

    expect(view.settings).toEqual(defaultSettings());
    expect(view.problem?.issues).toEqual(['sources.0.url: must be an http:// or https:// URL']);
    expect(fs.readFileSync(`${file}${KEPT_SUFFIX}`, 'utf8')).toBe(text);
    expect(logged.join('\n')).toContain('sources.0.url: must be an http:// or https:// URL');
    // The app goes on with a valid file in place.
    expect(onDisk()).toEqual(defaultSettings());
  });

  it('does not overwrite an older kept file of the same moment', () => {
    fs.writeFileSync(`${file}${KEPT_SUFFIX}`, 'older');
    fs.writeFileSync(file, 'not json');

    const view = open().view();

    expect(view.problem?.keptAs).toBe(`${file}${KEPT_SUFFIX}-1`);
    expect(fs.readFileSync(`${file}${KEPT_SUFFIX}`, 'utf8')).toBe('older');
  });

  it('saves a valid update to the file, which reads back the same', () => {
    const store = open();
    const changes: SettingsView[] = [];
    store.onChange((view) => changes.push(view));

    const view = store.update({ sources: [prod], theme: 'dark' });

    expect(view.settings.sources).toEqual([{ ...prod, ...AM_DEFAULTS }]);
    expect(view.settings.theme).toBe('dark');
    expect(changes).toEqual([view]);
    store.close();
    expect(open().view()).toEqual(view);
  });

  it('refuses an invalid update with the field named, and leaves the file untouched', () => {
    const store = open();
    store.update({ theme: 'light' });
    const before = fs.readFileSync(file, 'utf8');

    expect(() => store.update({ sources: [{ ...prod, url: 'not a url' }] })).toThrow(
      expect.objectContaining({
        name: 'IpcFailure',
        code: 'bad-request',
        issues: ['sources.0.url: must be an http:// or https:// URL'],
      }),
    );
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(store.view().settings.theme).toBe('light');
  });

  it('refuses two sources with the same id', () => {
    const store = open();
    expect(() => store.update({ sources: [prod, { ...prod, name: 'Again' }] })).toThrow(
      expect.objectContaining({
        name: 'IpcFailure',
        code: 'bad-request',
        issues: ['sources.1.id: duplicate source id "prod"; each source needs its own id'],
      }),
    );
  });

  it('picks up a valid hand edit of the file and tells the listeners', async () => {
    const store = open();
    const changes: SettingsView[] = [];
    store.onChange((view) => changes.push(view));

    fs.writeFileSync(
      file,
      JSON.stringify({ sources: [prod], notifications: { enabled: false } }, null, 2),
    );

    await vi.waitFor(() =>
      expect(store.view().settings.sources).toEqual([{ ...prod, ...AM_DEFAULTS }]),
    );
    expect(store.view().settings.notifications.enabled).toBe(false);
    expect(changes.at(-1)).toEqual(store.view());
  });

  it('keeps the last good settings during an invalid hand edit, leaves the file as written, and recovers when fixed', async () => {
    const store = open();
    store.update({ sources: [prod] });
    const changes: SettingsView[] = [];
    store.onChange((view) => changes.push(view));

    const halfDone = '{ "sources": [ { "kind": "alertmanager", "id": "prod", "url": ';
    fs.writeFileSync(file, halfDone);

    await vi.waitFor(() => expect(store.view().problem).toBeDefined());
    expect(store.view().settings.sources).toEqual([{ ...prod, ...AM_DEFAULTS }]);
    expect(store.view().problem).toMatchObject({ file, at: NOW.toISOString() });
    expect(store.view().problem?.keptAs).toBeUndefined();
    expect(fs.readFileSync(file, 'utf8')).toBe(halfDone);
    expect(keptFiles()).toEqual([]);

    fs.writeFileSync(file, JSON.stringify({ sources: [{ ...prod, intervalSeconds: 60 }] }));

    await vi.waitFor(() => expect(store.view().problem).toBeUndefined());
    expect(store.view().settings.sources[0]?.intervalSeconds).toBe(60);
    expect(changes.map((view) => view.problem === undefined)).toEqual([false, true]);
  });

  it('names the wrong field of an invalid hand edit', async () => {
    const store = open();
    fs.writeFileSync(file, JSON.stringify({ sources: [{ ...prod, intervalSeconds: 1 }] }));

    await vi.waitFor(() => expect(store.view().problem).toBeDefined());
    expect(store.view().problem?.issues).toEqual([
      expect.stringMatching(/^sources\.0\.intervalSeconds: /),
    ]);
    expect(logged.at(-1)).toContain('keeps the previous settings');
  });

  it('saving from the app during an invalid hand edit keeps that edit aside instead of overwriting it', async () => {
    const store = open();
    const halfDone = '{ "theme": "da';
    fs.writeFileSync(file, halfDone);

    const view = store.update({ theme: 'light' });

    expect(view.settings.theme).toBe('light');
    expect(view.problem?.keptAs).toBe(`${file}${KEPT_SUFFIX}`);
    expect(fs.readFileSync(`${file}${KEPT_SUFFIX}`, 'utf8')).toBe(halfDone);
    expect(onDisk()).toMatchObject({ theme: 'light' });
  });

  it('merges an update onto a hand edit not yet picked up, instead of overwriting it', () => {
    const store = open();
    fs.writeFileSync(file, JSON.stringify({ sources: [prod] }));

    const view = store.update({ theme: 'dark' });

    expect(view.settings.sources).toEqual([{ ...prod, ...AM_DEFAULTS }]);
    expect(onDisk()).toMatchObject({ theme: 'dark', sources: [{ id: 'prod' }] });
  });

  it('does not report its own writes as changes', async () => {
    const store = open();
    const changes: SettingsView[] = [];
    store.onChange((view) => changes.push(view));

    store.update({ theme: 'dark' });
    // Not a timing assertion: give the watcher time to see that write on its own (a shorter
    // wait only makes this test weaker), then a hand edit marks the end of the events.
    await new Promise((resolve) => setTimeout(resolve, 150));
    fs.writeFileSync(file, JSON.stringify({ theme: 'light' }));
    await vi.waitFor(() => expect(store.view().settings.theme).toBe('light'));

    expect(changes.map((view) => view.settings.theme)).toEqual(['dark', 'light']);
  });

  it('goes back to the defaults, and a fresh file, when the file is deleted', async () => {
    const store = open();
    store.update({ theme: 'dark' });

    fs.rmSync(file);

    await vi.waitFor(() => expect(store.view().settings.theme).toBe('system'));
    await vi.waitFor(() => expect(onDisk()).toEqual(defaultSettings()));
  });

  it('logs fields it does not know, so a misspelt one is not silently ignored', () => {
    fs.writeFileSync(file, JSON.stringify({ notification: { enabled: false } }));

    const view = open().view();

    expect(view.problem).toBeUndefined();
    expect(logged.join('\n')).toContain('ignored: notification');
  });

  it('writes the file readable by its owner only', () => {
    open();
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
