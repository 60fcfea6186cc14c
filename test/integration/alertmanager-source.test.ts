import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../src/main/services/sources/source-manager';
import type { Alert } from '../../src/shared/domain/alert';
import type { SourceConfig, SourceStatus } from '../../src/shared/domain/source';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';

// A real Prometheus Alertmanager (the Debian package), polled every second.
const WAIT = { timeout: 20_000, interval: 100 };

describe('the Alertmanager source against a real Alertmanager', () => {
  let am: RealAlertmanager;
  let manager: SourceManager;
  const changes: AlertsChange[] = [];
  const statuses: SourceStatus[] = [];

  beforeAll(async () => {
    am = await startAlertmanager();
    manager = createSourceManager({
      clock: systemClock,
      random: () => 0.5,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
    });
    // Built by hand: the settings schema would not allow a 1 s interval, tests want one.
    const config: SourceConfig = {
      kind: 'alertmanager',
      id: 'local',
      name: 'Local Alertmanager',
      url: am.url,
      intervalSeconds: 1,
      timeoutSeconds: 5,
      enabled: true,
      severityWords: {},
      peerUrls: [],
      ackMinutes: 60,
      push: false,
      auth: 'none',
    };
    manager.configure([config]);
    await vi.waitFor(() => expect(statuses.at(-1)?.health).toBe('ok'), WAIT);
  });

  afterAll(async () => {
    manager?.stop();
    await am?.dispose();
  });

  const labels = { alertname: 'DiskAlmostFull', severity: 'critical', service: 'postgres' };
  const annotations = { summary: 'Disk /var/lib/postgresql is 97% full on db-1' };
  // Alertmanager keeps millisecond precision; a whole second compares simply.
  const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();

  const published = (pick: (change: AlertsChange) => Alert[]) =>
    vi.waitFor(() => {
      const alert = changes.flatMap(pick).find((a) => a.labels.alertname === 'DiskAlmostFull');
      if (!alert) throw new Error('not published yet');
      return alert;
    }, WAIT);

  it('publishes a posted alert, normalised', async () => {
    await am.postAlerts([{ labels, annotations, startsAt }]);
    const added = await published((c) => c.added);
    expect(added).toMatchObject({
      id: `local:${added.fingerprint}`,
      sourceId: 'local',
      status: 'firing',
      severity: 'sev1',
      severityLabel: 'critical',
      title: 'DiskAlmostFull',
      summary: 'Disk /var/lib/postgresql is 97% full on db-1',
      labels,
      startsAt,
    });
    // Alertmanager sends an endsAt (its resolve timeout) for a firing alert; that is no end.
    expect(added.endsAt).toBeUndefined();
    expect(statuses.at(-1)).toMatchObject({ health: 'ok', activeAlerts: 1 });
  });

  it('publishes the resolution when the alert is resolved', async () => {
    await am.postAlerts([
      { labels, annotations, startsAt, endsAt: new Date(Date.now() - 1000).toISOString() },
    ]);
    const resolved = await published((c) => c.resolved);
    expect(resolved).toMatchObject({ status: 'resolved', title: 'DiskAlmostFull' });
    expect(resolved.endsAt).toBeDefined();
    // Still in the list, marked resolved, so the person on call sees it ended.
    expect(manager.alerts()).toEqual([
      expect.objectContaining({ id: resolved.id, status: 'resolved' }),
    ]);
  });

  it('says why while Alertmanager is down, and recovers by itself once it is back', async () => {
    await am.stop();
    const failing = await vi.waitFor(() => {
      const status = statuses.find((s) => s.health === 'failing' && s.reason?.includes('refused'));
      if (!status) throw new Error('not failing yet');
      return status;
    }, WAIT);
    expect(failing.reason).toBe(
      `cannot connect to ${am.url}: connection refused — is Alertmanager running?`,
    );
    expect(failing.failingSince).toBeDefined();

    const seen = statuses.length;
    await am.start();
    const back = await vi.waitFor(() => {
      const status = statuses.slice(seen).find((s) => s.health === 'ok');
      if (!status) throw new Error('not back yet');
      return status;
    }, WAIT);
    expect(back).toMatchObject({ failures: 0, sourceId: 'local' });
    expect(back.reason).toBeUndefined();
  });
});
