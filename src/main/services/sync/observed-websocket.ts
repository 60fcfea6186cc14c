import WebSocket from 'ws';

/**
 * The largest message taken from the sync server (ws defaults to 100 MiB). A whole incident of
 * 10,000 entries is a few MiB; a bigger message is refused (the connection drops and retries)
 * rather than buffered on the main process's loop.
 */
export const MAX_SYNC_MESSAGE_BYTES = 32 * 1024 * 1024;

/**
 * The WebSocket class handed to the Hocuspocus provider: `ws` (Node 20 has no global WebSocket;
 * the provider takes it as `WebSocketPolyfill`), reporting why each connection attempt failed,
 * which the provider does not pass on.
 * @param onError - told the error of each failed attempt
 */
export function observedWebSocket(onError: (error: Error) => void): new (url: string) => WebSocket {
  return class ObservedWebSocket extends WebSocket {
    // The provider constructs it with the URL alone (HocuspocusProviderWebsocket.connect).
    constructor(address: string) {
      super(address, { maxPayload: MAX_SYNC_MESSAGE_BYTES });
      this.on('error', onError);
    }
  };
}

/**
 * A failed connection attempt in words a person can act on.
 * @param error - what `ws` reported
 * @param server - the address tried
 */
export function describeConnectError(error: Error, server: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  const answered = /Unexpected server response: (\d+)/.exec(error.message);
  if (answered) {
    return `${server} answered HTTP ${answered[1]}, not as a sync server; is the address right?`;
  }
  if (code === 'ECONNREFUSED') return `nothing listens at ${server}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${server}: host not found`;
  if (code === 'ETIMEDOUT') return `${server} did not answer`;
  return `${server}: ${error.message}`;
}
