import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from './contract';
import type { IpcResult } from './result';

/**
 * The API the Electron preload puts on `window.oncall` (through `contextBridge`). Only
 * `src/renderer/bridge` uses it; browser mode offers the same calls over its WebSocket.
 * It never exposes Electron objects: listeners get the payload only, never the IPC event.
 */
export interface OncallBridgeApi {
  /**
   * Run an invoke call in main. Never rejects: an unknown channel, a request of the wrong shape,
   * a refused sender or a failing handler all come back as `{ ok: false, error }`.
   * @param channel - a channel of `invokeContract`
   * @param payload - the request object (validated in main)
   */
  invoke<C extends InvokeChannel>(
    channel: C,
    payload: InvokeRequest<C>,
  ): Promise<IpcResult<InvokeResponse<C>>>;
  /**
   * Listen to a push event from main.
   * @param channel - a channel of `eventContract`; any other name throws
   * @param listener - called with each payload
   * @returns stops listening
   */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
}

/** Name of the global the preload defines: `window.oncall`. */
export const BRIDGE_GLOBAL_NAME = 'oncall';
