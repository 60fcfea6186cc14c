import type { OncallBridgeApi } from '../../shared/ipc/bridge-api';
import { isEventChannel, isInvokeChannel } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';
import { serverMessageSchema, type ClientMessage } from '../../shared/ipc/wire';
import { CONNECTED, type ConnectionState } from './connection-state';
import { REFUSED_RECONNECT_DELAY_MS, reconnectDelayMs } from './reconnect-delay';

/** The WebSocket subprotocol browser mode speaks; the token rides along as `token.<hex>`. */
export const WIRE_SUBPROTOCOL = 'oncall.v1';

/** A call browser mode has not answered after this long fails as `unavailable`. */
export const INVOKE_TIMEOUT_MS = 30_000;

const OPEN = 1;
/** The close code browser mode sends when the app stops. */
const GOING_AWAY = 1001;
/** How long after "the app is stopping" a failed handshake is not probed (see `connect`). */
const STOPPING_GRACE_MS = 5000;

/** An open (or opening) socket, as far as the transport uses it. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** What the transport wants to hear from a socket. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  /**
   * After an error, after the server closed, or after a refused handshake.
   * @param code - the close code, when the socket had one (1001: the app is stopping)
   */
  close(code?: number): void;
}

/** What the WebSocket transport needs from its surroundings. */
export interface WebSocketTransportOptions {
  /** `ws://127.0.0.1:PORT/ws` — no token in it. */
  url: string;
  token: string;
  /** Opens a socket and wires its events; `new WebSocket(url, protocols)` in the page. */
  openSocket: (url: string, protocols: string[], handlers: SocketHandlers) => SocketLike;
  /**
   * Resolves true when the server answers plain HTTP. Asked after a handshake failed, to tell
   * "the app is not running" from "the app refused this page" (a browser WebSocket never sees
   * the HTTP status of a refused handshake).
   */
  probeServer?: () => Promise<boolean>;
  /** Logs refusals the server sent; console.warn in the page. */
  warn?: (message: string) => void;
  now?: () => number;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/** The bridge API over browser mode's WebSocket, plus the connection it depends on. */
export interface WebSocketTransport extends OncallBridgeApi {
  /** The connection right now. */
  state(): ConnectionState;
  /**
   * Follow the connection.
   * @returns stops following
   */
  onState(listener: (state: ConnectionState) => void): () => void;
  /** Skip the wait and try to connect now (no-op while connected or connecting). */
  reconnectNow(): void;
  /** Close for good (page unload, tests). */
  close(): void;
}

interface Pending {
  resolve: (result: IpcResult<never>) => void;
  timer: unknown;
}

/**
 * Connect to browser mode and keep connecting: after the server goes away it retries with
 * backoff until it is back. A call made while disconnected fails at once as `unavailable`
 * (the UI shows the disconnected banner and reloads everything when the connection returns),
 * and calls in flight when the connection drops fail the same way, never hang.
 * @param options - the address, token and the socket factory
 */
export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as number));
  const warn = options.warn ?? (() => {});

  let state: ConnectionState = { status: 'connecting', attempt: 0 };
  let socket: SocketLike | undefined;
  let retryTimer: unknown;
  // The app said it was stopping (close 1001): for a few seconds after, while its HTTP server
  // finishes closing, a failed handshake means it is going, not that it refused this page. Later
  // failures are probed again, so a restarted app with a new token is still told apart.
  let appStoppingUntil = 0;
  let closedForGood = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const eventListeners = new Map<string, Set<(payload: never) => void>>();

  const setState = (next: ConnectionState): void => {
    state = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const failPending = (error: IpcError): void => {
    for (const [id, call] of pending) {
      clearTimer(call.timer);
      pending.delete(id);
      call.resolve({ ok: false, error });
    }
  };

  const onMessage = (data: unknown): void => {
    let parsed: ReturnType<typeof serverMessageSchema.safeParse>;
    try {
      parsed = serverMessageSchema.safeParse(
        JSON.parse(typeof data === 'string' ? data : String(data)),
      );
    } catch {
      warn('Browser mode sent a message that is not JSON; ignored.');
      return;
    }
    if (!parsed.success) {
      warn('Browser mode sent a message of an unknown shape; ignored.');
      return;
    }
    const message = parsed.data;
    if (message.type === 'result') {
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      clearTimer(call.timer);
      call.resolve(message.result as IpcResult<never>);
    } else if (message.type === 'event') {
      const listeners = eventListeners.get(message.channel);
      if (!listeners) return;
      for (const listener of [...listeners]) listener(message.payload as never);
    } else {
      warn(`Browser mode refused a message: ${message.reason}`);
    }
  };

  const scheduleRetry = (attempt: number, refused: boolean): void => {
    const delay = refused
      ? Math.max(REFUSED_RECONNECT_DELAY_MS, reconnectDelayMs(attempt, random()))
      : reconnectDelayMs(attempt, random());
    setState({ status: 'disconnected', attempt, retryAt: now() + delay, refused });
    retryTimer = setTimer(() => {
      retryTimer = undefined;
      connect(attempt);
    }, delay);
  };

  const connect = (failedSoFar: number): void => {
    if (closedForGood) return;
    setState({ status: 'connecting', attempt: failedSoFar });
    let opened = false;
    let current: SocketLike | undefined;
    const handlers: SocketHandlers = {
      open: () => {
        if (current === undefined || socket !== current) return;
        opened = true;
        appStoppingUntil = 0;
        setState(CONNECTED);
      },
      message: (data) => {
        if (current !== undefined && socket === current) onMessage(data);
      },
      close: (code) => {
        if (current === undefined || socket !== current) return;
        socket = undefined;
        if (opened && code === GOING_AWAY) appStoppingUntil = now() + STOPPING_GRACE_MS;
        failPending({
          code: 'unavailable',
          message:
            'The connection to the app was lost before it answered; try again when it is back.',
        });
        if (closedForGood) return;
        const attempt = opened ? 1 : failedSoFar + 1;
        // While the app is stopping it still answers HTTP for a moment: that is no refusal.
        if (opened || now() < appStoppingUntil || !options.probeServer) {
          scheduleRetry(attempt, false);
          return;
        }
        // The handshake failed: is the server down, or up and refusing us?
        setState({ status: 'disconnected', attempt, retryAt: now(), refused: false });
        const retry = (refused: boolean): void => {
          if (!closedForGood && socket === undefined && retryTimer === undefined)
            scheduleRetry(attempt, refused);
        };
        options.probeServer().then(retry, () => retry(false));
      },
    };
    try {
      current = options.openSocket(
        options.url,
        [WIRE_SUBPROTOCOL, `token.${options.token}`],
        handlers,
      );
    } catch (error) {
      warn(`Could not open the WebSocket: ${String(error)}`);
      scheduleRetry(failedSoFar + 1, false);
      return;
    }
    socket = current;
  };

  connect(0);

  return {
    invoke(channel, payload) {
      if (!isInvokeChannel(channel)) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'unknown-channel',
            message: `"${String(channel).slice(0, 80)}" is not a call this app knows.`,
          },
        });
      }
      const open = socket;
      if (state.status !== 'connected' || open === undefined || open.readyState !== OPEN) {
        return Promise.resolve({
          ok: false,
          error: {
            code: 'unavailable',
            message: 'Not connected to the app right now; reconnecting.',
          },
        });
      }
      const id = nextId++;
      const message: ClientMessage = { type: 'invoke', id, channel, payload };
      return new Promise((resolve) => {
        const timer = setTimer(() => {
          if (!pending.delete(id)) return;
          resolve({
            ok: false,
            error: {
              code: 'unavailable',
              message: `The app did not answer ${channel} within ${INVOKE_TIMEOUT_MS / 1000} s.`,
            },
          });
        }, INVOKE_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as Pending['resolve'], timer });
        try {
          open.send(JSON.stringify(message));
        } catch (error) {
          pending.delete(id);
          clearTimer(timer);
          resolve({
            ok: false,
            error: { code: 'unavailable', message: `Could not send ${channel}: ${String(error)}` },
          });
        }
      });
    },
    on(channel, listener) {
      if (!isEventChannel(channel))
        throw new Error(`"${String(channel).slice(0, 80)}" is not an event this app sends.`);
      let listeners = eventListeners.get(channel);
      if (!listeners) {
        listeners = new Set();
        eventListeners.set(channel, listeners);
      }
      const entry = listener as (payload: never) => void;
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => {
        stateListeners.delete(listener);
      };
    },
    reconnectNow() {
      if (closedForGood || state.status !== 'disconnected' || retryTimer === undefined) return;
      clearTimer(retryTimer);
      retryTimer = undefined;
      connect(state.attempt);
    },
    close() {
      closedForGood = true;
      if (retryTimer !== undefined) clearTimer(retryTimer);
      retryTimer = undefined;
      const open = socket;
      socket = undefined;
      open?.close(1000, 'page closed');
      failPending({ code: 'unavailable', message: 'The page closed its connection to the app.' });
    },
  };
}
