import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createAppServices,
  type AppServices,
} from '../../src/main/services/app/create-app-services';
import { systemClock } from '../../src/main/services/clock/clock';
import { createNodeNotifierAdapter } from '../../src/main/services/notify/node-notifier-adapter';
import { plainFileEncryptor } from '../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../src/main/services/secrets/open-secret-store';
import { openConfSettingsStore } from '../../src/main/services/settings/open-conf-settings-store';
import { settingsFilePath } from '../../src/main/services/settings/settings-file';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';
import { startNotificationDaemon, type NotificationDaemon } from '../support/notification-daemon';

// My alarm end to end: a real Alertmanager, the app's services as browser mode builds them
// (real settings file, real clock, node-notifier) and dunst as the desktop. A sev1 repeats at
// the configured interval (10 s here, the shortest allowed, for a short test); a restart in
// between neither announces it again nor loses the next repeat; a teammate's silence made
// through Alertmanager's API stops it.

const REPEAT_SECONDS = 10;
const WAIT = { timeout: 30_000, interval: 250 };

describe('my alarm against a real Alertmanager and dunst', () => {
  let daemon: NotificationDaemon;
  let alertmanager: RealAlertmanager;
  let home: string;
  let services: AppServices | undefined;
  const logs: string[] = [];
  const saved = {
    DISPLAY: process.env.DISPLAY,
    DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
  };

  beforeAll(async () => {
    [daemon, alertmanager] = await Promise.all([startNotificationDaemon(), startAlertmanager()]);
    Object.assign(process.env, daemon.env);
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-alarm-'));
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
        alarm: { sev1: { mode: 'repeat', repeatSeconds: REPEAT_SECONDS } },
        profile: { name: 'me' },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await services?.stop();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await Promise.all([daemon?.stop(), alertmanager?.dispose()]);
    fs.rmSync(home, { recursive: true, force: true });
  });

  /** The app as browser mode builds it, on the test's home; again after stop() is a restart. */
  function startApp(): AppServices {
    const log = (level: string, message: string) => logs.push(`${level}: ${message}`);
    const app = createAppServices({
      mode: 'browser',
      version: '9.9.9-test',
      home,
      clock: systemClock,
      notifier: createNodeNotifierAdapter(),
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
    app.start();
    return app;
  }

  const shown = async (prefix: string) =>
    (await daemon.history()).filter((n) => n.summary.startsWith(prefix));

  it('repeats a sev1 until a teammate silences it, across a restart, never announcing it twice', async () => {
    services = startApp();
    await alertmanager.postAlerts([
      {
        labels: { alertname: 'CheckoutDown', severity: 'critical' },
        annotations: { summary: 'Checkout is down' },
      },
    ]);

    await vi.waitFor(async () => {
      expect(await shown('SEV1 · CheckoutDown')).toMatchObject([{ urgency: 'critical' }]);
    }, WAIT);
    await vi.waitFor(async () => {
      const repeats = await shown('Still firing: SEV1 · CheckoutDown');
      expect(repeats.map((n) => n.body)).toEqual([
        expect.stringContaining('Repeat 1: acknowledge'),
      ]);
    }, WAIT);

    // Restart: the first poll reports the alert as new; it is not announced again, and the
    // next repeat still comes.
    await services.stop();
    services = startApp();
    await vi.waitFor(async () => {
      expect((await shown('Still firing: SEV1 · CheckoutDown')).map((n) => n.body)).toEqual([
        expect.stringContaining('Repeat 1:'),
        expect.stringContaining('Repeat 2'),
      ]);
    }, WAIT);
    expect(await shown('SEV1 · CheckoutDown')).toHaveLength(1);

    // A teammate silences it in Alertmanager: the next poll shows it suppressed, the alarm stops.
    const now = Date.now();
    await alertmanager.postSilence({
      matchers: [{ name: 'alertname', value: 'CheckoutDown', isRegex: false }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      createdBy: 'teammate',
      comment: 'looking into it',
    });
    await vi.waitFor(async () => {
      const [alert] = await alertmanager.alerts();
      expect(alert?.status.silencedBy).toHaveLength(1);
    }, WAIT);
    // Two polls (2 s each) for the app to see it, then longer than a repeat: nothing more.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const before = (await shown('Still firing')).length;
    await new Promise((resolve) => setTimeout(resolve, (REPEAT_SECONDS + 3) * 1000));
    expect(await shown('Still firing')).toHaveLength(before);
    expect(logs.filter((line) => line.startsWith('error'))).toEqual([]);
  }, 120_000);
});
