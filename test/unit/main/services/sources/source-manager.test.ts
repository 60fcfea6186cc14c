import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../../../../src/main/services/sources/source-manager';
import {
  alertmanagerSourceSchema,
  type SourceConfig,
  type SourceStatus,
} from '../../../../../src/shared/domain/source';
import { normaliseWebhookAlerts } from '../../../../../src/main/services/sources/alertmanager-webhook-normalise';
import type { Alert } from '../../../../../src/shared/domain/alert';
import { startHeldServer, type HeldServer } from './held-server';
import { startScriptedServer, type ScriptedAnswer, type ScriptedServer } from './scripted-server';

// Polls run only when a test refreshes: the interval is an hour and random() = 1 makes every
// backoff as long as it can be, so no timer fires during a test and nothing depends on timing.
const HOUR_S = 3600;

let now: Date;
const clock: Clock = { now: () => now };
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

/** An Alertmanager gettableAlert whose resolve timeout lies far ahead. */
function amAlert(fingerprint: string, labels: Record<string, string> = {}) {
  return {
    labels: { alertname: `Alert-${fingerprint}`, severity: 'critical', ...labels },
    annotations: { summary: `Summary of ${fingerprint}` },
    fingerprint,
    startsAt: '2026-03-01T01:30:00.000Z',
    updatedAt: '2026-03-01T01:59:00.000Z',
    endsAt: '2026-03-02T00:00:00.000Z',
    receivers: [{ name: 'null' }],
    status: { state: 'active', silencedBy: [], inhibitedBy: [] },
  };
}

const body = (...alerts: object[]) => ({ body: JSON.stringify(alerts) });

/** The alert Alertmanager's webhook would push for {@link amAlert}, normalised for `prod`. */
function pushed(
  fingerprint: string,
  status: 'firing' | 'resolved' = 'firing',
  annotations: Record<string, string> = {},
): Alert {
  const { labels, annotations: base, startsAt } = amAlert(fingerprint);
  const reading = normaliseWebhookAlerts(
    {
      version: '4',
      status,
      alerts: [
        {
          status,
          labels,
          annotations: { ...base, ...annotations },
          startsAt,
          endsAt: status === 'firing' ? '0001-01-01T00:00:00Z' : now.toISOString(),
          fingerprint,
        },
      ],
    },
    { sourceId: 'prod', now, severityScale: 'sev1-4', severityWords: {} },
  );
  if (!reading.ok) throw new Error(reading.error);
  return reading.alerts[0] as Alert;
}

function source(id: string, url: string, extra: Partial<SourceConfig> = {}): SourceConfig {
  return alertmanagerSourceSchema.parse({
    kind: 'alertmanager',
    id,
    name: `Source ${id}`,
    url,
    intervalSeconds: HOUR_S,
    ...extra,
  });
}

describe('createSourceManager', () => {
  let manager: SourceManager;
  let changes: AlertsChange[];
  let statuses: SourceStatus[];
  let logs: string[];
  let servers: ScriptedServer[];
  let throwFromCallbacks: boolean;

  beforeEach(() => {
    now = new Date('2026-03-01T02:00:00Z');
    changes = [];
    statuses = [];
    logs = [];
    servers = [];
    throwFromCallbacks = false;
    manager = createSourceManager({
      clock,
      random: () => 1,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => {
        changes.push(change);
        if (throwFromCallbacks) throw new Error('renderer went away');
      },
      onStatus: (status) => {
        statuses.push(status);
        if (throwFromCallbacks) throw new Error('renderer went away');
      },
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
  });

  afterEach(async () => {
    manager.stop();
    await Promise.all(servers.map((s) => s.close()));
  });

  async function server(answer: ScriptedAnswer = body()): Promise<ScriptedServer> {
    const s = await startScriptedServer();
    s.answer(answer);
    servers.push(s);
    return s;
  }

  const statusOf = (id: string) => manager.statuses().find((s) => s.sourceId === id);

  /** Wait for the next status of `id` that satisfies `match`, after `since` statuses. */
  async function nextStatus(id: string, match: (s: SourceStatus) => boolean, since = 0) {
    return vi.waitFor(
      () => {
        const found = statuses.slice(since).find((s) => s.sourceId === id && match(s));
        if (!found) throw new Error(`no matching status for ${id} yet`);
        return found;
      },
      { interval: 5 },
    );
  }

  /** Advance the clock, poll `id` now, and wait for the status that poll produced. */
  async function pollAgain(id: string, ms = 60_000): Promise<SourceStatus> {
    advance(ms);
    const at = now.toISOString();
    const since = statuses.length;
    expect(manager.refresh(id)).toBe(true);
    return nextStatus(id, (s) => s.lastAttemptAt === at, since);
  }

  it('publishes the alerts of a new source, and stays quiet while nothing changes', async () => {
    const am = await server(body(amAlert('a1'), amAlert('a2', { severity: 'warning' })));
    manager.configure([source('prod', am.url)]);
    expect(statuses[0]).toMatchObject({ sourceId: 'prod', health: 'pending', isDefault: false });

    const ok = await nextStatus('prod', (s) => s.health === 'ok');
    expect(ok).toMatchObject({
      failures: 0,
      activeAlerts: 2,
      lastSuccessAt: '2026-03-01T02:00:00.000Z',
      nextAttemptAt: '2026-03-01T03:00:00.000Z',
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.added.map((a) => a.id)).toEqual(['prod:a1', 'prod:a2']);
    expect(changes[0]?.alerts.map((a) => [a.id, a.severity])).toEqual([
      ['prod:a1', 'sev1'],
      ['prod:a2', 'sev3'],
    ]);

    await pollAgain('prod');
    expect(changes).toHaveLength(1);
    expect(manager.alerts()).toHaveLength(2);
  });

  it('reports a change to an alert as changed', async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    am.answer(
      body({
        ...amAlert('a1'),
        status: { state: 'suppressed', silencedBy: ['s1'], inhibitedBy: [] },
      }),
    );
    await pollAgain('prod');
    expect(changes.at(-1)?.changed.map((a) => [a.id, a.status])).toEqual([
      ['prod:a1', 'suppressed'],
    ]);
  });

  it('reports an alert that left the source as resolved, keeps it an hour, then drops it', async () => {
    const am = await server(body(amAlert('a1'), amAlert('a2')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');

    am.answer(body(amAlert('a1')));
    const after = await pollAgain('prod');
    expect(after.activeAlerts).toBe(1);
    expect(changes.at(-1)?.resolved.map((a) => [a.id, a.endsAt])).toEqual([
      ['prod:a2', '2026-03-01T02:01:00.000Z'],
    ]);
    expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([
      ['prod:a1', 'firing'],
      ['prod:a2', 'resolved'],
    ]);

    await pollAgain('prod', 59 * 60_000);
    expect(manager.alerts()).toHaveLength(2);

    const count = changes.length;
    await pollAgain('prod', 60_000);
    expect(changes).toHaveLength(count + 1);
    expect(changes.at(-1)).toMatchObject({ added: [], changed: [], resolved: [] });
    expect(manager.alerts().map((a) => a.id)).toEqual(['prod:a1']);
  });

  it('keeps the last alerts while the source fails, saying why and since when, and recovers', async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');

    am.answer({ status: 503, body: 'down for maintenance' });
    const first = await pollAgain('prod');
    expect(first).toMatchObject({
      health: 'failing',
      reason: `${am.url} answered HTTP 503 Service Unavailable — Alertmanager (or a proxy in front of it) is in trouble`,
      failures: 1,
      failingSince: '2026-03-01T02:01:00.000Z',
      lastSuccessAt: '2026-03-01T02:00:00.000Z',
      activeAlerts: 1,
    });
    const second = await pollAgain('prod');
    expect(second).toMatchObject({ failures: 2, failingSince: '2026-03-01T02:01:00.000Z' });
    expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([['prod:a1', 'firing']]);
    expect(changes).toHaveLength(1);

    am.answer(body(amAlert('a1')));
    const back = await pollAgain('prod');
    expect(back).toMatchObject({
      health: 'ok',
      failures: 0,
      lastSuccessAt: '2026-03-01T02:03:00.000Z',
    });
    expect(back).not.toHaveProperty('reason');
    expect(back).not.toHaveProperty('failingSince');
    expect(changes).toHaveLength(1);
    expect(logs).toEqual([
      `warn: Source prod: ${first.reason}`,
      'info: Source prod: answering again after 2 failed polls',
    ]);
  });

  it('stays ok while one member of an HA cluster is down, saying so, and clears it once it is back', async () => {
    const am1 = await server(body(amAlert('a1')));
    const am2 = await server(body(amAlert('a1')));
    manager.configure([source('prod', am1.url, { peerUrls: [am2.url] })]);
    await nextStatus('prod', (s) => s.health === 'ok');

    am2.answer({ status: 502 });
    const degraded = await pollAgain('prod');
    expect(degraded).toMatchObject({
      health: 'ok',
      failures: 0,
      activeAlerts: 1,
      reason: `1 of 2 members answer; ${am2.url} answered HTTP 502 Bad Gateway — Alertmanager (or a proxy in front of it) is in trouble`,
    });
    expect(manager.alerts().map((a) => a.id)).toEqual(['prod:a1']);

    am2.answer(body(amAlert('a1')));
    expect(await pollAgain('prod')).not.toHaveProperty('reason');
  });

  it('waits as long as a source asked in Retry-After before the next attempt', async () => {
    const am = await server({ status: 503, headers: { 'retry-after': '900' } });
    manager.configure([source('prod', am.url, { intervalSeconds: 10 })]);
    const failing = await nextStatus('prod', (s) => s.health === 'failing');
    // random() = 1 puts the jittered wait at its 10 s ceiling; the server asked for 15 min.
    expect(failing.nextAttemptAt).toBe('2026-03-01T02:15:00.000Z');
  });

  it("keeps one source's failure away from the others", async () => {
    const good = await server(body(amAlert('g1')));
    const bad = await server({ status: 500 });
    manager.configure([source('good', good.url), source('bad', bad.url)]);
    await nextStatus('good', (s) => s.health === 'ok');
    await nextStatus('bad', (s) => s.health === 'failing');
    expect(manager.alerts().map((a) => a.id)).toEqual(['good:g1']);
    expect(statusOf('good')?.health).toBe('ok');
  });

  it("watches Alertmanager's default address when no source is configured, and says so", () => {
    manager.configure([]);
    expect(manager.statuses()).toEqual([
      expect.objectContaining({
        sourceId: 'alertmanager',
        url: 'http://127.0.0.1:9093',
        isDefault: true,
        health: 'pending',
      }),
    ]);
  });

  it('shows a disabled source as such and never polls it', async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('off', am.url, { enabled: false })]);
    expect(manager.statuses()).toEqual([
      expect.objectContaining({ sourceId: 'off', health: 'disabled' }),
    ]);
    expect(manager.refresh('off')).toBe(false);
    expect(manager.refresh('nope')).toBe(false);
    expect(am.requests).toEqual([]);
  });

  it('on reconfigure keeps unchanged sources running, drops removed ones quietly, starts new ones', async () => {
    const a = await server(body(amAlert('a1')));
    const b = await server(body(amAlert('b1')));
    manager.configure([source('a', a.url), source('b', b.url)]);
    await nextStatus('a', (s) => s.health === 'ok');
    await nextStatus('b', (s) => s.health === 'ok');
    const statusCount = statuses.length;

    manager.configure([source('a', a.url)]);
    // b's alert leaves the list without being announced as resolved.
    expect(changes.at(-1)).toMatchObject({ added: [], changed: [], resolved: [] });
    expect(manager.alerts().map((x) => x.id)).toEqual(['a:a1']);
    expect(manager.statuses().map((s) => s.sourceId)).toEqual(['a']);
    // a was neither restarted nor polled again.
    expect(statuses).toHaveLength(statusCount);
    expect(a.requests).toHaveLength(1);

    const c = await server(body(amAlert('c1')));
    manager.configure([source('a', a.url), source('c', c.url)]);
    await nextStatus('c', (s) => s.health === 'ok');
    expect(changes.at(-1)?.added.map((x) => x.id)).toEqual(['c:c1']);
    expect(a.requests).toHaveLength(1);
  });

  it("keeps a source's alerts when only its timing or name changes, so nothing is announced twice", async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    const since = statuses.length;

    manager.configure([source('prod', am.url, { name: 'Production', intervalSeconds: 1800 })]);
    await nextStatus('prod', (s) => s.health === 'ok', since);
    expect(changes).toHaveLength(1);
    expect(statusOf('prod')).toMatchObject({
      name: 'Production',
      nextAttemptAt: '2026-03-01T02:30:00.000Z',
    });
  });

  it("drops a source's alerts when its URL changes: they belonged to the old Alertmanager", async () => {
    const before = await server(body(amAlert('a1')));
    const after = await server(body());
    manager.configure([source('prod', before.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    manager.configure([source('prod', after.url)]);
    expect(manager.alerts()).toEqual([]);
    expect(changes.at(-1)).toMatchObject({ alerts: [], added: [], changed: [], resolved: [] });
  });

  it('keeps polling when a callback throws, and logs it', async () => {
    const am = await server(body(amAlert('a1')));
    throwFromCallbacks = true;
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    am.answer(body(amAlert('a1'), amAlert('a2')));
    await pollAgain('prod');
    expect(manager.alerts()).toHaveLength(2);
    expect(logs).toContain('error: onAlertsChanged failed: renderer went away');
  });

  it('stops polling and forgets everything on stop', async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    manager.stop();
    expect(manager.alerts()).toEqual([]);
    expect(manager.statuses()).toEqual([]);
    expect(manager.refresh('prod')).toBe(false);
  });

  it("reads a source's own severity words over the team's", async () => {
    const am = await server(body(amAlert('a1', { severity: 'P1' })));
    manager.configure([source('prod', am.url, { severityWords: { P1: 'sev1' } })]);
    await nextStatus('prod', (s) => s.health === 'ok');
    expect(manager.alerts()).toMatchObject([{ severity: 'sev1', severityLabel: 'P1' }]);
    expect(manager.alerts()[0]?.severityUnmapped).toBeUndefined();
  });

  it('flags a severity word that no mapping knows, instead of filing it silently', async () => {
    const am = await server(body(amAlert('a1', { severity: 'P1' })));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    expect(manager.alerts()).toMatchObject([{ severityLabel: 'P1', severityUnmapped: true }]);
  });

  it('answers an action on an alert nobody knows, and on one its source cannot do, with why', async () => {
    const am = await server(body(amAlert('a1')));
    manager.configure([source('prod', am.url)]);
    await nextStatus('prod', (s) => s.health === 'ok');
    const results = await manager.act(['prod:gone', 'prod:a1'], { type: 'resolve' }, 'Ada');
    expect(results).toEqual([
      {
        alertId: 'prod:gone',
        ok: false,
        error: 'No alert has the id "prod:gone"; it may be gone.',
      },
      { alertId: 'prod:a1', ok: false, error: 'Source prod cannot resolve alerts from this app.' },
    ]);
  });

  it('tests settings once without watching them: the alerts, or the reason', async () => {
    const am = await server(body(amAlert('a1'), amAlert('a2')));
    const tested = await manager.test(source('trial', am.url));
    expect(tested).toMatchObject({ ok: true, alerts: [{ id: 'trial:a1' }, { id: 'trial:a2' }] });
    expect(manager.statuses()).toEqual([]);
    expect(changes).toEqual([]);

    am.answer({ status: 404, body: 'not here' });
    const failed = await manager.test(source('trial', am.url));
    expect(failed).toEqual({
      ok: false,
      error: `${am.url} answered HTTP 404 Not Found — is this the base URL of an Alertmanager (API v2)?`,
    });
  });

  describe('pushed alerts (ingest)', () => {
    let held: HeldServer;

    beforeEach(async () => {
      held = await startHeldServer();
    });

    afterEach(async () => {
      await held.close();
    });

    it('shows a pushed alert at once, and the next poll merges its copy into it: one alert', async () => {
      const am = await server(body());
      manager.configure([source('prod', am.url)]);
      await nextStatus('prod', (s) => s.health === 'ok');

      expect(manager.ingest('prod', [pushed('a1')])).toBe(true);
      expect(changes.at(-1)).toMatchObject({
        added: [{ id: 'prod:a1' }],
        changed: [],
        resolved: [],
      });
      expect(statusOf('prod')?.activeAlerts).toBe(1);

      const count = changes.length;
      am.answer(body(amAlert('a1')));
      await pollAgain('prod');
      expect(changes).toHaveLength(count);
      expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([['prod:a1', 'firing']]);
    });

    it('resolves an alert at once when its resolution is pushed; one never seen open is ignored', async () => {
      const am = await server(body(amAlert('a1')));
      manager.configure([source('prod', am.url)]);
      await nextStatus('prod', (s) => s.health === 'ok');

      manager.ingest('prod', [pushed('a1', 'resolved'), pushed('a9', 'resolved')]);
      expect(changes.at(-1)).toMatchObject({ added: [], resolved: [{ id: 'prod:a1' }] });
      expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([['prod:a1', 'resolved']]);
      expect(statusOf('prod')?.activeAlerts).toBe(0);

      const count = changes.length;
      manager.ingest('prod', [pushed('a9', 'resolved')]);
      expect(changes).toHaveLength(count);
    });

    it('keeps what only the poll knows (a silence) when a known alert is pushed again', async () => {
      const silenced = {
        ...amAlert('a1'),
        status: { state: 'suppressed', silencedBy: ['s1'], inhibitedBy: [] },
      };
      const am = await server(body(silenced));
      manager.configure([source('prod', am.url)]);
      await nextStatus('prod', (s) => s.health === 'ok');

      manager.ingest('prod', [pushed('a1', 'firing', { summary: 'Now 99% full' })]);
      expect(changes.at(-1)?.changed.map((a) => [a.id, a.status, a.summary])).toEqual([
        ['prod:a1', 'suppressed', 'Now 99% full'],
      ]);
    });

    it('does not let a poll that started before a push resolve the pushed alert', async () => {
      manager.configure([source('prod', held.url)]);
      held.release('[]');
      await nextStatus('prod', (s) => s.health === 'ok');

      // The poll leaves with the old list (no a1); a1 is pushed while it is under way.
      const since = statuses.length;
      advance(60_000);
      manager.refresh('prod');
      await held.waitForRequest();
      manager.ingest('prod', [pushed('a1')]);
      held.release('[]');
      await nextStatus('prod', (s) => s.lastAttemptAt === now.toISOString(), since);
      expect(changes.flatMap((c) => c.resolved)).toEqual([]);
      expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([['prod:a1', 'firing']]);

      // A poll that started after the push is the truth: a1 is gone, so it resolved.
      const next = statuses.length;
      advance(60_000);
      manager.refresh('prod');
      held.release('[]');
      await nextStatus('prod', (s) => s.lastAttemptAt === now.toISOString(), next);
      expect(changes.at(-1)?.resolved.map((a) => a.id)).toEqual(['prod:a1']);
    });

    it('does not let a poll that started before a pushed resolution announce the alert again', async () => {
      manager.configure([source('prod', held.url)]);
      held.release(JSON.stringify([amAlert('a1')]));
      await nextStatus('prod', (s) => s.health === 'ok');

      const since = statuses.length;
      advance(60_000);
      manager.refresh('prod');
      await held.waitForRequest();
      manager.ingest('prod', [pushed('a1', 'resolved')]);
      const count = changes.length;
      held.release(JSON.stringify([amAlert('a1')]));
      await nextStatus('prod', (s) => s.lastAttemptAt === now.toISOString(), since);
      expect(changes).toHaveLength(count);
      expect(manager.alerts().map((a) => [a.id, a.status])).toEqual([['prod:a1', 'resolved']]);
    });

    it('refuses a push for a source it does not watch, keeping nothing', async () => {
      const am = await server(body());
      manager.configure([source('prod', am.url), source('off', am.url, { enabled: false })]);
      await nextStatus('prod', (s) => s.health === 'ok');
      expect(manager.ingest('other', [pushed('a1')])).toBe(false);
      expect(manager.ingest('off', [pushed('a1')])).toBe(false);
      expect(manager.alerts()).toEqual([]);
    });
  });
});
