import { createHash, timingSafeEqual } from 'node:crypto';

/** The WebSocket subprotocol the renderer and browser mode speak (src/shared/ipc/wire.ts). */
export const WIRE_SUBPROTOCOL = 'oncall.v1';

/** Prefix of the subprotocol that carries the token: `token.<hex>`. */
export const TOKEN_SUBPROTOCOL_PREFIX = 'token.';

/**
 * The `Host` header values this server answers to. Anything else is a page on another name
 * that resolves to 127.0.0.1 (DNS rebinding) or a misdirected request.
 * @param port - the port the server listens on
 */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * The origins whose pages may open the WebSocket: only the server's own.
 * @param port - the port the server listens on
 */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((host) => `http://${host}`);
}

/**
 * True when the `Host` header names this server.
 * @param host - the header as received (may be missing)
 * @param port - the port the server listens on
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/**
 * True when the `Origin` header is the server's own origin. A missing Origin is refused too:
 * every browser sends it on a WebSocket handshake.
 * @param origin - the header as received
 * @param port - the port the server listens on
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).includes(origin.toLowerCase());
}

/**
 * The subprotocols a client offered, from `Sec-WebSocket-Protocol` (comma-separated; the
 * header may be repeated, which Node joins with commas).
 * @param header - the header as received
 */
export function offeredSubprotocols(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/**
 * The token a client sent as the subprotocol `token.<token>`, if any.
 * @param offered - the offered subprotocols
 */
export function tokenFromSubprotocols(offered: readonly string[]): string | undefined {
  const entry = offered.find((p) => p.startsWith(TOKEN_SUBPROTOCOL_PREFIX));
  return entry?.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
}

/**
 * Compare a presented token with the expected one in constant time. Both are hashed first, so
 * neither the content nor the length of the expected token leaks through timing.
 * @param presented - what the client sent (may be missing)
 * @param expected - the server's token
 */
export function tokensMatch(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || presented === '') return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
