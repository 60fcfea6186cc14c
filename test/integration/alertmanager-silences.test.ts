import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/main/services/clock/clock';
import {
  createSourceManager,
  type SourceManager,
} from '../../src/main/services/sources/source-manager';
import type { Alert } from '../../src/shared/domain/alert';
import type { AlertmanagerSourceConfig, SourceStatus } from '../../src/shared/domain/source';
import {
  startAlertmanager,
  startAlertmanagerPair,
  type RealAlertmanager,
} from '../support/alertmanager';

// Acknowledgements and silences against a real Prometheus Alertmanager (Debian's 0.25).
const WAIT = { timeout: 20_000, interval: 100 };

function amSource(id: string, url: string, peerUrls: string[] = []): AlertmanagerSourceConfig {
  // Built by hand: the settings schema would not allow a 1 s interval, tests want one.
  return {
    kind: 'alertmanager',
    id,
    name: `Alertmanager ${id}`,
    url,
    intervalSeconds: 1,
    timeoutSeconds: 5,
    enabled: true,
    severityWords: {},
    peerUrls,
    ackMinutes: 60,
    push: false,
    auth: 'none',
  };
}

function watch(sources: AlertmanagerSourceConfig[]) {
  const statuses: SourceStatus[] = [];
  const manager = createSourceManager({
    clock: systemClock,
    random: () => 0.5,
    severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
    onAlertsChanged: () => {},
    onStatus: (status) => statuses.push(status),
  });
  manager.configure(sources);
  return { manager, statuses };
}

/** Wait until the manager shows the alert named `name` and `ready` holds for it. */
const shown = (manager: SourceManager, name: string, ready: (a: Alert) => boolean = () => true) =>
  vi.waitFor(() => {
    const alert = manager.alerts().find((a) => a.labels.alertname === name);
    if (!alert || !ready(alert)) throw new Error(`${name} not shown as expected yet`);
    return alert;
  }, WAIT);

describe('acknowledging and silencing in a real Alertmanager', () => {
  let am: RealAlertmanager;
  let manager: SourceManager;
  const labels = { alertname: 'DiskAlmostFull', severity: 'critical', service: 'postgres' };

  beforeAll(async () => {
    am = await startAlertmanager();
    await am.postAlerts([{ labels }]);
    ({ manager } = watch([amSource('local', am.url)]));
  });
  afterAll(async () => {
    manager?.stop();
    await am?.dispose();
  });

  it('acknowledge creates a silence by the user that Alertmanager reports active, the alert suppressed', async () => {
    const alert = await shown(manager, 'DiskAlmostFull');
    expect(alert.status).toBe('firing');
    expect(await manager.act([alert.id], { type: 'acknowledge' }, 'Ada Lovelace')).toEqual([
      { alertId: alert.id, ok: true },
    ]);

    const [silence] = (await am.silences()).filter((s) => s.status.state === 'active');
    expect(silence).toMatchObject({
      createdBy: 'Ada Lovelace',
      comment: 'ACK! Acknowledged in On-Call Companion by Ada Lovelace',
      matchers: [
        { name: 'alertname', value: 'DiskAlmostFull', isRegex: false, isEqual: true },
        { name: 'service', value: 'postgres', isRegex: false, isEqual: true },
        { name: 'severity', value: 'critical', isRegex: false, isEqual: true },
      ],
    });
    const minutes = (Date.parse(silence!.endsAt) - Date.parse(silence!.startsAt)) / 60_000;
    expect(Math.round(minutes)).toBe(60);
    // Alertmanager applies silences to alerts on its own schedule; wait for it.
    await vi.waitFor(async () => {
      const [held] = await am.alerts();
      expect(held?.status).toMatchObject({ state: 'suppressed', silencedBy: [silence!.id] });
    }, WAIT);

    const acked = await shown(manager, 'DiskAlmostFull', (a) => a.ack !== undefined);
    expect(acked).toMatchObject({
      status: 'suppressed',
      ack: { by: 'Ada Lovelace', via: 'source', ref: silence!.id, until: silence!.endsAt },
    });
  });

  it('extend moves the end of the acknowledgement', async () => {
    const before = await shown(manager, 'DiskAlmostFull', (a) => a.ack !== undefined);
    expect(
      await manager.act([before.id], { type: 'extend', minutes: 180 }, 'Ada Lovelace'),
    ).toEqual([{ alertId: before.id, ok: true }]);
    const after = await shown(
      manager,
      'DiskAlmostFull',
      (a) => Date.parse(a.ack?.until ?? '') > Date.parse(before.ack!.until!) + 60 * 60_000,
    );
    // Alertmanager updated the silence in place: the same acknowledgement, a later end.
    expect(after.ack).toMatchObject({ by: 'Ada Lovelace', ref: before.ack!.ref });
    const active = (await am.silences()).filter((s) => s.status.state === 'active');
    expect(active.map((s) => s.id)).toEqual([after.ack!.ref]);
  });

  it('un-acknowledge expires the silence, and the alert fires again', async () => {
    const alert = await shown(manager, 'DiskAlmostFull', (a) => a.ack !== undefined);
    expect(await manager.act([alert.id], { type: 'unacknowledge' }, 'Ada Lovelace')).toEqual([
      { alertId: alert.id, ok: true },
    ]);
    const silences = await am.silences();
    expect(silences.filter((s) => s.status.state === 'active')).toEqual([]);
    expect(silences.find((s) => s.id === alert.ack!.ref)?.status.state).toBe('expired');
    const again = await shown(manager, 'DiskAlmostFull', (a) => a.status === 'firing');
    expect(again.ack).toBeUndefined();
    expect(again.silences).toBeUndefined();
  });

  it("shows a silence someone else made through Alertmanager's API with its author, comment and end", async () => {
    const endsAt = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
    const id = await am.postSilence({
      matchers: [{ name: 'service', value: 'postgres', isRegex: false, isEqual: true }],
      startsAt: new Date().toISOString(),
      endsAt,
      createdBy: 'maria@example.com',
      comment: 'Failover test, until the replica catches up',
    });
    const silenced = await shown(manager, 'DiskAlmostFull', (a) => a.silences !== undefined);
    expect(silenced.status).toBe('suppressed');
    expect(silenced.ack).toBeUndefined();
    expect(silenced.silences).toEqual([
      {
        id,
        createdBy: 'maria@example.com',
        comment: 'Failover test, until the replica catches up',
        startsAt: expect.any(String) as unknown,
        endsAt,
      },
    ]);
  });

  it("passes Alertmanager's refusal of a silence on, with its reason", async () => {
    const alert = await shown(manager, 'DiskAlmostFull');
    const [result] = await manager.act(
      [alert.id],
      { type: 'silence', minutes: 60, comment: 'x', matchers: { service: '' } },
      'Ada Lovelace',
    );
    expect(result?.ok).toBe(false);
    // A silence whose every matcher matches the empty string would silence everything.
    expect(result?.error).toMatch(new RegExp(`^${am.url} answered HTTP 400 Bad Request: .*empty`));
  });
});

describe('the two Alertmanagers of a real HA cluster as one source', () => {
  let am1: RealAlertmanager;
  let am2: RealAlertmanager;
  let manager: SourceManager;
  let statuses: SourceStatus[];

  beforeAll(async () => {
    [am1, am2] = await startAlertmanagerPair();
    // Prometheus sends every alert to every Alertmanager of the pair.
    const both = {
      labels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' },
    };
    await am1.postAlerts([both, { labels: { alertname: 'OnlyOnOne', severity: 'warning' } }]);
    await am2.postAlerts([both, { labels: { alertname: 'OnlyOnTwo', severity: 'warning' } }]);
    ({ manager, statuses } = watch([amSource('pair', am1.url, [am2.url])]));
  });
  afterAll(async () => {
    manager?.stop();
    await Promise.all([am1?.dispose(), am2?.dispose()]);
  });

  it('shows every alert of either, each once', async () => {
    await shown(manager, 'OnlyOnOne');
    await shown(manager, 'OnlyOnTwo');
    const titles = manager.alerts().map((a) => a.title);
    expect(titles.sort()).toEqual(['HighErrorRate', 'OnlyOnOne', 'OnlyOnTwo']);
    expect(statuses.at(-1)).toMatchObject({ health: 'ok', activeAlerts: 3 });
    expect(statuses.at(-1)?.reason).toBeUndefined();
  });

  it('keeps watching while one is down, says which, and acknowledges through the other', async () => {
    await am1.stop();
    const degraded = await vi.waitFor(() => {
      const status = statuses.at(-1);
      if (!status?.reason) throw new Error('not degraded yet');
      return status;
    }, WAIT);
    expect(degraded).toMatchObject({
      health: 'ok',
      reason: `1 of 2 members answer; cannot connect to ${am1.url}: connection refused — is Alertmanager running?`,
    });
    const alert = await shown(manager, 'HighErrorRate');
    expect(await manager.act([alert.id], { type: 'acknowledge' }, 'Ada Lovelace')).toEqual([
      { alertId: alert.id, ok: true },
    ]);
    expect((await am2.silences()).map((s) => s.createdBy)).toEqual(['Ada Lovelace']);

    // Back in the cluster, the first member learns the silence by gossip; the source is whole.
    await am1.start();
    await vi.waitFor(async () => {
      expect((await am1.silences()).map((s) => s.createdBy)).toEqual(['Ada Lovelace']);
    }, WAIT);
    await vi.waitFor(() => expect(statuses.at(-1)?.reason).toBeUndefined(), WAIT);
    const acked = await shown(manager, 'HighErrorRate', (a) => a.ack !== undefined);
    expect(acked.ack?.by).toBe('Ada Lovelace');
    expect(manager.alerts().filter((a) => a.title === 'HighErrorRate')).toHaveLength(1);
  });
});
