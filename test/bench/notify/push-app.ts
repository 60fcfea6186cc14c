// The app's services wired as browser mode wires them (src/main/browser/cli.ts), in this
// process, on a temporary home: settings.json read by conf, the 0600 file secret store,
// node-notifier for notifications, one Alertmanager source that takes pushes.
import { readFileSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createAppServices,
  type AppServices,
} from '../../../src/main/services/app/create-app-services';
import { systemClock } from '../../../src/main/services/clock/clock';
import { createNodeNotifierAdapter } from '../../../src/main/services/notify/node-notifier-adapter';
import { plainFileEncryptor } from '../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../src/main/services/secrets/open-secret-store';
import { openConfSettingsStore } from '../../../src/main/services/settings/open-conf-settings-store';
import {
  serializeSettings,
  settingsFilePath,
} from '../../../src/main/services/settings/settings-file';
import { defaultSettings } from '../../../src/shared/domain/settings';
import { alertmanagerSourceSchema } from '../../../src/shared/domain/source';
import { freePort } from '../../support/free-port';

/** A running app that an Alertmanager can push to. */
export interface PushApp {
  /**
   * POST Alertmanager's webhook notification of one new critical alert named `alertname`.
   * @returns the receiver's HTTP status
   */
  push(alertname: string): Promise<number>;
  /** What the app logged, for an error message. */
  log(): string;
  stop(): Promise<void>;
}

const SOURCE_ID = 'bench';
const READY_LIMIT_MS = 20_000;

/**
 * Start the services on `home` (an empty directory the caller removes) and wait until the
 * webhook receiver listens. Notifications go wherever `process.env` points notify-send.
 * @param home - the app's home directory
 */
export async function startPushApp(home: string): Promise<PushApp> {
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step();
  };
  try {
    const lines: string[] = [];
    const log = (level: string, message: string) => lines.push(`${level}: ${message}`);

    // The polled Alertmanager: it answers the first poll; the next is an hour away.
    const alertmanager = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
    });
    await new Promise<void>((resolve) => alertmanager.listen(0, '127.0.0.1', resolve));
    stops.push(() => close(alertmanager));

    const source = alertmanagerSourceSchema.parse({
      kind: 'alertmanager',
      id: SOURCE_ID,
      name: 'Bench',
      url: `http://127.0.0.1:${(alertmanager.address() as AddressInfo).port}`,
      intervalSeconds: 3600,
      push: true,
    });
    const webhookPort = await freePort();
    writeFileSync(
      settingsFilePath(home),
      serializeSettings({
        ...defaultSettings(),
        sources: [source],
        webhook: { port: webhookPort },
      }),
      { mode: 0o600 },
    );
    const services: AppServices = createAppServices({
      mode: 'browser',
      version: 'bench',
      home,
      clock: systemClock,
      notifier: createNodeNotifierAdapter(),
      settingsStore: openConfSettingsStore({
        home,
        clock: systemClock,
        log: (message) => log('warn', message),
      }),
      secretStore: openSecretStore({
        home,
        clock: systemClock,
        log,
        encryptor: plainFileEncryptor,
      }),
      emit: () => {},
      openExternal: async () => false,
      log,
    });
    services.start();
    stops.push(() => services.stop());

    // The token as Settings makes it ("New token" on the source's card): kept in the store.
    const webhook = async (newToken: boolean) =>
      services.handlers['source:webhook']({ sourceId: SOURCE_ID, newToken });
    const { token } = await webhook(true);
    if (!token) throw new Error('the app made no webhook token');
    const deadline = Date.now() + READY_LIMIT_MS;
    while ((await webhook(false)).receiver.state !== 'listening') {
      if (Date.now() > deadline) {
        throw new Error(`the webhook receiver did not listen: ${lines.join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }

    // One kept-alive connection, as Alertmanager keeps its connection to a receiver.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    stops.push(async () => agent.destroy());
    // Alertmanager 0.25's own notification (test/fixtures), renamed and refingerprinted.
    const fixture = readFileSync(
      new URL('../../fixtures/alertmanager/webhook-firing-0.25.json', import.meta.url),
      'utf8',
    );
    let pushes = 0;
    const payload = (alertname: string) => {
      pushes += 1;
      return fixture
        .replace(
          /"fingerprint": "[0-9a-f]+"/,
          `"fingerprint": "${pushes.toString(16).padStart(16, '0')}"`,
        )
        .replaceAll('"DiskAlmostFull"', JSON.stringify(alertname));
    };

    return {
      push: (alertname) =>
        new Promise<number>((resolve, reject) => {
          const body = payload(alertname);
          const req = request(
            {
              host: '127.0.0.1',
              port: webhookPort,
              method: 'POST',
              path: `/alertmanager/${SOURCE_ID}`,
              agent,
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          req.end(body);
        }),
      log: () => lines.join('\n'),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
