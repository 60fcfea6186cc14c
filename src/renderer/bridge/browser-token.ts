/** sessionStorage key of the browser-mode token: per tab, gone when the tab closes. */
export const TOKEN_STORAGE_KEY = 'oncall.token';

/** Browser mode prints 64 hex characters; anything else cannot be a token it issued. */
const TOKEN_PATTERN = /^[0-9a-f]{32,256}$/i;

/** What {@link takeBrowserToken} reads and changes; the real `window` in the app. */
export interface TokenEnvironment {
  location: { href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  storage:
    { getItem(key: string): string | null; setItem(key: string, value: string): void } | undefined;
}

/**
 * The token for browser mode's WebSocket.
 *
 * The first load comes from the address browser mode printed, `http://127.0.0.1:PORT/?token=…`.
 * The token is moved into sessionStorage (so a reload in the same tab still works) and removed
 * from the address bar with `history.replaceState`, so it is not left in the history, in a
 * bookmark or in a screenshot. A new `?token=` replaces an older kept one (the server was
 * restarted and printed a new address).
 * @param env - location, history and sessionStorage (undefined when storage is blocked)
 * @returns the token, or undefined when the page was opened without one
 */
export function takeBrowserToken(env: TokenEnvironment): string | undefined {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    if (TOKEN_PATTERN.test(fromUrl)) {
      try {
        env.storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
      } catch {
        // Storage full or blocked: the token still works until the tab reloads.
      }
      return fromUrl;
    }
  }
  let kept: string | null;
  try {
    kept = env.storage?.getItem(TOKEN_STORAGE_KEY) ?? null;
  } catch {
    kept = null;
  }
  return kept !== null && TOKEN_PATTERN.test(kept) ? kept : undefined;
}

/**
 * The WebSocket address of browser mode, on the page's own host. The token is NOT in it: it
 * travels in `Sec-WebSocket-Protocol`, so it never lands in access logs.
 * @param location - the page's location
 */
export function webSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}
