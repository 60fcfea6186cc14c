// Entry of the Electron shell (bundled to .vite/build/main.cjs). It only wires: each job lives
// in its own file next to this one, and everything that is not Electron lives in the services.
import path from 'node:path';
import { app, globalShortcut, powerMonitor, session } from 'electron';
import type { EventPayload } from '../../shared/ipc/contract';
import { createDispatcher } from '../../shared/ipc/dispatch';
import type { AppServices } from '../services/app/create-app-services';
import type { EventSink } from '../services/app/event-sink';
import { systemClock } from '../services/clock/clock';
import { createAppPageMatcher } from '../services/shell/app-page';
import {
  createShortcutRegistry,
  type ShortcutRegistry,
} from '../services/shortcuts/shortcut-registry';
import type { TrayActions } from '../services/tray/tray-actions';
import { createAlarmWindow, type AlarmWindow } from './alarm-window';
import { appLocation } from './app-location';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { createShellServices } from './app-services';
import { openDbusNotifier } from '../services/notify/dbus-notifier';
import type { NotificationActionHandler } from '../services/notify/notification-actions';
import { createElectronNotifier } from './electron-notifier';
import { openExternalGuarded } from './external-links';
import { setUpHome } from './home';
import { loadShellIcons } from './icons';
import { installIpcBridge, type IpcBridge } from './ipc-bridge';
import { describeError, shellLog as log } from './log';
import { createMainWindow, type MainWindow } from './main-window';
import { hardenWebContents, secureSession, type SecurityOptions } from './security';
import { registerIncidentLinks } from './incident-links';
import { handleSquirrelEvent } from './squirrel-startup';
import { exposeTestHook } from './test-hook';
import { createTray, type TrayController } from './tray';

// How long services get to stop (flush files, close watchers) before the app exits anyway.
const STOP_TIMEOUT_MS = 5_000;

if (!handleSquirrelEvent()) start();

function start(): void {
  const home = setUpHome();
  // The lock lives in userData (= home): a second launch on the same home only focuses us.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();

  const location = appLocation();
  const isAppPage = createAppPageMatcher(location.pageUrl);
  const openExternal = (url: string): Promise<boolean> => openExternalGuarded(url, log);
  const security: SecurityOptions = { isAppPage, openExternal, log };
  // Every WebContents, including ones nobody here created, gets the same guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, security));

  let quitting = false;
  let mainWindow: MainWindow | undefined;
  let tray: TrayController | undefined;
  let bridge: IpcBridge | undefined;
  let services: AppServices | undefined;
  let shortcuts: ShortcutRegistry | undefined;
  let alarmWindow: AlarmWindow | undefined;
  let closeNotifier = (): void => undefined;

  const showWindow = (): void => mainWindow?.show();
  app.on('second-instance', showWindow);
  // A link opened before the page could listen waits for it to load.
  let pendingLink: string | undefined;
  const deliverLink = (link: string): void => {
    showWindow();
    const contents = mainWindow?.current()?.webContents;
    if (bridge && contents && !contents.isLoading()) {
      bridge.send('link:incident', { link });
      return;
    }
    pendingLink = link;
    contents?.once('did-finish-load', () => {
      if (pendingLink === undefined) return;
      bridge?.send('link:incident', { link: pendingLink });
      pendingLink = undefined;
    });
  };
  pendingLink = registerIncidentLinks({ deliver: deliverLink, log });
  app.on('activate', showWindow); // macOS: clicking the dock icon brings the hidden window back
  app.on('before-quit', () => {
    quitting = true;
  });
  // Closing the window only hides it, so this fires on quit alone; without a listener Electron
  // would quit by itself, which is what we want anyway, but never before services stop.
  app.on('window-all-closed', () => {});

  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped || services === undefined) return;
    event.preventDefault();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS));
    void Promise.race([services.stop(), timeout])
      .catch((error: unknown) =>
        log('error', `Services did not stop cleanly: ${describeError(error)}`),
      )
      .finally(() => {
        stopped = true;
        bridge?.dispose();
        shortcuts?.dispose();
        closeNotifier();
        tray?.destroy();
        app.quit();
      });
  });

  const emit: EventSink = (channel, payload) => {
    bridge?.send(channel, payload);
    // Global shortcuts follow the settings as they are saved.
    if (channel === 'settings:changed') {
      shortcuts?.apply((payload as EventPayload<'settings:changed'>).settings.shortcuts);
    }
    // An unacknowledged SEV1 opens the alarm window; it closes when nothing rings any more.
    if (channel === 'alarm:changed') {
      alarmWindow?.update((payload as EventPayload<'alarm:changed'>).ringing);
    }
  };

  app
    .whenReady()
    .then(async () => {
      await secureSession(session.defaultSession, location.devServerUrl, security);
      if (location.rendererDir !== undefined) serveAppScheme(location.rendererDir);
      const icons = loadShellIcons(location.iconsDir, log);

      // Acknowledge and Snooze on a notification go through the tray's actions, made below.
      let actions: TrayActions | undefined = undefined;
      const onAction: NotificationActionHandler = (action) => void actions?.run(action);
      const electronNotifier = createElectronNotifier({
        icon: icons.app,
        onClick: showWindow,
        onAction,
      });
      // Electron shows no notification buttons on Linux (docs: structures/notification-action),
      // so there the app talks to the notification daemon over D-Bus itself when it can.
      const dbusNotifier =
        process.platform === 'linux'
          ? await openDbusNotifier({
              onAction,
              icon: path.join(location.iconsDir, 'app', 'icon.png'),
            }).catch((error: unknown) => {
              log(
                'warn',
                `Notifications: without Acknowledge and Snooze buttons (${describeError(error)}).`,
              );
              return undefined;
            })
          : undefined;
      const notifier = dbusNotifier ?? electronNotifier;
      if (dbusNotifier) closeNotifier = () => dbusNotifier.close();
      // A tray action or a shortcut has no page to show its failure in: it becomes a notification.
      const report = (message: string): void => {
        log('warn', message);
        void notifier
          .notify({ title: 'On-Call Companion', body: message, urgency: 'normal' })
          .catch(() => undefined);
      };
      // Made before the services, which tell it of alarms from their start on.
      alarmWindow = createAlarmWindow({
        location,
        icon: icons.app,
        isQuitting: () => quitting,
        devTools: !app.isPackaged,
        log,
      });
      const alarms = alarmWindow;
      services = createShellServices({
        version: app.getVersion(),
        home,
        clock: systemClock,
        notifier,
        emit,
        openExternal,
        log,
      });
      bridge = installIpcBridge({
        dispatch: createDispatcher(services.handlers, (channel, error) =>
          log('error', `${channel} failed: ${describeError(error)}`),
        ),
        isAppPage,
        log,
      });
      mainWindow = createMainWindow({
        location,
        icon: icons.app,
        isQuitting: () => quitting,
        devTools: !app.isPackaged,
        log,
      });
      if (pendingLink !== undefined) deliverLink(pendingLink);
      const running = services;
      actions = running.tray.actions({
        open: (alertId) => {
          showWindow();
          if (alertId !== undefined) bridge?.send('alert:reveal', { alertId });
        },
        quit: () => app.quit(),
        report,
      });
      const trayNow = createTray(
        { icons, run: (action) => void actions?.run(action), open: showWindow },
        running.tray.input(),
      );
      tray = trayNow;
      trayNow.update(running.tray.input());
      // Do-not-disturb for a while ends without any write: the tray looks again when it does.
      let dndEnds: NodeJS.Timeout | undefined;
      const refreshTray = (): void => {
        const input = running.tray.input();
        trayNow.update(input);
        clearTimeout(dndEnds);
        const until = input.doNotDisturb?.until;
        if (until !== undefined) {
          const wait = Math.min(Math.max(Date.parse(until) - Date.now(), 0) + 1_000, 2 ** 31 - 1);
          dndEnds = setTimeout(refreshTray, wait);
        }
      };
      running.tray.onChange(refreshTray);
      refreshTray();

      shortcuts = createShortcutRegistry({
        keys: globalShortcut,
        actions: {
          openWindow: showWindow,
          acknowledge: () => void actions?.acknowledgeMostUrgent(),
        },
        report,
      });

      // Escalation deadlines and polls are re-checked on wake: timers do not run during sleep.
      powerMonitor.on('resume', () => running.resume());
      // Settings are read by start(); its settings:changed applies the shortcuts from then on.
      running.start();
      const shortcutsNow = shortcuts;
      shortcutsNow.apply(running.settings().shortcuts);

      exposeTestHook({
        home,
        tray: () => ({ model: trayNow.model(), destroyed: trayNow.isDestroyed() }),
        shortcuts: () => shortcutsNow.statuses(),
        alarmWindow: () => alarms.shownAlertId(),
      });
      log('info', `Started; state in ${home}.`);
    })
    .catch((error: unknown) => {
      log('error', `On-Call Companion could not start: ${describeError(error)}`);
      app.exit(1);
    });
}
