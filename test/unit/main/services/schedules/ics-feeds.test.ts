import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import type { IcsLimits } from '../../../../../src/main/services/schedules/ics-expand';
import {
  createIcsFeeds,
  type IcsFeeds,
  type IcsFeedsOptions,
} from '../../../../../src/main/services/schedules/ics-feeds';
import type { IcsFetchPolicy } from '../../../../../src/main/services/schedules/ics-fetch';
import { createIcsParser } from '../../../../../src/main/services/schedules/ics-parser';
import { startFaultServer, type FaultServer } from '../../../../support/fault-server';
import { freePort } from '../../../../support/free-port';
import { icsFixture, NOW, SECONDLY_FEED, shown, WINDOW } from './ics-fixtures';

// Short waits so a failing feed fails fast here; the defaults are for a real network.
const POLICY: IcsFetchPolicy = {
  timeoutMs: 1_000,
  maxBytes: 2 * 1024 * 1024,
  retries: 1,
  minRetryMs: 10,
  maxRetryMs: 20,
};
const CALENDAR = { 'content-type': 'text/calendar; charset=utf-8' };

let home: string;
let server: FaultServer;
let now: number;
const clock: Clock = { now: () => new Date(now) };
const open: IcsFeeds[] = [];

function feeds(extra: Partial<IcsFeedsOptions> = {}): IcsFeeds {
  const made = createIcsFeeds({ home, clock, fetchPolicy: POLICY, ...extra });
  open.push(made);
  return made;
}

function url(): string {
  return `${server.url}/private/0123456789abcdef/feed/P7ZVR1U`;
}

function people(service: IcsFeeds): string[] {
  return service.shifts(url(), WINDOW.from, WINDOW.to).map(shown);
}

const PAGERDUTY_SHIFTS = [
  'Jane Doe 2026-10-12T16:00:00.000Z → 2026-10-19T16:00:00.000Z',
  'Ravi Kumar 2026-10-19T16:00:00.000Z → 2026-10-26T16:00:00.000Z',
  'Jane Doe 2026-10-26T16:00:00.000Z → 2026-11-02T16:00:00.000Z',
];

beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'oncall-ics-'));
  server = await startFaultServer();
  server.serve({ headers: CALENDAR, body: icsFixture('pagerduty.ics') });
  now = NOW;
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((service) => service.close()));
  await server.close();
  rmSync(home, { recursive: true, force: true });
});

describe('createIcsFeeds', () => {
  it('fetches a PagerDuty feed and answers who is on call from its cache', async () => {
    const changed: string[] = [];
    const service = feeds({ onChanged: (u) => changed.push(u) });
    await service.add(url());
    const status = await service.refresh(url());
    expect(status).toMatchObject({ ok: true, pending: false, fetchedAt: NOW, shiftCount: 3 });
    expect(status.shown).toBe(`${server.url}/…`);
    expect(people(service)).toEqual(PAGERDUTY_SHIFTS);
    // "Who is on call now" is a window of one instant.
    expect(service.shifts(url(), NOW, NOW + 1).map((s) => s.person)).toEqual(['Ravi Kumar']);
    expect(changed).toContain(url());
  });

  it('keeps the last good copy privately on disk, named without the secret URL', async () => {
    const service = feeds();
    await service.add(url());
    await service.refresh(url());
    const dir = path.join(home, 'schedules');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^ics-[0-9a-f]{24}\.json$/);
    expect(statSync(path.join(dir, files[0] ?? '')).mode & 0o777).toBe(0o600);
  });

  it.each([
    ['answers 500', { status: 500, body: 'upstream down' }, /answered HTTP 500.*in trouble/],
    ['never answers', 'headers-then-silence' as const, /no answer within 1 s/],
    [
      'answers garbage',
      { headers: CALENDAR, body: '<html>Please sign in</html>' },
      /answered a feed that cannot be read: it is not an iCalendar file/,
    ],
    ['answers 5 MB', { endless: true as const, maxBytes: 5 * 1024 * 1024 }, /more than 2 MiB/],
  ])(
    'when the feed %s, keeps serving the last good copy and says why',
    async (_, fault, reason) => {
      const service = feeds();
      await service.add(url());
      await service.refresh(url());
      now = NOW + 3600_000;
      server.serve(fault);
      const status = await service.refresh(url());
      expect(status.ok).toBe(false);
      expect(status.error).toMatch(reason);
      expect(status.error).not.toContain('0123456789abcdef');
      expect(status).toMatchObject({ usingLastGoodSince: NOW, fetchedAt: NOW, checkedAt: now });
      expect(people(service)).toEqual(PAGERDUTY_SHIFTS);
    },
  );

  it('says an unreachable feed with no copy yet serves nobody, and why', async () => {
    const service = feeds();
    const nowhere = `http://127.0.0.1:${await freePort()}/private/secret/feed/P1`;
    await service.add(nowhere);
    const status = await service.refresh(nowhere);
    expect(status).toMatchObject({ ok: false, pending: false, shiftCount: 0 });
    expect(status.usingLastGoodSince).toBeUndefined();
    expect(status.error).toMatch(/refused|connect/i);
    expect(status.error).not.toContain('secret');
    expect(service.shifts(nowhere, WINDOW.from, WINDOW.to)).toEqual([]);
  });

  it('retries a 500 with backoff before giving up', async () => {
    const service = feeds();
    await service.add(url());
    await service.refresh(url());
    const before = server.requests.length;
    server.serve({ status: 503, body: 'busy' });
    await service.refresh(url());
    expect(server.requests.length - before).toBe(1 + POLICY.retries);
  });

  it('after a restart serves the last good copy before any fetch has answered', async () => {
    const first = feeds();
    await first.add(url());
    await first.refresh(url());
    await first.close();

    now = NOW + 2 * 3600_000;
    server.serve('headers-then-silence');
    const second = feeds();
    await second.add(url());
    expect(second.status(url())).toMatchObject({ pending: true, fetchedAt: NOW, shiftCount: 3 });
    expect(people(second)).toEqual(PAGERDUTY_SHIFTS);

    const status = await second.refresh(url());
    expect(status).toMatchObject({ ok: false, usingLastGoodSince: NOW });
    expect(status.error).toMatch(/no answer within/);
  });

  it('stops a hostile feed at the parse budget without stalling the loop, and keeps the good copy', async () => {
    // Limits so high that only the budget stops it.
    const unbounded: IcsLimits = { maxStepsPerEvent: 1e12, maxSteps: 1e12, maxShifts: 1e9 };
    const service = feeds({ parser: createIcsParser({ budgetMs: 300 }), limits: unbounded });
    await service.add(url());
    await service.refresh(url());

    server.serve({ headers: CALENDAR, body: SECONDLY_FEED });
    let ticks = 0;
    const heartbeat = setInterval(() => (ticks += 1), 10);
    const status = await service.refresh(url());
    clearInterval(heartbeat);
    expect(status.error).toMatch(/took longer than 0.3 s and was stopped/);
    expect(ticks).toBeGreaterThan(0);
    expect(people(service)).toEqual(PAGERDUTY_SHIFTS);
  });

  it('reads a feed nested thousands of components deep without harm', async () => {
    const deep = `BEGIN:VCALENDAR\r\n${'BEGIN:X\r\n'.repeat(60_000)}${'END:X\r\n'.repeat(60_000)}END:VCALENDAR\r\n`;
    server.serve({ headers: CALENDAR, body: deep });
    const service = feeds();
    await service.add(url());
    const status = await service.refresh(url());
    expect(status).toMatchObject({ ok: true, shiftCount: 0 });
  });

  it('refreshes every feed on one unref’d timer', async () => {
    const service = feeds({ refreshMs: 30 });
    await service.add(url());
    await service.refresh(url());
    const before = server.requests.length;
    await vi.waitFor(() => expect(server.requests.length).toBeGreaterThan(before + 1));
  });

  it('refuses what cannot be a feed, saying why', async () => {
    const service = feeds();
    await expect(service.add('ftp://example.com/feed.ics')).rejects.toThrow(
      /https, http or webcal, not ftp/,
    );
    await expect(service.add(url(), { pattern: '(?P<person>' })).rejects.toThrow(
      /not a valid RE2 pattern/,
    );
  });

  it('forgets a removed feed and its copy', async () => {
    const service = feeds();
    await service.add(url());
    await service.refresh(url());
    await service.remove(url());
    expect(service.status(url())).toBeUndefined();
    expect(people(service)).toEqual([]);
    expect(readdirSync(path.join(home, 'schedules'))).toEqual([]);
  });
});
