/**
 * Whether the page can reach the app. In Electron it is always `connected` (the preload is in
 * the same process tree); in browser mode it follows the WebSocket.
 */
export type ConnectionState =
  | { status: 'connected' }
  | { status: 'connecting'; attempt: number }
  | {
      status: 'disconnected';
      /** Failed attempts in a row. */
      attempt: number;
      /** When the next attempt starts (epoch ms). */
      retryAt: number;
      /**
       * The server answers HTTP but refused the WebSocket: the token is stale (it changes every
       * time browser mode starts) or the page was opened from another address.
       */
      refused: boolean;
    }
  /** Browser mode opened without `?token=` and none kept from earlier in this tab. */
  | { status: 'no-token' };

/** The connected state (one object, so equality checks stay cheap). */
export const CONNECTED: ConnectionState = { status: 'connected' };
