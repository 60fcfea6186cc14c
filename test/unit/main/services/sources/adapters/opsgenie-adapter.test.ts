import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import {
  createSourceManager,
  type SourceManager,
} from '../../../../../../src/main/services/sources/source-manager';
import { MAX_PAGES } from '../../../../../../src/main/services/sources/opsgenie/opsgenie-client';
import {
  opsgenieSourceSchema,
  type SourceStatus,
} from '../../../../../../src/shared/domain/source';
import {
  opsgenieAlert,
  startFakeOpsgenie,
  type FakeOpsgenie,
} from '../../../../../support/opsgenie';

const KEY = 'genie-key-7d1c2b9e-4f7a-4c55-9d0e-3f9a';
const WAIT = { timeout: 10_000, interval: 20 };

// Polls run only when a test refreshes (interval an hour, random() = 1: the longest backoff).
let now = new Date('2026-03-01T02:00:00Z');
const clock: Clock = { now: () => now };

describe('Opsgenie through the source manager', { timeout: 30_000 }, () => {
  let og: FakeOpsgenie;
  let manager: SourceManager;
  let statuses: SourceStatus[];
  let logs: string[];
  let secret: string | undefined;

  const config = (extra: Record<string, unknown> = {}) =>
    opsgenieSourceSchema.parse({
      kind: 'opsgenie',
      id: 'og',
      name: 'Opsgenie',
      apiUrl: og.url,
      intervalSeconds: 3600,
      ...extra,
    });
  const status = () => manager.statuses()[0];
  const ids = () => manager.alerts().map((a) => a.fingerprint);
  const pollUntil = async (check: () => void) => {
    await vi.waitFor(() => {
      try {
        check();
      } catch (error) {
        manager.refresh('og');
        throw error;
      }
    }, WAIT);
  };

  beforeEach(async () => {
    now = new Date('2026-03-01T02:00:00Z');
    og = await startFakeOpsgenie({ apiKey: KEY, now: () => now });
    statuses = [];
    logs = [];
    secret = KEY;
    manager = createSourceManager({
      clock,
      random: () => 1,
      severity: () => ({ severityScale: 'p0-p3', severityWords: {} }),
      onAlertsChanged: () => {},
      onStatus: (s) => statuses.push(s),
      secret: async () => secret,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
  });

  afterEach(async () => {
    manager.stop();
    await og.close();
  });

  it('lists open alerts over every page, priority as severity, ack and snooze shown', async () => {
    og.alerts = [
      ...Array.from({ length: 230 }, (_, i) => opsgenieAlert(`a${i}`, { priority: 'P4' })),
      opsgenieAlert('crit', { priority: 'P1', message: 'Checkout down', tags: ['checkout'] }),
      opsgenieAlert('acked', {
        priority: 'P2',
        acknowledged: true,
        report: { ackTime: 60_000, acknowledgedBy: 'grace@example.com' },
      }),
      opsgenieAlert('snoozed', { snoozed: true, snoozedUntil: '2026-03-01T03:00:00Z' }),
      opsgenieAlert('closed', { status: 'closed' }),
    ];
    manager.configure([config({ query: 'teams: payments' })]);

    await vi.waitFor(() => expect(manager.alerts()).toHaveLength(233), WAIT);
    const byId = new Map(manager.alerts().map((a) => [a.fingerprint, a]));
    // Opsgenie's P1 is its worst, whatever the team calls its levels (here P0–P3).
    expect(byId.get('crit')).toMatchObject({
      id: 'og:crit',
      status: 'firing',
      severity: 'sev1',
      severityLabel: 'P1',
      title: 'Checkout down',
      labels: { alertname: 'Checkout down', priority: 'P1', tags: 'checkout' },
    });
    expect(byId.get('a0')?.severity).toBe('sev4');
    expect(byId.get('acked')).toMatchObject({
      severity: 'sev2',
      ack: { by: 'grace@example.com', at: '2026-03-01T01:31:00.000Z', via: 'source' },
    });
    expect(byId.get('snoozed')).toMatchObject({
      status: 'suppressed',
      annotations: { snoozedUntil: '2026-03-01T03:00:00Z' },
    });
    expect(byId.has('closed')).toBe(false);

    const lists = og.requests.filter((r) => r.path === '/v2/alerts');
    expect(lists.map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
    expect(lists[0]?.query.get('query')).toBe('status: open AND (teams: payments)');
    expect(lists[0]?.authorization).toBe(`GenieKey ${KEY}`);
    expect(status()).toMatchObject({
      health: 'ok',
      kind: 'opsgenie',
      url: og.url,
      actions: ['acknowledge', 'unacknowledge', 'snooze', 'resolve'],
      credential: { set: true, hint: '••••3f9a' },
    });
  });

  it('stops after its page limit instead of reading without end', async () => {
    og.alerts = Array.from({ length: (MAX_PAGES + 2) * 100 }, (_, i) => opsgenieAlert(`a${i}`));
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);
    expect(manager.alerts()).toHaveLength(MAX_PAGES * 100);
  });

  it('acknowledges, snoozes, un-acknowledges and closes, each confirmed by the request status', async () => {
    og.alerts = [opsgenieAlert('x', { priority: 'P1' })];
    og.processAfterPolls = 2;
    manager.configure([config()]);
    await vi.waitFor(() => expect(ids()).toEqual(['x']), WAIT);

    expect(await manager.act(['og:x'], { type: 'acknowledge' }, 'Ada')).toEqual([
      { alertId: 'og:x', ok: true },
    ]);
    // Confirmed, not merely queued: the fake carries it out only after two "not yet" answers.
    expect(og.alerts[0]?.acknowledged).toBe(true);
    const ack = og.requests.find((r) => r.path === '/v2/alerts/x/acknowledge');
    expect(ack?.query.get('identifierType')).toBe('id');
    expect(ack?.body).toMatchObject({ user: 'Ada', source: 'On-Call Companion' });
    await pollUntil(() => expect(manager.alerts()[0]?.ack?.by).toBe('Ada'));

    expect(await manager.act(['og:x'], { type: 'snooze', minutes: 30 }, 'Ada')).toEqual([
      { alertId: 'og:x', ok: true },
    ]);
    expect(og.requests.find((r) => r.path === '/v2/alerts/x/snooze')?.body).toMatchObject({
      endTime: '2026-03-01T02:30:00.000Z',
    });
    await pollUntil(() => expect(manager.alerts()[0]?.status).toBe('suppressed'));

    expect(await manager.act(['og:x'], { type: 'unacknowledge' }, 'Ada')).toEqual([
      { alertId: 'og:x', ok: true },
    ]);
    await pollUntil(() => expect(manager.alerts()[0]?.ack).toBeUndefined());

    expect(await manager.act(['og:x'], { type: 'resolve' }, 'Ada')).toEqual([
      { alertId: 'og:x', ok: true },
    ]);
    // Gone from Opsgenie's open alerts: the list shows it resolved.
    await pollUntil(() => expect(manager.alerts()[0]?.status).toBe('resolved'));
    expect(og.alerts[0]?.status).toBe('closed');
  });

  it('says why Opsgenie did not carry an action out', async () => {
    og.alerts = [opsgenieAlert('x'), opsgenieAlert('y')];
    og.failActionsOn('y', 'Alert is already closed');
    manager.configure([config()]);
    await vi.waitFor(() => expect(ids()).toHaveLength(2), WAIT);

    expect(await manager.act(['og:y'], { type: 'acknowledge' }, 'Ada')).toEqual([
      {
        alertId: 'og:y',
        ok: false,
        error: 'Opsgenie did not acknowledge the alert: Alert is already closed',
      },
    ]);
    const both = await manager.act(['og:x', 'og:y'], { type: 'resolve' }, 'Ada');
    expect(both.map((r) => r.error)).toEqual([
      '1 of 2 were not done: Alert y: Opsgenie did not close the alert: Alert is already closed',
      '1 of 2 were not done: Alert y: Opsgenie did not close the alert: Alert is already closed',
    ]);
  });

  it('gives up waiting for an action Opsgenie never processes, saying so', async () => {
    og.alerts = [opsgenieAlert('x')];
    og.processAfterPolls = 1000;
    manager.configure([config()]);
    await vi.waitFor(() => expect(ids()).toEqual(['x']), WAIT);

    const [result] = await manager.act(['og:x'], { type: 'acknowledge' }, 'Ada');
    expect(result?.error).toBe(
      'Opsgenie accepted the acknowledge but had not carried it out after 3 s; the list will show it once it has',
    );
    expect(og.requests.filter((r) => r.path.startsWith('/v2/alerts/requests/'))).toHaveLength(10);
  });

  it('shows each error with its reason in the status, and recovers by itself', async () => {
    og.alerts = [opsgenieAlert('x')];
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);

    const reasons: string[] = [];
    const failWith = async (answer: Parameters<FakeOpsgenie['force']>[0]) => {
      og.force(answer);
      const before = statuses.length;
      manager.refresh('og');
      await vi.waitFor(() => {
        const latest = statuses.slice(before).find((s) => s.health === 'failing');
        expect(latest).toBeDefined();
        reasons.push(latest?.reason ?? '');
      }, WAIT);
      manager.refresh('og');
      await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);
    };

    await failWith({ status: 401, body: '{"message":"Could not authenticate","took":0.0}' });
    await failWith({
      status: 429,
      headers: { 'retry-after': '7', 'x-ratelimit-state': 'THROTTLED' },
      body: '{"message":"You are making too many requests!"}',
    });
    await failWith({ status: 503, body: '<html>Service Unavailable</html>' });
    await failWith({ status: 200, body: '<!doctype html><title>Login</title>' });
    await failWith({ status: 200, body: '{"data":[{"id":"z"}]}' });

    expect(reasons).toEqual([
      `${og.url}/v2/alerts answered HTTP 401 Unauthorized ("Could not authenticate") — Opsgenie refused the token: enter a valid one in Settings`,
      `${og.url}/v2/alerts answered HTTP 429 Too Many Requests ("You are making too many requests!") — Opsgenie asks us to slow down`,
      `${og.url}/v2/alerts answered HTTP 503 Service Unavailable — Opsgenie (or a proxy in front of it) is in trouble`,
      `${og.url} answered HTML, not JSON — is this Opsgenie's API (api.opsgenie.com or api.eu.opsgenie.com)?`,
      `${og.url} answered JSON of the wrong shape: data[0].message: missing (expected string); data[0].status: missing (expected string); data[0].createdAt: missing (expected string) — is this Opsgenie's API (api.opsgenie.com or api.eu.opsgenie.com)?`,
    ]);
    expect(manager.alerts().map((a) => a.id)).toEqual(['og:x']);
  });

  it('waits as long as a 429 says before asking again', async () => {
    // Polled every 2 s, so the wait is the server's, not the interval.
    manager.configure([config({ intervalSeconds: 2 })]);
    await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);
    og.force({ status: 429, headers: { 'retry-after': '120' }, body: '{"message":"slow"}' });
    manager.refresh('og');
    await vi.waitFor(() => expect(status()?.health).toBe('failing'), WAIT);
    const s = status();
    expect(Date.parse(s?.nextAttemptAt ?? '') - Date.parse(s?.lastAttemptAt ?? '')).toBe(120_000);
  });

  it('asks for the API key when none is stored, and shows it missing', async () => {
    secret = undefined;
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('failing'), WAIT);
    expect(status()).toMatchObject({
      reason: 'no Opsgenie API key is stored for Opsgenie — enter it in Settings',
      credential: { set: false },
    });
    expect(og.requests).toEqual([]);

    secret = KEY;
    await manager.credentialChanged('og');
    await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);
    expect(status()?.credential).toEqual({ set: true, hint: '••••3f9a' });
  });

  it('uses the EU API when the account lives there', () => {
    manager.configure([
      opsgenieSourceSchema.parse({ kind: 'opsgenie', id: 'og', name: 'EU', region: 'eu' }),
    ]);
    expect(status()?.url).toBe('https://api.eu.opsgenie.com');
    manager.configure([opsgenieSourceSchema.parse({ kind: 'opsgenie', id: 'og', name: 'US' })]);
    expect(status()?.url).toBe('https://api.opsgenie.com');
  });
});
