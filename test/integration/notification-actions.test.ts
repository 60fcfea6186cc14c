import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppServices,
  type AppServices,
} from '../../src/main/services/app/create-app-services';
import { systemClock } from '../../src/main/services/clock/clock';
import { openDbusNotifier, type DbusNotifier } from '../../src/main/services/notify/dbus-notifier';
import type { AlertNotificationAction } from '../../src/main/services/notify/notification-actions';
import { plainFileEncryptor } from '../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../src/main/services/secrets/open-secret-store';
import { openConfSettingsStore } from '../../src/main/services/settings/open-conf-settings-store';
import { settingsFilePath } from '../../src/main/services/settings/settings-file';
import type { TrayActions } from '../../src/main/services/tray/tray-actions';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';
import { startNotificationDaemon, type NotificationDaemon } from '../support/notification-daemon';

// Acknowledge from the notification itself: the app's services as browser mode builds them, the
// D-Bus notifier talking to a real dunst, a real Alertmanager. Choosing "Acknowledge" in dunst's
// context menu (what a user does with the notification's action) silences the alert in
// Alertmanager as this user, and the app then counts it acknowledged.

const WAIT = { timeout: 30_000, interval: 250 };

describe('notification actions against a real dunst and Alertmanager', () => {
  let daemon: NotificationDaemon;
  let alertmanager: RealAlertmanager;
  let home: string;
  let services: AppServices | undefined;
  let notifier: DbusNotifier | undefined;
  const logs: string[] = [];
  const chosen: AlertNotificationAction[] = [];
  const reports: string[] = [];

  beforeAll(async () => {
    [daemon, alertmanager] = await Promise.all([startNotificationDaemon(), startAlertmanager()]);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-notify-actions-'));
    fs.writeFileSync(
      settingsFilePath(home),
      JSON.stringify({
        sources: [
          {
            kind: 'alertmanager',
            id: 'am',
            name: 'Prod',
            url: alertmanager.url,
            intervalSeconds: 2,
          },
        ],
        profile: { name: 'ana' },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await services?.stop();
    notifier?.close();
    await Promise.all([daemon?.stop(), alertmanager?.dispose()]);
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('delivers as notify-send does: urgency, app name, critical until dismissed, body as text', async () => {
    const plain = await openDbusNotifier({
      busAddress: daemon.env.DBUS_SESSION_BUS_ADDRESS,
      onAction: () => undefined,
    });
    try {
      const before = (await daemon.history()).length;
      await plain.notify({
        title: 'SEV1 · "quoted" $HOME',
        body: 'latency < 200ms & p99 > 1s at C:\\data',
        urgency: 'critical',
      });
      await plain.notify({ title: 'SEV4 · Info', body: 'fyi', urgency: 'low' });
      const [critical, low] = (await daemon.history()).slice(before);
      expect(critical).toEqual({
        summary: 'SEV1 · "quoted" $HOME',
        // The daemon reads the body as markup; escaped, it renders as the text sent.
        body: 'latency &lt; 200ms &amp; p99 &gt; 1s at C:\\data',
        urgency: 'critical',
        appname: 'On-Call Companion',
        timeoutMs: 0,
      });
      expect(low).toMatchObject({ urgency: 'low', timeoutMs: expect.any(Number) });
      expect(low?.timeoutMs).toBeGreaterThan(0);
    } finally {
      plain.close();
    }
  });

  it('Acknowledge on the notification silences the alert in Alertmanager as me', async () => {
    let actions: TrayActions | undefined = undefined;
    notifier = await openDbusNotifier({
      busAddress: daemon.env.DBUS_SESSION_BUS_ADDRESS,
      onAction: (action) => {
        chosen.push(action);
        void actions?.run(action);
      },
    });
    const log = (level: string, message: string) => logs.push(`${level}: ${message}`);
    services = createAppServices({
      mode: 'browser',
      version: '9.9.9-test',
      home,
      clock: systemClock,
      notifier,
      settingsStore: openConfSettingsStore({
        home,
        clock: systemClock,
        log: (m) => log('warn', m),
      }),
      secretStore: openSecretStore({
        home,
        clock: systemClock,
        log,
        encryptor: plainFileEncryptor,
      }),
      emit: () => undefined,
      openExternal: async () => false,
      log,
    });
    actions = services.tray.actions({
      open: () => undefined,
      quit: () => undefined,
      report: (message) => reports.push(message),
    });
    services.start();

    await alertmanager.postAlerts([
      {
        labels: { alertname: 'CheckoutDown', severity: 'critical' },
        annotations: { summary: 'Checkout is down' },
      },
    ]);
    const running = services;
    await vi.waitFor(() => expect(running.tray.input().alerts).toHaveLength(1), WAIT);

    // The notification is on screen with its actions; the user picks Acknowledge.
    await vi.waitFor(async () => {
      expect(await daemon.chooseAction('#Acknowledge (SEV1 · CheckoutDown)')).toBe(true);
    }, WAIT);
    await vi.waitFor(() => {
      expect(chosen).toEqual([{ type: 'acknowledge', alertId: expect.stringMatching(/^am:/) }]);
    }, WAIT);

    // At the source of truth: a silence by me on that alert.
    await vi.waitFor(async () => {
      const [alert] = await alertmanager.alerts();
      expect(alert?.status.silencedBy).toHaveLength(1);
      const silences = await alertmanager.silences();
      expect(silences.filter((s) => s.status.state === 'active')).toEqual([
        expect.objectContaining({ createdBy: 'ana' }),
      ]);
    }, WAIT);
    // And the app sees it: nothing unacknowledged any more.
    await vi.waitFor(() => expect(running.tray.input().alerts).toEqual([]), WAIT);
    expect(reports).toEqual([]);
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
  }, 120_000);
});
