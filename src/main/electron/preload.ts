// The sandboxed preload: builds `window.oncall` from the contract's channel lists. Bundled to
// one CommonJS file (a sandboxed preload can require only `electron` and a few polyfills).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { OncallBridgeApi } from '../../shared/ipc/bridge-api';
import { BRIDGE_GLOBAL_NAME } from '../../shared/ipc/bridge-api';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** Names what the page passed as a channel without calling into it (`String()` could throw). */
function describe(channel: unknown): string {
  return typeof channel === 'string'
    ? `"${channel.slice(0, 80)}"`
    : `A channel of type ${typeof channel}`;
}

const api: OncallBridgeApi = {
  async invoke(channel, payload) {
    if (!isInvokeChannel(channel)) {
      return {
        ok: false,
        error: {
          code: 'unknown-channel',
          message: `${describe(channel)} is not a call this app knows.`,
        },
      };
    }
    try {
      // Main's handler always answers an IpcResult: the dispatcher never throws.
      return (await ipcRenderer.invoke(channel, payload)) as IpcResult<never>;
    } catch (error) {
      // Only when the payload cannot be cloned or main has no handler (it is shutting down).
      return {
        ok: false,
        error: {
          code: 'unavailable',
          message: `${channel} could not reach the app: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
    }
  },
  on(channel, listener) {
    if (!isEventChannel(channel))
      throw new Error(`${describe(channel)} is not an event this app sends.`);
    // The IPC event (with `sender`, i.e. ipcRenderer) must never reach the page.
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL_NAME, api);
