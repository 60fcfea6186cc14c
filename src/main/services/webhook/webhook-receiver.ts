import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The only address the receiver listens on: pushes come from this machine (or a tunnel). */
export const WEBHOOK_HOST = '127.0.0.1';

/** The largest body accepted: Alertmanager's notification of a big group stays far below. */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

// A sender that stalls must not hold a socket for long.
const HEADERS_TIMEOUT_MS = 5_000;
const REQUEST_TIMEOUT_MS = 10_000;

/** The source a request's path names: how to check its token, or why it takes no pushes. */
export type PushTarget =
  | { readonly ok: true; token(): Promise<string | undefined> }
  | { readonly ok: false; readonly reason: string };

/** What a delivered body came to: how many alerts it carried, or what was wrong with it. */
export type PushDelivery =
  { readonly ok: true; readonly count: number } | { readonly ok: false; readonly error: string };

/** What the receiver asks of the app; see {@link startWebhookReceiver}. */
export interface WebhookReceiverOptions {
  /** The source `/<kind>/<sourceId>` names, if it takes pushes now; else why not. */
  target(kind: string, sourceId: string): PushTarget;
  /** Hand over an authenticated request's parsed body. */
  deliver(sourceId: string, body: unknown): PushDelivery;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** A listening receiver. */
export interface WebhookReceiver {
  /** The port it listens on (the one asked for, or the one the OS chose for 0). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Listen for pushed alerts on 127.0.0.1: `POST /<kind>/<sourceId>` with a JSON body and the
 * source's bearer token. Anything else is answered with a 4xx and one line saying why, so
 * whoever set up the sender can fix it from the sender's log: 421 a Host that is not this
 * receiver (DNS rebinding), 404 a path or source that takes no pushes, 405 not POST, 401 no or
 * a wrong token, 415 not JSON, 411 no Content-Length, 413 over 1 MiB, 400 a body that is not a
 * valid payload. The token is checked before the body is read.
 * @param port - the port; 0 lets the OS choose (tests)
 * @param options - how to find a source and hand its alerts over
 * @throws Error saying what to do when the port cannot be used
 */
export async function startWebhookReceiver(
  port: number,
  options: WebhookReceiverOptions,
): Promise<WebhookReceiver> {
  const log = options.log ?? (() => {});
  let bound = port;
  const server = createServer((req, res) => {
    handle(req, res, bound, options).catch((error: unknown) => {
      log('error', `Webhook: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) answer(res, 500, 'the receiver failed; see the app log');
    });
  });
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, port)));
    server.listen(port, WEBHOOK_HOST, () => resolve());
  });
  bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const PATH = /^\/([a-z][a-z-]{0,31})\/([A-Za-z0-9_-]{1,64})\/?$/;

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  options: WebhookReceiverOptions,
): Promise<void> {
  const log = options.log ?? (() => {});
  const refuse = (status: number, reason: string, headers: Record<string, string> = {}) => {
    log('warn', `Webhook: refused ${req.method ?? '?'} ${shown(req.url)}: ${status} ${reason}`);
    answer(res, status, reason, { ...headers, connection: 'close' });
  };

  const host = req.headers.host;
  if (host === undefined || !allowedHosts(port).includes(host.toLowerCase())) {
    refuse(
      421,
      `Host "${shown(host)}" is not this receiver; send to http://${WEBHOOK_HOST}:${port}/…`,
    );
    return;
  }
  const path = PATH.exec(req.url ?? '');
  if (!path) {
    refuse(404, 'no such path; pushes go to /alertmanager/<source id>');
    return;
  }
  if (req.method !== 'POST') {
    refuse(405, 'only POST is accepted here', { allow: 'POST' });
    return;
  }
  const [, kind = '', sourceId = ''] = path;
  const target = options.target(kind, sourceId);
  if (!target.ok) {
    refuse(404, target.reason);
    return;
  }
  const token = await target.token();
  const presented = bearerToken(req.headers.authorization);
  if (token === undefined) {
    refuse(401, `no token has been made for source "${sourceId}"; make one in the app's Settings`, {
      'www-authenticate': 'Bearer',
    });
    return;
  }
  if (presented === undefined) {
    refuse(401, 'a bearer token is required (Authorization: Bearer <token>)', {
      'www-authenticate': 'Bearer',
    });
    return;
  }
  if (!tokensMatch(presented, token)) {
    refuse(401, `wrong token for source "${sourceId}"`, {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
    return;
  }
  if (!isJson(req.headers['content-type'])) {
    refuse(415, 'the body must be JSON (Content-Type: application/json)');
    return;
  }
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    refuse(411, 'Content-Length is required');
    return;
  }
  if (Number(declared) > MAX_WEBHOOK_BODY_BYTES) {
    refuse(413, `the body is over ${MAX_WEBHOOK_BODY_BYTES / 1024 / 1024} MiB`);
    return;
  }
  const text = await readBody(req);
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    refuse(400, `the body is not JSON: ${(error as Error).message}`);
    return;
  }
  const delivered = options.deliver(sourceId, body);
  if (!delivered.ok) {
    refuse(400, delivered.error);
    return;
  }
  answer(res, 200, `accepted ${delivered.count} alert${delivered.count === 1 ? '' : 's'}`);
}

function answer(
  res: ServerResponse,
  status: number,
  line: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(`${line}\n`);
}

function allowedHosts(port: number): string[] {
  return [`${WEBHOOK_HOST}:${port}`, `localhost:${port}`];
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

// Both sides are hashed first, so neither the token nor its length leaks through timing.
function tokensMatch(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}

function isJson(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

// Node's parser already ends the body at Content-Length, which was checked against the cap.
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// Request text goes into a log line and an answer: bounded, and without control characters.
function shown(text: string | undefined): string {
  return [...(text ?? '(none)').slice(0, 100)]
    .map((c) => (c < ' ' || c === '\u007f' ? '?' : c))
    .join('');
}

function listenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `port ${port} on ${WEBHOOK_HOST} is taken by another program; choose another webhook port in Settings`,
    );
  }
  if (error.code === 'EACCES') {
    return new Error(`port ${port} may not be used by this user; choose a port from 1024 up`);
  }
  return new Error(`cannot listen on ${WEBHOOK_HOST}:${port}: ${error.message}`);
}
