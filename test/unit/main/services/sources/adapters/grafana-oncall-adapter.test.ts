import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import {
  createSourceManager,
  type SourceManager,
} from '../../../../../../src/main/services/sources/source-manager';
import { grafanaOncallSourceSchema } from '../../../../../../src/shared/domain/source';
import {
  alertGroup,
  groupLabel,
  startFakeOncall,
  type FakeOncall,
} from '../../../../../support/grafana-oncall';

const TOKEN = 'oncall-token-9c8b7a6d5e4f3a2b';
const WAIT = { timeout: 10_000, interval: 20 };

// Polls run only when a test refreshes (interval an hour, random() = 1: the longest backoff).
let now = new Date('2026-03-01T02:00:00Z');
const clock: Clock = { now: () => now };

describe('Grafana OnCall through the source manager', { timeout: 30_000 }, () => {
  let oncall: FakeOncall;
  let manager: SourceManager;
  let secret: string | undefined;

  const config = (extra: Record<string, unknown> = {}) =>
    grafanaOncallSourceSchema.parse({
      kind: 'grafana-oncall',
      id: 'oc',
      name: 'OnCall',
      apiUrl: oncall.apiUrl,
      intervalSeconds: 3600,
      ...extra,
    });
  const status = () => manager.statuses()[0];
  const alert = (id: string) => manager.alerts().find((a) => a.fingerprint === id);
  const pollUntil = async (check: () => void) => {
    await vi.waitFor(() => {
      try {
        check();
      } catch (error) {
        manager.refresh('oc');
        throw error;
      }
    }, WAIT);
  };

  beforeEach(async () => {
    now = new Date('2026-03-01T02:00:00Z');
    oncall = await startFakeOncall({ token: TOKEN, now: () => now });
    secret = TOKEN;
    manager = createSourceManager({
      clock,
      random: () => 1,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: () => {},
      onStatus: () => {},
      secret: async () => secret,
    });
  });

  afterEach(async () => {
    manager.stop();
    await oncall.close();
  });

  it('lists new, acknowledged and silenced groups over every page, never resolved ones', async () => {
    oncall.groups = [
      ...Array.from({ length: 120 }, (_, i) => alertGroup(`N${i}`)),
      alertGroup('CRIT', {
        title: 'Checkout 5xx',
        labels: [groupLabel('severity', 'critical'), groupLabel('service', 'checkout')],
      }),
      alertGroup('ACK', {
        state: 'acknowledged',
        acknowledged_at: '2026-03-01T01:45:00Z',
        acknowledged_by: 'UGRACE',
      }),
      alertGroup('QUIET', { state: 'silenced', silenced_at: '2026-03-01T01:50:00Z' }),
      alertGroup('DONE', { state: 'resolved' }),
      alertGroup('ODD', { labels: [groupLabel('severity', 'P1')] }),
    ];
    manager.configure([config()]);

    await vi.waitFor(() => expect(manager.alerts()).toHaveLength(124), WAIT);
    expect(alert('CRIT')).toMatchObject({
      id: 'oc:CRIT',
      status: 'firing',
      severity: 'sev1',
      title: 'Checkout 5xx',
      labels: { alertname: 'Checkout 5xx', severity: 'critical', service: 'checkout' },
      startsAt: '2026-03-01T01:30:00.123Z',
      url: 'https://grafana.example/a/CRIT',
    });
    expect(alert('ACK')?.ack).toEqual({
      by: 'UGRACE',
      at: '2026-03-01T01:45:00.000Z',
      via: 'source',
    });
    expect(alert('QUIET')?.status).toBe('suppressed');
    expect(alert('DONE')).toBeUndefined();
    // A word the team's scale does not know is flagged, not filed silently.
    expect(alert('ODD')).toMatchObject({ severity: 'sev3', severityUnmapped: true });

    const lists = oncall.requests.filter((r) => r.path === '/oncall/api/v1/alert_groups/');
    expect(lists.map((r) => `${r.query.get('state')}:${r.query.get('page') ?? '1'}`)).toEqual([
      'new:1',
      'new:2',
      'new:3',
      'acknowledged:1',
      'silenced:1',
    ]);
    expect(lists.every((r) => r.authorization === TOKEN)).toBe(true);
    expect(status()).toMatchObject({
      health: 'ok',
      kind: 'grafana-oncall',
      url: oncall.apiUrl,
      actions: ['acknowledge', 'unacknowledge', 'snooze', 'silence', 'resolve'],
      credential: { set: true, hint: '••••3a2b' },
    });
  });

  it('acknowledges, un-acknowledges, silences and resolves, and the list follows', async () => {
    oncall.groups = [alertGroup('G1')];
    manager.configure([config()]);
    await vi.waitFor(() => expect(alert('G1')).toBeDefined(), WAIT);

    expect(await manager.act(['oc:G1'], { type: 'acknowledge' }, 'Ada')).toEqual([
      { alertId: 'oc:G1', ok: true },
    ]);
    await pollUntil(() => expect(alert('G1')?.ack?.by).toBe('U4DNY931HHJS5'));

    expect(await manager.act(['oc:G1'], { type: 'unacknowledge' }, 'Ada')).toEqual([
      { alertId: 'oc:G1', ok: true },
    ]);
    await pollUntil(() => expect(alert('G1')?.ack).toBeUndefined());

    expect(
      await manager.act(
        ['oc:G1'],
        { type: 'silence', minutes: 90, comment: 'deploy window' },
        'Ada',
      ),
    ).toEqual([{ alertId: 'oc:G1', ok: true }]);
    expect(oncall.groups[0]?.silencedForSeconds).toBe(5400);
    await pollUntil(() => expect(alert('G1')?.status).toBe('suppressed'));

    expect(await manager.act(['oc:G1'], { type: 'resolve' }, 'Ada')).toEqual([
      { alertId: 'oc:G1', ok: true },
    ]);
    await pollUntil(() => expect(alert('G1')?.status).toBe('resolved'));
    expect(oncall.groups[0]?.state).toBe('resolved');
  });

  it('says why OnCall refused an action, in its own words', async () => {
    oncall.groups = [alertGroup('G1', { state: 'acknowledged', acknowledged_by: 'UX' })];
    manager.configure([config()]);
    await vi.waitFor(() => expect(alert('G1')).toBeDefined(), WAIT);
    // Someone acknowledged it in OnCall meanwhile.
    expect(await manager.act(['oc:G1'], { type: 'acknowledge' }, 'Ada')).toEqual([
      {
        alertId: 'oc:G1',
        ok: false,
        error: `${oncall.apiUrl}/api/v1/alert_groups/G1/acknowledge answered HTTP 400 Bad Request ("Can't acknowledge an acknowledged alert group")`,
      },
    ]);
  });

  it('shows each error with its reason in the status, and recovers by itself', async () => {
    oncall.groups = [alertGroup('G1')];
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('ok'), WAIT);

    const reasons: string[] = [];
    for (const answer of [
      { status: 401, body: '{"detail":"Invalid token."}' },
      {
        status: 429,
        headers: { 'retry-after': '10' },
        body: '{"detail":"Request was throttled. Expected available in 10 seconds."}',
      },
      { status: 502, body: '<html>Bad Gateway</html>' },
      { status: 200, body: '{"count":1,"results":[{"id":"X","state":"firing"}]}' },
    ]) {
      oncall.force(answer);
      manager.refresh('oc');
      await vi.waitFor(() => expect(status()?.health).toBe('failing'), WAIT);
      reasons.push(status()?.reason ?? '');
      await pollUntil(() => expect(status()?.health).toBe('ok'));
    }
    // As shown: no query, no trailing slash.
    const list = `${oncall.apiUrl}/api/v1/alert_groups`;
    expect(reasons).toEqual([
      `${list} answered HTTP 401 Unauthorized ("Invalid token.") — Grafana OnCall refused the token: enter a valid one in Settings`,
      `${list} answered HTTP 429 Too Many Requests ("Request was throttled. Expected available in 10 seconds.") — Grafana OnCall asks us to slow down`,
      `${list} answered HTTP 502 Bad Gateway — Grafana OnCall (or a proxy in front of it) is in trouble`,
      `${oncall.apiUrl} answered JSON of the wrong shape: results[0].state: expected one of "new", "acknowledged", "resolved", "silenced", got "firing"; results[0].created_at: missing (expected string) — is this the OnCall API URL shown under OnCall → Settings → Admin & API?`,
    ]);
    expect(manager.alerts().map((a) => a.id)).toEqual(['oc:G1']);
  });

  it('does not send the token to another host a next link points at', async () => {
    oncall.groups = [alertGroup('G1')];
    oncall.force({
      status: 200,
      body: JSON.stringify({
        next: 'http://collector.example/steal?page=2',
        results: [alertGroup('G1')],
      }),
    });
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('failing'), WAIT);
    expect(status()?.reason).toBe(
      `${oncall.apiUrl} pointed its next page at http://collector.example, not itself — not followed`,
    );
  });

  it('asks for the token when none is stored', async () => {
    secret = undefined;
    manager.configure([config()]);
    await vi.waitFor(() => expect(status()?.health).toBe('failing'), WAIT);
    expect(status()?.reason).toBe(
      'no Grafana OnCall API token is stored for OnCall — enter it in Settings',
    );
    expect(oncall.requests).toEqual([]);
  });
});
