// The only main-process file that touches ipcMain (eslint enforces it): one handler per contract
// channel, each checking the sender frame before the shared dispatcher sees the request.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { EventSink } from '../services/app/event-sink';
import { INVOKE_CHANNELS } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { AppLog } from '../services/app/app-log';
import { describeError } from './log';

/** What the bridge needs. */
export interface IpcBridgeOptions {
  /** The shared dispatcher (`createDispatcher(handlers)`); it validates and never throws. */
  dispatch: (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>;
  /** Whether a URL is the app's own page (dev server origin, or the built index.html). */
  isAppPage: (url: string) => boolean;
  log: AppLog;
}

/** The installed bridge. */
export interface IpcBridge {
  /** Forwards a contract event to every window showing the app's page. */
  send: EventSink;
  /** Removes every handler (on quit). */
  dispose(): void;
}

/**
 * Register `ipcMain.handle` for every channel of `INVOKE_CHANNELS`. A call from any frame that is
 * not the top frame of the app's own page gets `unauthorized` and never reaches a handler.
 */
export function installIpcBridge(options: IpcBridgeOptions): IpcBridge {
  const { dispatch, isAppPage, log } = options;

  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    // null: the frame navigated away or was destroyed while the call was in flight.
    if (frame === null || frame.parent !== null) return false;
    return isAppPage(frame.url);
  };

  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, async (event, request: unknown): Promise<IpcResult<unknown>> => {
      if (!trusted(event)) {
        log(
          'warn',
          `Refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}: not the app's page.`,
        );
        return {
          ok: false,
          error: {
            code: 'unauthorized',
            message: `${channel} is only answered for the app's own page.`,
          },
        };
      }
      return dispatch(channel, request);
    });
  }

  const send: EventSink = (channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (contents.isDestroyed() || !isAppPage(contents.getURL())) continue;
      try {
        contents.send(channel, payload);
      } catch (error) {
        log('error', `Could not forward ${channel} to the window: ${describeError(error)}`);
      }
    }
  };

  return {
    send,
    dispose() {
      for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
    },
  };
}
