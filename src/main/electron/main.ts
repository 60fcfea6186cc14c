// Entry of the Electron shell (bundled to .vite/build/main.cjs). It only wires: each job lives
// in its own file next to this one, and everything that is not Electron lives in the services.
import { app, powerMonitor, session } from 'electron';
import type { EventPayload } from '../../shared/ipc/contract';
import { createDispatcher } from '../../shared/ipc/dispatch';
import type { AppServices } from '../services/app/create-app-services';
import type { EventSink } from '../services/app/event-sink';
import { systemClock } from '../services/clock/clock';
import { createAppPageMatcher } from '../services/shell/app-page';
import { countFiring, hasActiveIncident, type TrayInput } from '../services/tray/tray-model';
import { appLocation } from './app-location';
import { registerAppScheme, serveAppScheme } from './app-scheme';
import { createShellServices } from './app-services';
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
        tray?.destroy();
        app.quit();
      });
  });

  // The tray shows the most urgent of what fires and what is being worked on.
  let trayInput: TrayInput = { firing: 0, incident: false };
  const emit: EventSink = (channel, payload) => {
    bridge?.send(channel, payload);
    if (channel === 'alerts:changed') {
      const { alerts } = payload as EventPayload<'alerts:changed'>;
      trayInput = { ...trayInput, firing: countFiring(alerts) };
      tray?.update(trayInput);
    } else if (channel === 'incidents:changed') {
      const { incidents } = payload as EventPayload<'incidents:changed'>;
      trayInput = { ...trayInput, incident: hasActiveIncident(incidents) };
      tray?.update(trayInput);
    }
  };

  app
    .whenReady()
    .then(async () => {
      await secureSession(session.defaultSession, location.devServerUrl, security);
      if (location.rendererDir !== undefined) serveAppScheme(location.rendererDir);
      const icons = loadShellIcons(location.iconsDir, log);

      services = createShellServices({
        version: app.getVersion(),
        home,
        clock: systemClock,
        notifier: createElectronNotifier({ icon: icons.app, onClick: showWindow }),
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
      tray = createTray(icons, { open: showWindow, quit: () => app.quit() });
      trayInput = { ...trayInput, firing: services.firingCount() };
      tray.update(trayInput);

      // Escalation deadlines and polls are re-checked on wake: timers do not run during sleep.
      const running = services;
      powerMonitor.on('resume', () => running.resume());
      running.start();

      const trayNow = tray;
      exposeTestHook({
        home,
        tray: () => ({ model: trayNow.model(), destroyed: trayNow.isDestroyed() }),
      });
      log('info', `Started; state in ${home}.`);
    })
    .catch((error: unknown) => {
      log('error', `On-Call Companion could not start: ${describeError(error)}`);
      app.exit(1);
    });
}
