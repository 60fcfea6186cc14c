// Browser mode: the same services as the Electron app, in plain Node, with the UI served to a
// browser over 127.0.0.1. The first line on stdout is the address to open (scripts read it).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../../shared/ipc/dispatch';
import { stderrLog } from '../services/app/app-log';
import { createAppServices } from '../services/app/create-app-services';
import { systemClock } from '../services/clock/clock';
import { openDesktopNotifier } from '../services/notify/open-desktop-notifier';
import type { TrayActions } from '../services/tray/tray-actions';
import { plainFileEncryptor } from '../services/secrets/encryptor';
import { openSecretStore } from '../services/secrets/open-secret-store';
import { resolveHome } from '../services/settings/home-dir';
import { openConfSettingsStore } from '../services/settings/open-conf-settings-store';
import { findAppRoot } from './app-root';
import { parseBrowserArgs, type BrowserArgs } from './cli-args';
import { startBrowserServer } from './server';

const root = findAppRoot(dirname(fileURLToPath(import.meta.url)));

async function main(args: BrowserArgs): Promise<void> {
  const home = resolveHome({ argHome: args.home, env: process.env });
  const version = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  const settingsStore = openConfSettingsStore({
    home,
    clock: systemClock,
    log: (message) => stderrLog('warn', message),
  });

  // Acknowledge and Snooze on a notification go through the same actions as the shell's tray.
  let actions: TrayActions | undefined = undefined;
  const desktop = await openDesktopNotifier({
    onAction: (action) => void actions?.run(action),
    log: stderrLog,
  });

  // The server is created after the services, but the services emit from the first poll on.
  let broadcast: (channel: string, payload: unknown) => void = () => {};
  const services = createAppServices({
    mode: 'browser',
    version,
    home,
    clock: systemClock,
    notifier: desktop.notifier,
    settingsStore,
    // No keychain from plain Node: tokens live in a 0600 file in a 0700 directory of the home.
    secretStore: openSecretStore({
      home,
      clock: systemClock,
      log: stderrLog,
      encryptor: plainFileEncryptor,
    }),
    emit: (channel, payload) => broadcast(channel, payload),
    // The page opens links itself (window.open with noopener); the server has no browser to drive.
    openExternal: async () => false,
    log: stderrLog,
  });

  const token = randomBytes(32).toString('hex');
  const server = await startBrowserServer({
    host: '127.0.0.1',
    port: args.port,
    staticDir: join(root, 'dist/renderer'),
    token,
    dispatch: createDispatcher(services.handlers, (channel, error) =>
      stderrLog(
        'error',
        `${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
    ),
    log: stderrLog,
  });
  broadcast = server.broadcast;
  actions = services.tray.actions({
    // The server cannot bring a browser tab forward, but the page can show the alert.
    open: (alertId) => {
      if (alertId !== undefined) broadcast('alert:reveal', { alertId });
    },
    quit: () => void stop(),
    report: (message) => {
      stderrLog('warn', message);
      void desktop.notifier
        .notify({ title: 'On-Call Companion', body: message, urgency: 'normal' })
        .catch(() => undefined);
    },
  });
  process.stdout.write(`Open ${server.url}?token=${token}\n`);
  stderrLog('info', `State in ${home}. Stop with Ctrl+C.`);
  services.start();

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await services.stop();
    desktop.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

let args: BrowserArgs;
try {
  args = parseBrowserArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(2);
}
main(args).catch((error: unknown) => {
  process.stderr.write(
    `On-Call Companion could not start in browser mode: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
