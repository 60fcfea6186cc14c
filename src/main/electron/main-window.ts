import { BrowserWindow, type NativeImage } from 'electron';
import { PRODUCT_NAME } from '../services/settings/home-dir';
import type { SecureWebPreferences } from '../services/shell/web-preferences';
import type { AppLog } from '../services/app/app-log';
import type { AppLocation } from './app-location';

const MAX_RELOADS = 3;

/** What the main window needs. */
export interface MainWindowOptions {
  location: AppLocation;
  icon: NativeImage;
  /** True once the user really quits (tray Quit, Cmd+Q, OS shutdown): then close means close. */
  isQuitting: () => boolean;
  devTools: boolean;
  log: AppLog;
}

/** The one app window: created on demand, hidden (not closed) when the user closes it. */
export interface MainWindow {
  /** Show and focus it, creating it again if it was destroyed; restores a minimised window. */
  show(): void;
  /** The window, if it exists. */
  current(): BrowserWindow | undefined;
}

/** Creates the main window now and returns its controller. */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const { location, log } = options;
  let window: BrowserWindow | undefined;

  const create = (): BrowserWindow => {
    const created = new BrowserWindow({
      title: PRODUCT_NAME,
      width: 1100,
      height: 760,
      minWidth: 520,
      minHeight: 420,
      show: false,
      ...(options.icon.isEmpty() ? {} : { icon: options.icon }),
      // Spelled out here, at the call, so Electronegativity reads it (test/unit/lint/); the
      // type pins every security value.
      webPreferences: {
        // Electronegativity asks for a review of every preload; reviewed: preload.ts exposes
        // only `window.oncall` (contract channels, invoke and on) through contextBridge.
        preload: location.preload, // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        disableBlinkFeatures: 'Auxclick',
        devTools: options.devTools,
      } satisfies SecureWebPreferences,
    });
    // The shell owns the title, so the tray, the task switcher and the smoke test agree.
    created.on('page-title-updated', (event) => event.preventDefault());
    created.once('ready-to-show', () => created.show());
    // Closing hides to the tray: alerts keep being watched. Quit is in the tray menu.
    created.on('close', (event) => {
      if (options.isQuitting()) return;
      event.preventDefault();
      created.hide();
    });
    created.on('closed', () => {
      if (window === created) window = undefined;
    });
    // A crashed page is reloaded, a few times only, so a page that crashes at once cannot loop.
    let reloads = 0;
    created.webContents.on('render-process-gone', (_event, details) => {
      const reload =
        details.reason !== 'clean-exit' && reloads < MAX_RELOADS && !created.isDestroyed();
      log(
        'error',
        `The window's page stopped (${details.reason})${reload ? '; reloading it' : ''}.`,
      );
      if (!reload) return;
      reloads += 1;
      created.reload();
    });
    created
      .loadURL(location.pageUrl)
      .catch((error: unknown) =>
        log('error', `The window could not load ${location.pageUrl}: ${String(error)}`),
      );
    return created;
  };

  window = create();
  return {
    show() {
      if (window === undefined || window.isDestroyed()) window = create();
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    },
    current: () => (window && !window.isDestroyed() ? window : undefined),
  };
}
