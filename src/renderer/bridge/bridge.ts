// The only code in the renderer that touches the transport: `window.oncall` from the Electron
// preload, or browser mode's WebSocket. Everything else gets a Bridge and cannot tell which.
import type { OncallBridgeApi } from '../../shared/ipc/bridge-api';
import type {
  EventChannel,
  EventPayload,
  InvokeChannel,
  InvokeRequest,
  InvokeResponse,
} from '../../shared/ipc/contract';
import { safeExternalUrl } from '../../shared/ipc/link-guard';
import { BridgeError } from './bridge-error';
import { takeBrowserToken, webSocketUrl } from './browser-token';
import { CONNECTED, type ConnectionState } from './connection-state';
import { createWebSocketTransport } from './websocket-transport';

declare global {
  interface Window {
    /** Defined by the Electron preload; absent in browser mode. */
    oncall?: OncallBridgeApi;
  }
}

/** The app as the UI sees it. */
export interface Bridge {
  /** Which transport is underneath (for wording only; behaviour is the same). */
  readonly mode: 'electron' | 'browser';
  /**
   * Run an invoke call.
   * @throws BridgeError when the app answers `{ ok: false }` (including "not connected")
   */
  invoke<C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<InvokeResponse<C>>;
  /**
   * Listen to a push event.
   * @returns stops listening
   */
  on<C extends EventChannel>(channel: C, listener: (payload: EventPayload<C>) => void): () => void;
  /**
   * Open an untrusted link outside the app: only http(s), anything else is refused.
   * @returns false when refused
   */
  openLink(url: string): Promise<boolean>;
  /** The connection right now. */
  connection(): ConnectionState;
  /**
   * Follow the connection.
   * @returns stops following
   */
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** Try to reconnect now instead of waiting for the next attempt. */
  reconnectNow(): void;
}

/** The pieces a Bridge is built from; {@link createBridge} finds them in the page. */
export interface BridgeParts {
  mode: 'electron' | 'browser';
  api: OncallBridgeApi;
  connection?: () => ConnectionState;
  onConnection?: (listener: (state: ConnectionState) => void) => () => void;
  reconnectNow?: () => void;
  /** Opens an already-checked http(s) URL in browser mode. */
  openWindow?: (url: string) => void;
}

/**
 * Wrap a transport into the typed Bridge the UI uses.
 * @param parts - the transport and, in browser mode, its connection
 */
export function bridgeFrom(parts: BridgeParts): Bridge {
  const { api, mode } = parts;
  const invoke = async <C extends InvokeChannel>(
    channel: C,
    request: InvokeRequest<C>,
  ): Promise<InvokeResponse<C>> => {
    const result = await api.invoke(channel, request);
    if (!result.ok) throw new BridgeError(channel, result.error);
    return result.value;
  };
  return {
    mode,
    invoke,
    on: (channel, listener) => api.on(channel, listener),
    async openLink(url) {
      const safe = safeExternalUrl(url);
      if (safe === undefined) return false;
      if (mode === 'electron' || !parts.openWindow) {
        return (await invoke('link:open', { url: safe })).opened;
      }
      parts.openWindow(safe);
      return true;
    },
    connection: parts.connection ?? (() => CONNECTED),
    onConnection: parts.onConnection ?? (() => () => {}),
    reconnectNow: parts.reconnectNow ?? (() => {}),
  };
}

/** An API that answers every call with "not connected" (browser mode without a token). */
function unreachableApi(message: string): OncallBridgeApi {
  return {
    invoke: async () => ({ ok: false, error: { code: 'unauthorized', message } }),
    on: () => () => {},
  };
}

/**
 * The bridge of this page: the preload's `window.oncall` in Electron, else a WebSocket to
 * browser mode on the page's own host, authenticated with the token from `?token=` (kept in
 * sessionStorage, removed from the address bar).
 */
export function createBridge(): Bridge {
  const preload = window.oncall;
  if (preload) return bridgeFrom({ mode: 'electron', api: preload });

  let storage: Storage | undefined;
  try {
    storage = window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const token = takeBrowserToken({ location: window.location, history: window.history, storage });
  const openWindow = (url: string): void => {
    window.open(url, '_blank', 'noopener,noreferrer');
  };
  if (token === undefined) {
    const state: ConnectionState = { status: 'no-token' };
    return bridgeFrom({
      mode: 'browser',
      api: unreachableApi(
        'This page was opened without its token; open the address the app printed.',
      ),
      connection: () => state,
      openWindow,
    });
  }

  const transport = createWebSocketTransport({
    url: webSocketUrl(window.location),
    token,
    openSocket: (url, protocols, handlers) => {
      const socket = new WebSocket(url, protocols);
      socket.onopen = () => handlers.open();
      socket.onmessage = (event) => handlers.message(event.data);
      // An error is always followed by close; reconnecting is decided there.
      socket.onclose = (event) => handlers.close(event.code);
      return socket;
    },
    // Any HTTP answer means the app is up (so it refused the WebSocket); a network error, down.
    probeServer: async () => {
      await fetch(new URL('./', window.location.href), { method: 'HEAD', cache: 'no-store' });
      return true;
    },
    warn: (message) => console.warn(message),
  });
  // After sleep or a network change, do not make the user wait for the backoff.
  const retrySoon = (): void => {
    if (document.visibilityState === 'visible') transport.reconnectNow();
  };
  window.addEventListener('focus', retrySoon);
  window.addEventListener('online', retrySoon);
  document.addEventListener('visibilitychange', retrySoon);

  return bridgeFrom({
    mode: 'browser',
    api: transport,
    connection: transport.state,
    onConnection: transport.onState,
    reconnectNow: transport.reconnectNow,
    openWindow,
  });
}
