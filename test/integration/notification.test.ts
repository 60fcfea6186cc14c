import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../src/shared/domain/alert';
import { defaultSettings, type Settings } from '../../src/shared/domain/settings';
import { createAlertNotifier } from '../../src/main/services/notify/alert-notification-policy';
import { createNodeNotifierAdapter } from '../../src/main/services/notify/node-notifier-adapter';
import * as Y from 'yjs';
import { createIncident } from '../../src/shared/incident/create-incident';
import { readIncident } from '../../src/shared/incident/read-incident';
import { createStatusUpdateReminders } from '../../src/main/services/incidents/status-update-reminders';
import { testScheduler } from '../support/memory-scheduler';
import { startNotificationDaemon, type NotificationDaemon } from '../support/notification-daemon';

const settings: Settings = {
  ...defaultSettings(),
  sources: [
    {
      kind: 'alertmanager',
      id: 'prod',
      name: 'Production',
      url: 'http://alertmanager.example:9093',
      intervalSeconds: 15,
      timeoutSeconds: 10,
      enabled: true,
      severityWords: {},
      peerUrls: [],
      ackMinutes: 60,
      push: false,
      auth: 'none',
    },
  ],
};

function alert(
  name: string,
  severity: Alert['severity'],
  labels: Record<string, string> = {},
): Alert {
  return {
    id: `prod:${name}`,
    sourceId: 'prod',
    fingerprint: name,
    status: 'firing',
    severity,
    title: name,
    summary: `${name} is firing`,
    labels: { alertname: name, ...labels },
    annotations: {},
    startsAt: '2025-03-04T05:06:07.000Z',
  };
}

describe('notifications through a real notification daemon (dunst)', () => {
  let daemon: NotificationDaemon;
  const saved = {
    DISPLAY: process.env.DISPLAY,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
  };
  const logged: string[] = [];

  beforeAll(async () => {
    daemon = await startNotificationDaemon();
    // notify-send inherits the environment of this process.
    Object.assign(process.env, daemon.env);
  });

  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await daemon?.stop();
  });

  beforeEach(() => {
    logged.length = 0;
  });

  it('delivers a sev1 notification as critical, under the app name, staying until dismissed', async () => {
    const before = (await daemon.history()).length;
    await createNodeNotifierAdapter().notify({
      title: 'SEV1 · HighErrorRate',
      body: 'Error rate above 5%\nProduction · service=checkout',
      urgency: 'critical',
    });

    const received = (await daemon.history()).slice(before);
    expect(received).toEqual([
      {
        summary: 'SEV1 · HighErrorRate',
        body: 'Error rate above 5%\nProduction · service=checkout',
        urgency: 'critical',
        appname: 'On-Call Companion',
        timeoutMs: 0,
      },
    ]);
  });

  it('passes low urgency through and leaves the timeout to the daemon', async () => {
    const before = (await daemon.history()).length;
    await createNodeNotifierAdapter().notify({ title: 'SEV4 · Info', body: 'fyi', urgency: 'low' });

    const [received] = (await daemon.history()).slice(before);
    expect(received?.urgency).toBe('low');
    expect(received?.timeoutMs).toBeGreaterThan(0);
  });

  it('shows alert text that looks like markup or shell syntax as written, not interpreted', async () => {
    const before = (await daemon.history()).length;
    const title = 'SEV2 · "quoted" $HOME `id`';
    await createNodeNotifierAdapter().notify({
      title,
      body: 'latency < 200ms & p99 > 1s at C:\\data',
      urgency: 'normal',
    });

    const [received] = (await daemon.history()).slice(before);
    expect(received?.summary).toBe(title);
    // The daemon reads the body as markup; escaped, it renders as the text above.
    expect(received?.body).toBe('latency &lt; 200ms &amp; p99 &gt; 1s at C:\\data');
  });

  it('announces one new alert once, and not again on a later poll', async () => {
    const notifier = createAlertNotifier({
      notifier: createNodeNotifierAdapter(),
      settings: () => settings,
      log: (line) => logged.push(line),
    });
    const before = (await daemon.history()).length;
    const firing = alert('HighErrorRate', 'sev1', {
      service: 'checkout',
      instance: '10.0.0.7:9100',
    });

    await notifier.onAlertsChanged({ added: [firing] });
    const afterFirst = (await daemon.history()).slice(before);
    expect(afterFirst).toEqual([
      {
        summary: 'SEV1 · HighErrorRate',
        body: 'HighErrorRate is firing\nProduction · service=checkout · instance=10.0.0.7:9100',
        urgency: 'critical',
        appname: 'On-Call Companion',
        timeoutMs: 0,
      },
    ]);

    await notifier.onAlertsChanged({
      added: [],
      changed: [{ ...firing, summary: 'still firing' }],
    });
    expect((await daemon.history()).slice(before)).toHaveLength(1);
    expect(notifier.lastError()).toBeUndefined();
    expect(logged).toEqual([]);
  });

  it('announces five alerts arriving together with one summary notification (sev4 silent)', async () => {
    const notifier = createAlertNotifier({
      notifier: createNodeNotifierAdapter(),
      settings: () => settings,
      log: (line) => logged.push(line),
    });
    const before = (await daemon.history()).length;

    await notifier.onAlertsChanged({
      added: [
        alert('DiskFull', 'sev3'),
        alert('HighLatency', 'sev2'),
        alert('Down', 'sev1'),
        alert('CertExpiring', 'sev4'),
        alert('QueueBacklog', 'sev3'),
      ],
    });

    const received = (await daemon.history()).slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ summary: '4 alerts firing', urgency: 'critical' });
    expect(received[0]?.body.split('\n')).toEqual([
      'SEV1 · Down (Production)',
      'SEV2 · HighLatency (Production)',
      'SEV3 · DiskFull (Production)',
      '…and 1 more',
    ]);
  });

  it('reminds once, on the desktop, when a status update is due', async () => {
    // A SEV2 declared at 14:30 owes its first update at 15:00; the clock says 15:05.
    const doc = new Y.Doc();
    createIncident(
      doc,
      { id: 'inc-1', title: 'Checkout errors', severity: 'sev2' },
      { now: '2025-03-04T14:30:00.000Z', actor: 'sam' },
    );
    const incident = readIncident(doc);
    const clock = { now: () => new Date('2025-03-04T15:05:00.000Z') };
    const scheduler = testScheduler(clock);
    const reminders = createStatusUpdateReminders({
      clock,
      scheduler,
      notifier: createNodeNotifierAdapter(),
      enabled: () => true,
      incidents: () => [incident],
      severityScale: () => 'sev1-4',
      log: (_level, line) => logged.push(line),
    });
    const before = (await daemon.history()).length;

    await reminders.check();
    await reminders.check();
    reminders.stop();
    await scheduler.close();

    const received = (await daemon.history()).slice(before);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      summary: 'Status update due: Checkout errors',
      body: '5 min late. Updates for this SEV2 incident go out every 30 min.',
      appname: 'On-Call Companion',
    });
    expect(logged).toEqual([]);
  });
});
