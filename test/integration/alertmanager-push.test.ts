import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../src/main/services/sources/source-manager';
import {
  createWebhookService,
  type WebhookService,
} from '../../src/main/services/webhook/webhook-service';
import {
  alertmanagerReceiverBlock,
  newWebhookToken,
  webhookTokenKey,
  webhookUrl,
} from '../../src/main/services/webhook/webhook-token';
import type { Alert } from '../../src/shared/domain/alert';
import { defaultSettings, type Settings } from '../../src/shared/domain/settings';
import type { SourceConfig, SourceStatus } from '../../src/shared/domain/source';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';
import { freePort } from '../support/free-port';
import { memorySecretStore } from '../support/memory-secret-store';

// A real Prometheus Alertmanager (the Debian package) whose webhook receiver is the app's, and
// a poll interval of an hour: an alert that shows before the test asks for a poll was pushed.
const WAIT = { timeout: 20_000, interval: 50 };

describe('push from a real Alertmanager to the webhook receiver', () => {
  let am: RealAlertmanager;
  let manager: SourceManager;
  let webhooks: WebhookService;
  const changes: AlertsChange[] = [];
  const statuses: SourceStatus[] = [];
  const logs: string[] = [];
  // Every poll the app made: each has its own attempt time.
  const polls = () => new Set(statuses.map((s) => s.lastAttemptAt).filter(Boolean)).size;

  beforeAll(async () => {
    const port = await freePort();
    const token = newWebhookToken();
    const secrets = memorySecretStore();
    await secrets.set(webhookTokenKey('local'), token);
    // The block the app tells the user to paste, routed to first, with short group timers.
    const block = alertmanagerReceiverBlock(
      'local',
      webhookUrl(port, 'alertmanager', 'local'),
      token,
    );
    am = await startAlertmanager({
      config: block.replace(
        'route:\n',
        'route:\n  receiver: oncall-companion-local\n  group_by: [alertname]\n  group_wait: 100ms\n  group_interval: 1s\n',
      ),
    });
    const config: SourceConfig = {
      kind: 'alertmanager',
      id: 'local',
      name: 'Local Alertmanager',
      url: am.url,
      intervalSeconds: 3600,
      timeoutSeconds: 5,
      enabled: true,
      severityWords: {},
      peerUrls: [],
      ackMinutes: 60,
      push: true,
      auth: 'none',
    };
    const settings: Settings = { ...defaultSettings(), sources: [config], webhook: { port } };
    manager = createSourceManager({
      clock: systemClock,
      random: () => 0.5,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
    });
    webhooks = createWebhookService({
      settings: () => settings,
      secrets,
      sources: manager,
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    manager.configure([config]);
    await webhooks.configure();
    expect(webhooks.state()).toEqual({ state: 'listening', port });
    await vi.waitFor(() => expect(statuses.at(-1)?.health).toBe('ok'), WAIT);
  });

  afterAll(async () => {
    manager?.stop();
    await webhooks?.close();
    await am?.dispose();
  });

  const labels = { alertname: 'DiskAlmostFull', severity: 'critical', service: 'postgres' };
  const annotations = { summary: 'Disk /var/lib/postgresql is 97% full on db-1' };
  const startsAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000).toISOString();
  const ours = (alerts: Alert[]) => alerts.filter((a) => a.labels.alertname === 'DiskAlmostFull');

  it('shows a new alert pushed by Alertmanager before the next poll is due', async () => {
    expect(polls()).toBe(1);
    await am.postAlerts([{ labels, annotations, startsAt }]);
    const added = await vi.waitFor(() => {
      const alert = ours(changes.flatMap((c) => c.added))[0];
      if (!alert) throw new Error('not pushed yet');
      return alert;
    }, WAIT);
    expect(added).toMatchObject({
      sourceId: 'local',
      status: 'firing',
      severity: 'sev1',
      startsAt,
    });
    // Still the first poll only; the next one is an hour away.
    expect(polls()).toBe(1);
    const last = statuses.at(-1);
    expect(Date.parse(last?.nextAttemptAt ?? '') - Date.parse(last?.lastAttemptAt ?? '')).toBe(
      3600_000,
    );
    expect(logs.filter((line) => line.includes('refused'))).toEqual([]);
  });

  it('merges the polled copy into the pushed one: one alert, announced once', async () => {
    expect(manager.refresh('local')).toBe(true);
    await vi.waitFor(() => expect(polls()).toBe(2), WAIT);
    expect(ours(manager.alerts())).toHaveLength(1);
    expect(ours(changes.flatMap((c) => c.added))).toHaveLength(1);
    // The poll brought the update time only it knows; nothing a person would see changed.
    expect(ours(changes.flatMap((c) => c.changed))).toEqual([]);
  });

  it('resolves the alert when Alertmanager pushes its resolution, again before any poll', async () => {
    await am.postAlerts([
      { labels, annotations, startsAt, endsAt: new Date(Date.now() - 1000).toISOString() },
    ]);
    const resolved = await vi.waitFor(() => {
      const alert = ours(changes.flatMap((c) => c.resolved))[0];
      if (!alert) throw new Error('not pushed yet');
      return alert;
    }, WAIT);
    expect(resolved.status).toBe('resolved');
    expect(polls()).toBe(2);
    expect(ours(manager.alerts())).toEqual([expect.objectContaining({ status: 'resolved' })]);
  });
});
