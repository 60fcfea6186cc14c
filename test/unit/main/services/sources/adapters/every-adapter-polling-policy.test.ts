import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sourceAdapters } from '../../../../../../src/main/services/sources/adapters/source-adapters';
import { MAX_SOURCE_BODY_BYTES } from '../../../../../../src/main/services/sources/http/http-request';
import { startFaultServer, type FaultServer } from '../../../../../support/fault-server';
import {
  FAULT_WORDS,
  SOURCE_KIND_CASES,
  sourceKindCase,
} from '../../../../../support/source-kind-cases';
import { kindHarness, type KindHarness } from './kind-harness';

// Every kind in the registry, so an adapter added later is held to the same policy unasked.
const KINDS = Object.keys(sourceAdapters);

const gap = (h: KindHarness, id: string) => {
  const status = h.status(id);
  return Date.parse(status?.nextAttemptAt ?? '') - Date.parse(status?.lastAttemptAt ?? '');
};

describe.each(KINDS)('the polling policy for %s sources', (kind) => {
  let server: FaultServer;
  let h: KindHarness;

  beforeEach(async () => {
    server = await startFaultServer();
    server.serveWell(SOURCE_KIND_CASES[kind]?.others ?? {});
    h = kindHarness();
  });
  afterEach(async () => {
    h.manager.stop();
    await server.close();
  });

  it('has a case to test it with', () => {
    expect(() => sourceKindCase(kind)).not.toThrow();
  });

  it('never polls twice at once, however often "poll now" is pressed, and times a poll out', async () => {
    const c = sourceKindCase(kind);
    server.serve('headers-then-silence');
    h.manager.configure([h.source(c, server.url, 'slow')]);
    await h.until(() => expect(server.requests).toContain(c.path));
    for (let i = 0; i < 5; i += 1) h.manager.refresh('slow');

    await h.until(() => expect(h.problem(c, 'slow')).toMatch(/^no answer within 1 s from /));
    expect(server.maxInFlight()).toBe(1);
    expect(server.requests.filter((path) => !(path in (c.others ?? {})))).toEqual([c.path]);
  });

  it('polls at once on "poll now", and publishes only what changed', async () => {
    const c = sourceKindCase(kind);
    server.serve({ body: c.good.body });
    h.manager.configure([h.source(c, server.url, 'steady')]);
    await h.until(() => expect(h.status('steady')?.health).toBe('ok'));
    expect(h.open('steady')).toBe(c.good.openAlerts);
    const published = { changes: h.changes.length, statuses: h.statuses.length };

    // Pressed until three more polls went out; each went out after the one before answered.
    await h.until(() => {
      h.manager.refresh('steady');
      expect(server.requests.length).toBeGreaterThanOrEqual(5);
    });

    expect({ changes: h.changes.length, statuses: h.statuses.length }).toEqual(published);
  });

  it('caps the answer, saying how much it allows', async () => {
    const c = sourceKindCase(kind);
    server.serve({
      body: c.good.body,
      headers: { 'content-length': String(MAX_SOURCE_BODY_BYTES + 1) },
    });
    h.manager.configure([h.source(c, server.url, 'huge')]);
    const words = c.words?.['over-cap'] ?? FAULT_WORDS['over-cap'];
    await h.until(() => expect(h.problem(c, 'huge')).toMatch(words));
  });

  it('backs off with full jitter after failures, up to a cap', async () => {
    const c = sourceKindCase(kind);
    h.draw = 0.5;
    server.serve({ status: 503, body: 'busy' });
    h.manager.configure([h.source(c, server.url, 'down', { intervalSeconds: 60 })]);
    await h.until(() => expect(h.problem(c, 'down')).toMatch(/503/));
    const waits = [gap(h, 'down')];
    for (let i = 0; i < 2; i += 1) {
      await h.pollNow('down');
      waits.push(gap(h, 'down'));
    }
    if (c.failureShowsIn === 'alert') {
      // A failed check is news, not a failing source: the check keeps its rhythm.
      expect(waits).toEqual([60_000, 60_000, 60_000]);
      expect(h.status('down')?.health).toBe('ok');
    } else {
      // Half of the ceiling, which doubles from the interval up to the 2-minute cap.
      expect(waits).toEqual([30_000, 60_000, 60_000]);
      expect(h.status('down')?.failures).toBe(3);
    }
  });

  it.each([
    ['seconds', () => '120', 120_000],
    ['an HTTP date', (now: Date) => new Date(now.getTime() + 300_000).toUTCString(), 300_000],
  ])('honours Retry-After given as %s', async (_how, header, expected) => {
    const c = sourceKindCase(kind);
    h.draw = 0;
    server.serve({ status: 429, headers: { 'retry-after': header(h.now) }, body: 'slow down' });
    h.manager.configure([h.source(c, server.url, 'limited', { intervalSeconds: 30 })]);
    await h.until(() => expect(h.problem(c, 'limited')).toMatch(/429/));
    // A health check that is asked to wait has failed its check; it still checks on time.
    expect(gap(h, 'limited')).toBe(c.failureShowsIn === 'alert' ? 30_000 : expected);
  });
});
