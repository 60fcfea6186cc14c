import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIcsFeeds } from '../../../../../src/main/services/schedules/ics-feeds';
import {
  createScheduleFeeds,
  feedSecretKey,
  type ScheduleFeeds,
} from '../../../../../src/main/services/schedules/schedule-feeds';
import type { Schedule } from '../../../../../src/shared/schedules/schedule-schema';
import { startFaultServer, type FaultServer } from '../../../../support/fault-server';
import { memorySecretStore } from '../../../../support/memory-secret-store';
import { icsFixture, NOW, WINDOW } from './ics-fixtures';

// The first parse starts the ICS worker, seconds from TypeScript source on a loaded machine:
// far over vi.waitFor's default second.
const WAIT = { timeout: 15_000, interval: 20 };
const CALENDAR = { 'content-type': 'text/calendar; charset=utf-8' };
const POLICY = {
  timeoutMs: 1_000,
  maxBytes: 2 * 1024 * 1024,
  retries: 0,
  minRetryMs: 10,
  maxRetryMs: 20,
};

let home: string;
let server: FaultServer;
let service: ScheduleFeeds;
const secrets = memorySecretStore();
const logs: string[] = [];

const schedule = (id: string, primary: Schedule['layers']['primary']): Schedule => ({
  id,
  name: id,
  timeZone: 'UTC',
  layers: { primary },
  overrides: [],
});
const who = (ref: string) =>
  service.shiftFeed(ref, new Date(WINDOW.from), new Date(WINDOW.to)).map((s) => s.person);
// A read in the background may be writing its copy (a .tmp renamed over it): not a second copy.
const copies = () =>
  readdirSync(path.join(home, 'schedules')).filter((name) => !name.endsWith('.tmp')).length;

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'oncall-schedule-feeds-'));
  server = await startFaultServer();
  server.serve({ headers: CALENDAR, body: icsFixture('pagerduty.ics') });
  secrets.entries.clear();
  logs.length = 0;
  const feeds = createIcsFeeds({
    home,
    clock: { now: () => new Date(NOW) },
    fetchPolicy: POLICY,
  });
  service = createScheduleFeeds(feeds, secrets, (message) => logs.push(message));
});

afterEach(async () => {
  await service.close();
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

describe('the schedules’ feeds', () => {
  it('follows a stored feed at its URL from the secret store, and one named twice until neither names it', async () => {
    await secrets.set(feedSecretKey('pd'), `${server.url}/private/k1/feed/P1`);
    const layer = { kind: 'ics' as const, feed: 'pd', shownAs: 'http://127.0.0.1/…' };
    await service.configure([schedule('a', layer), schedule('b', layer)]);
    await vi.waitFor(() => expect(who('pd')).toEqual(['Jane Doe', 'Ravi Kumar', 'Jane Doe']), WAIT);

    await service.configure([schedule('b', layer)]);
    expect(who('pd')).toHaveLength(3);
    expect(copies()).toBe(1);

    await service.configure([]);
    expect(who('pd')).toEqual([]);
    expect(service.status('pd')).toBeUndefined();
    expect(copies()).toBe(0);
  });

  it('fetches a feed at its new URL once replaced, forgetting the old copy', async () => {
    await secrets.set(feedSecretKey('pd'), `${server.url}/private/old/feed/P1`);
    const list = [schedule('a', { kind: 'ics', feed: 'pd', shownAs: 'x' })];
    await service.configure(list);
    await vi.waitFor(() => expect(service.status('pd')?.ok).toBe(true), WAIT);

    await secrets.set(feedSecretKey('pd'), `${server.url}/private/new/feed/P1`);
    await service.configure(list);
    await vi.waitFor(() => expect(service.status('pd')?.ok).toBe(true), WAIT);
    expect(server.requests).toEqual(['/private/old/feed/P1', '/private/new/feed/P1']);
    expect(copies()).toBe(1);
  });

  it('names a personal feed’s shifts by the layer’s person, else by its pattern, read again when they change', async () => {
    server.serve({ headers: CALENDAR, body: icsFixture('goalert-personal.ics') });
    await secrets.set(feedSecretKey('mine'), `${server.url}/api/v2/calendar?token=t`);
    const layer = { kind: 'ics' as const, feed: 'mine', shownAs: 'x' };
    await service.configure([schedule('a', layer)]);
    await vi.waitFor(() => expect(service.status('mine')?.ok).toBe(true), WAIT);
    expect(who('mine')).toEqual([]);
    expect(service.status('mine')?.warnings.join(' ')).toMatch(/2 shifts name nobody/);

    await service.configure([schedule('a', { ...layer, pattern: '\\(GoAlert: (\\w+)\\)' })]);
    await vi.waitFor(() => expect(who('mine')).toEqual(['Payments', 'Payments']), WAIT);

    // The person wins over the pattern, as the form says.
    await service.configure([
      schedule('a', { ...layer, person: 'Ben', pattern: '\\(GoAlert: (\\w+)\\)' }),
    ]);
    await vi.waitFor(() => expect(who('mine')).toEqual(['Ben', 'Ben']), WAIT);
    expect(copies()).toBe(1);

    // The same rule again is no reason to read the feed again.
    const requests = server.requests.length;
    await service.configure([
      schedule('a', { ...layer, person: 'Ben', pattern: '\\(GoAlert: (\\w+)\\)' }),
    ]);
    expect(server.requests).toHaveLength(requests);
  });

  it('reads one URL with each layer’s own rule, sharing one copy, kept while a layer reads it', async () => {
    // One team calendar, two layers: each finds its person its own way.
    const url = `${server.url}/private/team/feed/P1`;
    await secrets.set(feedSecretKey('first'), url);
    await secrets.set(feedSecretKey('second'), url);
    const first = {
      kind: 'ics' as const,
      feed: 'first',
      shownAs: 'x',
      pattern: '^On Call - (\\w+)',
    };
    const second = { kind: 'ics' as const, feed: 'second', shownAs: 'x', person: 'Ben' };
    await service.configure([schedule('a', first), schedule('b', second)]);
    await vi.waitFor(() => expect(who('first')).toEqual(['Jane', 'Ravi', 'Jane']), WAIT);
    await vi.waitFor(() => expect(who('second')).toEqual(['Ben', 'Ben', 'Ben']), WAIT);
    expect(copies()).toBe(1);

    // Offline, the first layer's rule changes: the copy on disk is read with it at once.
    server.serve({ status: 503, body: 'down' });
    await service.configure([
      schedule('a', { ...first, pattern: '^On Call - \\w+ (\\w+)' }),
      schedule('b', second),
    ]);
    await vi.waitFor(() => expect(who('first')).toEqual(['Doe', 'Kumar', 'Doe']), WAIT);
    expect(who('second')).toEqual(['Ben', 'Ben', 'Ben']);

    // One layer gone: the other still reads the copy; both gone: the copy is forgotten.
    await service.configure([schedule('b', second)]);
    expect(who('second')).toEqual(['Ben', 'Ben', 'Ben']);
    expect(copies()).toBe(1);
    await service.configure([]);
    expect(copies()).toBe(0);
  });

  it('reads a followed feed again on demand, and nothing for one it could not follow', async () => {
    await secrets.set(feedSecretKey('pd'), `${server.url}/private/k1/feed/P1`);
    await secrets.set(feedSecretKey('odd'), 'ftp://feeds.test/private/s3cr3t.ics');
    await service.configure([
      schedule('a', { kind: 'ics', feed: 'pd', shownAs: 'x' }),
      schedule('b', { kind: 'ics', feed: 'odd', shownAs: 'x' }),
    ]);
    await vi.waitFor(() => expect(service.status('pd')?.ok).toBe(true), WAIT);
    const before = server.requests.length;
    expect(await service.read('pd')).toMatchObject({ ok: true, shiftCount: 3 });
    expect(server.requests).toHaveLength(before + 1);
    // Refused when followed (its scheme): no read, and its secret URL in no answer.
    expect(logs.join(' ')).not.toContain('s3cr3t');
    expect(await service.read('odd')).toBeUndefined();
    expect(await service.read('nobody')).toBeUndefined();
  });

  it('says so for a stored feed without a URL, and has nobody on call from it', async () => {
    await service.configure([
      schedule('a', { kind: 'ics', feed: 'lost', shownAs: 'https://acme.pagerduty.com/…' }),
    ]);
    expect(service.status('lost')).toMatchObject({
      shown: 'https://acme.pagerduty.com/…',
      ok: false,
      error: 'no URL is stored for this feed here; enter it in Settings → Schedules',
    });
    expect(who('lost')).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});
