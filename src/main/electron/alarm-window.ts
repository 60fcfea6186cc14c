import { BrowserWindow, type NativeImage } from 'electron';
import type { AlarmRinging } from '../../shared/escalation/alarm-ringing';
import type { AppLog } from '../services/app/app-log';
import { decideAlarmWindow } from '../services/shell/alarm-window-model';
import type { SecureWebPreferences } from '../services/shell/web-preferences';
import type { AppLocation } from './app-location';

const MAX_RELOADS = 3;

/** What the alarm window needs. */
export interface AlarmWindowOptions {
  location: AppLocation;
  icon: NativeImage;
  /** True once the user really quits: then the alarm window closes with the rest. */
  isQuitting: () => boolean;
  devTools: boolean;
  log: AppLog;
}

/** The shell's alarm window, following the alarms ringing. */
export interface AlarmWindow {
  /** Follow a change of the alarms ringing (`alarm:changed`): open, raise, keep or close. */
  update(ringing: readonly AlarmRinging[]): void;
  /** The alert the open window shows, if one is open (for the test hook). */
  shownAlertId(): string | undefined;
}

/**
 * The alarm window for an unacknowledged SEV1: a small window on top of everything (full-screen
 * apps and screen savers too, where the platform has levels) and on every workspace, showing the
 * app's page at `#alarm` (the alarm alone, its looping sound, Acknowledge and Snooze). It closes
 * only when nothing rings any more (acknowledged here or at the source, resolved, snoozed) or the
 * app quits: closing it by hand is refused, as the alarm is answered, not dismissed.
 *
 * It takes the focus when it opens (and again when another alarm becomes the worst): at 3 a.m.
 * the person woken must act with Enter (acknowledge) or S (snooze) at once, not find the window
 * with a mouse first. The cost, an Enter typed into another app at that moment acknowledging, is
 * the lesser one: a SEV1 alarm is rare, and the acknowledgement is visible at the source.
 */
export function createAlarmWindow(options: AlarmWindowOptions): AlarmWindow {
  const { location, log } = options;
  // The hash renderer/main.tsx reads (ALARM_ONLY_HASH): the same page, the alarm alone.
  const alarmUrl = `${location.pageUrl.split('#')[0] ?? location.pageUrl}#alarm`;
  let window: BrowserWindow | undefined;
  let shown: string | undefined;

  const create = (title: string): BrowserWindow => {
    const created = new BrowserWindow({
      title,
      width: 520,
      height: 360,
      minWidth: 360,
      minHeight: 260,
      show: false,
      alwaysOnTop: true,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      closable: false,
      ...(options.icon.isEmpty() ? {} : { icon: options.icon }),
      // The main window's preferences, written out here too so Electronegativity reads them.
      webPreferences: {
        // Reviewed in main-window.ts: preload.ts exposes only `window.oncall` via contextBridge.
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
        // The alarm sounds before anyone has pressed a key in it: that is its point.
        autoplayPolicy: 'no-user-gesture-required',
      } satisfies SecureWebPreferences,
    });
    // 'screen-saver' is the highest level (macOS; elsewhere plain always-on-top).
    created.setAlwaysOnTop(true, 'screen-saver');
    created.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    created.on('page-title-updated', (event) => event.preventDefault());
    created.once('ready-to-show', () => {
      created.show();
      created.focus();
    });
    // `closable: false` is macOS and Windows only; on Linux the close is refused here.
    created.on('close', (event) => {
      if (options.isQuitting()) return;
      event.preventDefault();
    });
    created.on('closed', () => {
      if (window !== created) return;
      window = undefined;
      shown = undefined;
    });
    let reloads = 0;
    created.webContents.on('render-process-gone', (_event, details) => {
      const reload =
        details.reason !== 'clean-exit' && reloads < MAX_RELOADS && !created.isDestroyed();
      log(
        'error',
        `The alarm window's page stopped (${details.reason})${reload ? '; reloading it' : ''}.`,
      );
      if (!reload) return;
      reloads += 1;
      created.reload();
    });
    created
      .loadURL(alarmUrl)
      .catch((error: unknown) =>
        log('error', `The alarm window could not load ${alarmUrl}: ${String(error)}`),
      );
    return created;
  };

  const live = (): BrowserWindow | undefined =>
    window && !window.isDestroyed() ? window : undefined;

  return {
    update(ringing) {
      const open = live();
      const decision = decideAlarmWindow(ringing, open ? shown : undefined);
      switch (decision.action) {
        case 'none':
          return;
        case 'close':
          // destroy, not close: the close a person tries is refused above, this one is not theirs.
          open?.destroy();
          window = undefined;
          shown = undefined;
          return;
        case 'open':
          window = create(decision.shows.windowTitle);
          shown = decision.shows.alertId;
          return;
        case 'raise':
          shown = decision.shows.alertId;
          open?.setTitle(decision.shows.windowTitle);
          open?.show();
          open?.focus();
          return;
        case 'keep':
          open?.setTitle(decision.shows.windowTitle);
          return;
      }
    },
    shownAlertId: () => (live() ? shown : undefined),
  };
}
