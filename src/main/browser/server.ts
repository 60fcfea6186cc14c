// Browser mode's front door: the built renderer as static files, and the IPC contract over one
// WebSocket at /ws, on 127.0.0.1 only. The renderer's src/renderer/bridge is the other end.
//
// What keeps other local pages and processes out (docs/architecture.md, security):
// * Host must be 127.0.0.1:PORT or localhost:PORT — a page on evil.example that re-resolves to
//   127.0.0.1 (DNS rebinding) sends its own name and is refused;
// * the WebSocket's Origin must be this server's own origin — another site's page cannot talk;
// * the random token printed at start must come as the subprotocol `token.<hex>` (a browser
//   WebSocket cannot set Authorization; a query string would land in logs and history).
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { describeIssues } from '../../shared/domain/settings';
import type { IpcResult } from '../../shared/ipc/result';
import { clientMessageSchema, type ServerMessage } from '../../shared/ipc/wire';
import type { AppLog } from '../services/app/app-log';
import { headerContentSecurityPolicy } from '../services/shell/csp';
import {
  WIRE_SUBPROTOCOL,
  isAllowedHost,
  isAllowedOrigin,
  offeredSubprotocols,
  tokenFromSubprotocols,
  tokensMatch,
} from './request-guard';
import { contentTypeFor, resolveStaticFile } from '../services/shell/static-files';

/** Largest WebSocket message a client may send; bigger ones close the connection (1009). */
export const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;

/**
 * A client this far behind on reading is dropped rather than buffered without bound: replies and
 * events alike (a client that sent 3,000 `alerts:list` calls and read nothing drove the server to
 * about 2 GB, issue 10).
 */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

/**
 * Calls one client may have running at once; more are answered `unavailable` at once. The
 * renderer has a handful in flight at most; the cap keeps one client from queueing work without
 * bound while its earlier calls wait (on a slow disk, say).
 */
export const MAX_IN_FLIGHT_PER_CLIENT = 64;

/** How long a closing client gets to finish the close handshake on shutdown. */
const CLOSE_GRACE_MS = 1000;

/** Path of the WebSocket endpoint. */
export const WEBSOCKET_PATH = '/ws';

/** What browser mode's server needs. */
export interface BrowserServerOptions {
  /** Loopback only; the literal type keeps anything else from compiling. */
  host: '127.0.0.1';
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (`dist/renderer`); nothing outside it is ever served. */
  staticDir: string;
  /** Hex, at least 32 characters; a client must present it to open the WebSocket. */
  token: string;
  /** Runs one invoke call (createDispatcher's function); must not throw, but may. */
  dispatch: (channel: string, request: unknown) => Promise<IpcResult<unknown>>;
  log: AppLog;
  /** Defaults {@link MAX_BUFFERED_BYTES} and {@link MAX_IN_FLIGHT_PER_CLIENT}; tests lower them. */
  limits?: { maxBufferedBytes?: number; maxInFlightPerClient?: number };
}

/** A running browser-mode server. */
export interface BrowserServer {
  /** `http://127.0.0.1:PORT/`, without the token. */
  url: string;
  port: number;
  /** Send a contract event to every connected (authenticated) client. */
  broadcast(channel: string, payload: unknown): void;
  /** Close every client (1001) and stop listening. */
  close(): Promise<void>;
}

/**
 * Start browser mode's HTTP + WebSocket server.
 * @param options - where to listen, what to serve, the token and the dispatcher
 * @returns once listening
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const { dispatch, log, token } = options;
  if (options.host !== '127.0.0.1') {
    throw new Error(`Browser mode listens on 127.0.0.1 only, not ${String(options.host)}.`);
  }
  if (!/^[0-9a-f]{32,256}$/i.test(token)) {
    throw new Error('The browser-mode token must be 32–256 hex characters.');
  }
  const maxBufferedBytes = options.limits?.maxBufferedBytes ?? MAX_BUFFERED_BYTES;
  const maxInFlight = options.limits?.maxInFlightPerClient ?? MAX_IN_FLIGHT_PER_CLIENT;
  const staticDir = path.resolve(options.staticDir);
  const csp = headerContentSecurityPolicy();
  const clients = new Set<WebSocket>();
  let port = 0;

  const securityHeaders = (): Record<string, string> => ({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });

  const sendText = (res: ServerResponse, status: number, text: string): void => {
    res.writeHead(status, {
      ...securityHeaders(),
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Length': Buffer.byteLength(text),
    });
    res.end(text);
  };

  const serveStatic = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!isAllowedHost(req.headers.host, port)) {
      sendText(res, 421, hostRefusal(req.headers.host, port));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      sendText(
        res,
        405,
        `${req.method ?? '?'} is not allowed here; the app's calls go over ${WEBSOCKET_PATH}.`,
      );
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === WEBSOCKET_PATH) {
      sendText(res, 426, `${WEBSOCKET_PATH} speaks WebSocket only.`);
      return;
    }
    const file = await resolveStaticFile(staticDir, pathname);
    if (file === undefined) {
      sendText(res, 404, 'Not found.');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      sendText(res, 404, 'Not found.');
      return;
    }
    const isPage = path.extname(file) === '.html';
    res.writeHead(200, {
      ...securityHeaders(),
      'Content-Type': contentTypeFor(file),
      'Content-Length': body.length,
      // The page carries no secret, but a stale page after a rebuild would load missing assets.
      'Cache-Control': isPage ? 'no-store' : 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    serveStatic(req, res).catch((error: unknown) => {
      log('error', `Browser mode could not serve ${req.url ?? '?'}: ${String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'The app could not serve this file.');
      else res.destroy();
    });
  });
  // Bounded header reading, so a slow client cannot hold a socket forever.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_CLIENT_MESSAGE_BYTES,
    perMessageDeflate: false,
    // Answer with the wire protocol, never echo the token back.
    handleProtocols: (protocols) => (protocols.has(WIRE_SUBPROTOCOL) ? WIRE_SUBPROTOCOL : false),
  });

  const refuseUpgrade = (socket: Duplex, status: number, reason: string): void => {
    log('warn', `Browser mode refused a WebSocket connection: ${reason}`);
    const statusText: Record<number, string> = {
      400: 'Bad Request',
      401: 'Unauthorized',
      403: 'Forbidden',
      404: 'Not Found',
      421: 'Misdirected Request',
    };
    const body = `${reason}\n`;
    socket.end(
      `HTTP/1.1 ${status} ${statusText[status] ?? 'Refused'}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: text/plain; charset=utf-8\r\n' +
        'Cache-Control: no-store\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n` +
        body,
    );
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!isAllowedHost(req.headers.host, port)) {
      refuseUpgrade(socket, 421, hostRefusal(req.headers.host, port));
      return;
    }
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== WEBSOCKET_PATH) {
      refuseUpgrade(socket, 404, `no WebSocket at ${String(pathname).slice(0, 100)}`);
      return;
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      refuseUpgrade(
        socket,
        403,
        `origin not allowed: ${String(req.headers.origin ?? '(none)').slice(0, 100)}`,
      );
      return;
    }
    const offered = offeredSubprotocols(req.headers['sec-websocket-protocol']);
    if (!tokensMatch(tokenFromSubprotocols(offered), token)) {
      refuseUpgrade(
        socket,
        401,
        'missing or wrong token (open the address the app printed at start)',
      );
      return;
    }
    if (!offered.includes(WIRE_SUBPROTOCOL)) {
      refuseUpgrade(socket, 400, `the client must offer the subprotocol ${WIRE_SUBPROTOCOL}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  // Every message to a client goes through here, so neither replies nor events pile up in memory
  // for a client that stopped reading: it is dropped, and the page reconnects if it is alive.
  const sendFrame = (ws: WebSocket, text: string): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxBufferedBytes) {
      log('warn', 'Dropping a browser-mode client that stopped reading.');
      ws.terminate();
      return;
    }
    ws.send(text);
  };
  const send = (ws: WebSocket, message: ServerMessage): void =>
    sendFrame(ws, JSON.stringify(message));

  const inFlight = new WeakMap<WebSocket, number>();

  const accept = (ws: WebSocket): void => {
    clients.add(ws);
    inFlight.set(ws, 0);
    ws.on('close', () => clients.delete(ws));
    ws.on('error', (error) => {
      // A too-large message ends here (ws closes with 1009); the page reconnects.
      log('warn', `A browser-mode client connection failed: ${error.message}`);
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void handleMessage(ws, data, isBinary);
    });
  };

  const handleMessage = async (ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> => {
    if (isBinary) {
      send(ws, { type: 'refused', reason: 'binary messages are not accepted; send JSON text' });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(rawText(data));
    } catch (error) {
      send(ws, { type: 'refused', reason: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      send(ws, {
        type: 'refused',
        reason: `not an invoke message: ${describeIssues(parsed.error).join('; ')}`,
      });
      return;
    }
    const { id, channel, payload } = parsed.data;
    const running = inFlight.get(ws) ?? 0;
    if (running >= maxInFlight) {
      send(ws, {
        type: 'result',
        id,
        result: {
          ok: false,
          error: {
            code: 'unavailable',
            message: `${channel} was not run: this connection already has ${running} calls waiting for an answer; wait for them, then try again.`,
          },
        },
      });
      return;
    }
    inFlight.set(ws, running + 1);
    let result: IpcResult<unknown>;
    try {
      result = await dispatch(channel, payload);
    } catch (error) {
      log('error', `${channel} failed in browser mode: ${String(error)}`);
      result = {
        ok: false,
        error: {
          code: 'internal',
          message: `${channel} failed: ${(error as Error)?.message ?? String(error)}`,
        },
      };
    } finally {
      inFlight.set(ws, (inFlight.get(ws) ?? 1) - 1);
    }
    send(ws, { type: 'result', id, result });
  };

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} on 127.0.0.1 is already in use; pick another with --port, or 0 for any.`
            : `Browser mode could not listen on 127.0.0.1:${options.port}: ${error.message}`,
        ),
      );
    };
    server.once('error', onError);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string')
    throw new Error('Browser mode got no TCP port.');
  port = address.port;
  server.on('error', (error) => log('error', `Browser mode server error: ${error.message}`));

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    broadcast(channel, payload) {
      const text = JSON.stringify({ type: 'event', channel, payload } satisfies ServerMessage);
      for (const ws of clients) sendFrame(ws, text);
    },
    async close() {
      for (const ws of clients) ws.close(1001, 'The app is stopping.');
      const stragglers = setTimeout(() => {
        for (const ws of clients) ws.terminate();
      }, CLOSE_GRACE_MS);
      stragglers.unref();
      await new Promise<void>((resolve) => {
        wss.close(() => resolve());
      });
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(stragglers);
    },
  };
}

function hostRefusal(host: string | undefined, port: number): string {
  return (
    `Host "${String(host ?? '(none)').slice(0, 100)}" is not this app; ` +
    `open http://127.0.0.1:${port}/ (requests for other names are refused against DNS rebinding).`
  );
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
