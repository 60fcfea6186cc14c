import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import {
  startBrowserServer,
  type BrowserServer,
  type BrowserServerOptions,
} from '../../../../src/main/browser/server';
import { APP_CONTENT_SECURITY_POLICY } from '../../../../src/main/services/shell/csp';
import type { IpcResult } from '../../../../src/shared/ipc/result';
import { serverMessageSchema, type ServerMessage } from '../../../../src/shared/ipc/wire';

const TOKEN = randomBytes(32).toString('hex');

let dir: string;
let staticDir: string;
let server: BrowserServer;
let logLines: string[];
let dispatched: Array<{ channel: string; request: unknown }>;
const sockets: WebSocket[] = [];

async function start(overrides: Partial<BrowserServerOptions> = {}): Promise<BrowserServer> {
  logLines = [];
  dispatched = [];
  return startBrowserServer({
    host: '127.0.0.1',
    port: 0,
    staticDir,
    token: TOKEN,
    dispatch: async (channel, req): Promise<IpcResult<unknown>> => {
      dispatched.push({ channel, request: req });
      if (channel === 'app:info')
        return { ok: true, value: { mode: 'browser', version: '1', home: '/h' } };
      return { ok: false, error: { code: 'unknown-channel', message: `no ${channel}` } };
    },
    log: (level, message) => logLines.push(`${level} ${message}`),
    ...overrides,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'oncall-browser-server-'));
  staticDir = path.join(dir, 'static');
  await mkdir(path.join(staticDir, 'assets'), { recursive: true });
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(staticDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(staticDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(dir, 'package.json'), '{"secret":true}');
  await symlink(path.join(dir, 'package.json'), path.join(staticDir, 'assets', 'link.json'));
  server = await start();
});

afterEach(() => {
  for (const ws of sockets.splice(0)) ws.terminate();
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the path and Host reach the server exactly as written. */
function get(
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: server.port, path: rawPath, method, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

interface Refusal {
  status: number;
  body: string;
}

/** Open a WebSocket the way the renderer does; resolves with the socket or the HTTP refusal. */
function connect(
  options: {
    token?: string | null;
    origin?: string | null;
    host?: string;
    protocols?: string[];
    path?: string;
  } = {},
): Promise<WebSocket | Refusal> {
  const origin = options.origin === undefined ? `http://127.0.0.1:${server.port}` : options.origin;
  const token = options.token === undefined ? TOKEN : options.token;
  const protocols = options.protocols ?? [
    'oncall.v1',
    ...(token === null ? [] : [`token.${token}`]),
  ];
  const headers: Record<string, string> = {};
  if (options.host !== undefined) headers.Host = options.host;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${options.path ?? '/ws'}`, protocols, {
    ...(origin === null ? {} : { origin }),
    headers,
  });
  sockets.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (error) => reject(error));
  });
}

function isRefusal(value: WebSocket | Refusal): value is Refusal {
  return !(value instanceof WebSocket);
}

async function open(): Promise<WebSocket> {
  const ws = await connect();
  if (isRefusal(ws)) throw new Error(`refused: ${ws.status} ${ws.body}`);
  return ws;
}

/** The next message on a socket, checked against the wire schema. */
function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve, reject) => {
    ws.once('message', (data) => {
      try {
        resolve(serverMessageSchema.parse(JSON.parse(String(data))));
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}

describe('startBrowserServer: static files', () => {
  it('serves index.html at / with the CSP header equal to the page meta, nosniff, no-referrer, no-store', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    const answer = await get('/');
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('<title>app</title>');
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    // The header is the meta policy plus frame-ancestors, which only a header can carry.
    expect(answer.headers['content-security-policy']).toBe(
      `${APP_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('serves assets with their content types, and the page again with ?token=', async () => {
    const js = await get('/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/assets/index-abc.css')).headers['content-type']).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get(`/?token=${TOKEN}`)).status).toBe(200);
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/assets/../../package.json',
    '/assets/%2E%2E%2F%2E%2E%2Fpackage.json',
    '/..%5cpackage.json',
    '/assets/link.json',
    '/assets',
    '/missing.js',
    '/%00',
    '/%E0%A4%A',
  ])('answers 404 for %s (nothing outside staticDir, no directories)', async (p) => {
    const answer = await get(p);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('secret');
  });

  it('refuses a foreign Host header with 421 and a reason (DNS rebinding)', async () => {
    const answer = await get('/', { Host: `evil.example:${server.port}` });
    expect(answer.status).toBe(421);
    expect(answer.body).toContain('evil.example');
    expect(answer.body).toContain('DNS rebinding');
    expect((await get('/', { Host: `127.0.0.1:${server.port + 1}` })).status).toBe(421);
    expect((await get('/', { Host: `localhost:${server.port}` })).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    const answer = await get('/', {}, 'POST');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });
});

describe('startBrowserServer: WebSocket handshake', () => {
  it('accepts the right token from the own origin and answers the wire subprotocol, never the token', async () => {
    const ws = await open();
    expect(ws.protocol).toBe('oncall.v1');
  });

  it('accepts the localhost spelling of its own origin', async () => {
    const ws = await connect({
      origin: `http://localhost:${server.port}`,
      host: `localhost:${server.port}`,
    });
    expect(isRefusal(ws)).toBe(false);
  });

  it.each([
    ['a wrong token', { token: randomBytes(32).toString('hex') }],
    ['a token that is a prefix of the right one', { token: TOKEN.slice(0, 10) }],
    ['no token', { token: null }],
  ])('refuses %s with 401', async (_name, options) => {
    const answer = await connect(options);
    expect(isRefusal(answer) && answer.status).toBe(401);
    expect(isRefusal(answer) && answer.body).toContain('token');
    expect(logLines.join('\n')).not.toContain(TOKEN);
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port of localhost', 'http://127.0.0.1:1'],
    ['no Origin at all', null],
  ])('refuses %s as origin with 403 "origin not allowed"', async (_name, origin) => {
    const answer = await connect({ origin });
    expect(isRefusal(answer) && answer.status).toBe(403);
    expect(isRefusal(answer) && answer.body).toContain('origin not allowed');
  });

  it('refuses a foreign Host with 421 even with the right token and origin', async () => {
    const answer = await connect({ host: `rebind.example:${server.port}` });
    expect(isRefusal(answer) && answer.status).toBe(421);
  });

  it('refuses upgrades on any other path with 404', async () => {
    const answer = await connect({ path: '/other' });
    expect(isRefusal(answer) && answer.status).toBe(404);
  });

  it('refuses a client that does not speak oncall.v1', async () => {
    const answer = await connect({ protocols: [`token.${TOKEN}`] });
    expect(isRefusal(answer) && answer.status).toBe(400);
  });
});

describe('startBrowserServer: messages', () => {
  it('dispatches a good invoke and answers its result with the same id', async () => {
    const ws = await open();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 7, channel: 'app:info', payload: {} }));
    expect(await reply).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, value: { mode: 'browser', version: '1', home: '/h' } },
    });
    expect(dispatched).toContainEqual({ channel: 'app:info', request: {} });
  });

  it('passes typed errors of the dispatcher through as results', async () => {
    const ws = await open();
    const reply = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 8, channel: 'nope:never', payload: {} }));
    const message = await reply;
    expect(
      message.type === 'result' && message.result.ok === false && message.result.error.code,
    ).toBe('unknown-channel');
  });

  it.each([
    ['bad JSON', '{"type":', 'not JSON'],
    ['the wrong shape', JSON.stringify({ type: 'invoke', id: -1, channel: 'app:info' }), 'id'],
    ['an unknown type', JSON.stringify({ type: 'hello' }), 'type'],
  ])('refuses %s with a reason and keeps the connection', async (_name, text, reasonPart) => {
    const ws = await open();
    const reply = nextMessage(ws);
    ws.send(text);
    const message = await reply;
    expect(message.type).toBe('refused');
    expect(message.type === 'refused' && message.reason).toContain(reasonPart);
    // Still up: a good call right after is answered.
    const next = nextMessage(ws);
    ws.send(JSON.stringify({ type: 'invoke', id: 1, channel: 'app:info', payload: {} }));
    expect((await next).type).toBe('result');
  });

  it('refuses binary messages with a reason', async () => {
    const ws = await open();
    const reply = nextMessage(ws);
    ws.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await reply).toMatchObject({ type: 'refused' });
  });

  it('answers a throwing dispatcher with an internal error instead of dropping the call', async () => {
    const throwing = await start({
      dispatch: async () => {
        throw new Error('boom');
      },
    });
    try {
      const ws = new WebSocket(
        `ws://127.0.0.1:${throwing.port}/ws`,
        ['oncall.v1', `token.${TOKEN}`],
        {
          origin: `http://127.0.0.1:${throwing.port}`,
        },
      );
      sockets.push(ws);
      await new Promise((resolve) => ws.once('open', resolve));
      const reply = nextMessage(ws);
      ws.send(JSON.stringify({ type: 'invoke', id: 3, channel: 'app:info', payload: {} }));
      expect(await reply).toMatchObject({
        type: 'result',
        id: 3,
        result: { ok: false, error: { code: 'internal' } },
      });
    } finally {
      await throwing.close();
    }
  });

  it('closes a connection that sends more than 1 MB in one message', async () => {
    const ws = await open();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(1024 * 1024 + 10));
    expect(await closed).toBe(1009);
  });

  it('broadcasts events to every authenticated client', async () => {
    const [a, b] = [await open(), await open()];
    const gotA = nextMessage(a);
    const gotB = nextMessage(b);
    server.broadcast('settings:changed', { x: 1 });
    const expected = { type: 'event', channel: 'settings:changed', payload: { x: 1 } };
    expect(await gotA).toEqual(expected);
    expect(await gotB).toEqual(expected);
  });
});

describe('startBrowserServer: backpressure (issue 10)', () => {
  async function openOn(other: BrowserServer): Promise<WebSocket> {
    const ws = new WebSocket(`ws://127.0.0.1:${other.port}/ws`, ['oncall.v1', `token.${TOKEN}`], {
      origin: `http://127.0.0.1:${other.port}`,
    });
    sockets.push(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    return ws;
  }

  function collect(ws: WebSocket): ServerMessage[] {
    const messages: ServerMessage[] = [];
    ws.on('message', (data) => messages.push(serverMessageSchema.parse(JSON.parse(String(data)))));
    return messages;
  }

  const invoke = (id: number) =>
    JSON.stringify({ type: 'invoke', id, channel: 'alerts:list', payload: {} });

  it('drops a client that keeps calling but stops reading its answers, instead of buffering them', async () => {
    // About 100 KB per answer, like a long alert list.
    const big = { alerts: 'x'.repeat(100_000) };
    const other = await start({
      dispatch: async () => ({ ok: true, value: big }),
      limits: { maxBufferedBytes: 256 * 1024 },
    });
    try {
      const ws = await openOn(other);
      const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
      const received = collect(ws);
      ws.pause();
      // 20 MB of answers: far more than the limit and the kernel's socket buffers hold.
      for (let id = 1; id <= 200; id += 1) ws.send(invoke(id));
      await vi.waitFor(
        () =>
          expect(logLines).toContain('warn Dropping a browser-mode client that stopped reading.'),
        { timeout: 10_000 },
      );
      ws.resume();
      await closed;
      expect(received.length).toBeLessThan(200);
    } finally {
      await other.close();
    }
  });

  it('answers calls beyond the in-flight cap with a clear error, and the others normally', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const other = await start({
      dispatch: async () => {
        await gate;
        return { ok: true, value: 'done' };
      },
      limits: { maxInFlightPerClient: 3 },
    });
    try {
      const ws = await openOn(other);
      const received = collect(ws);
      for (let id = 1; id <= 5; id += 1) ws.send(invoke(id));
      await vi.waitFor(() => expect(received).toHaveLength(2));
      expect(received).toEqual(
        [4, 5].map((id) => ({
          type: 'result',
          id,
          result: {
            ok: false,
            error: {
              code: 'unavailable',
              message: expect.stringMatching(
                /alerts:list was not run: .* 3 calls waiting .* try again/,
              ),
            },
          },
        })),
      );
      release();
      await vi.waitFor(() => expect(received).toHaveLength(5));
      expect(received.slice(2)).toEqual(
        [1, 2, 3].map((id) => ({ type: 'result', id, result: { ok: true, value: 'done' } })),
      );
      // Room again once those are answered.
      ws.send(invoke(6));
      await vi.waitFor(() => expect(received).toHaveLength(6));
      expect(received[5]).toMatchObject({ id: 6, result: { ok: true } });
    } finally {
      await other.close();
    }
  });
});

describe('startBrowserServer: options', () => {
  it('refuses a short or non-hex token', async () => {
    await expect(start({ token: 'abc' })).rejects.toThrow(/32–256 hex/);
    await expect(start({ token: `${'a'.repeat(40)}.` })).rejects.toThrow(/hex/);
  });

  it('refuses to listen anywhere but 127.0.0.1', async () => {
    await expect(start({ host: '0.0.0.0' as '127.0.0.1' })).rejects.toThrow(/127\.0\.0\.1 only/);
  });

  it('says which port is taken', async () => {
    await expect(start({ port: server.port })).rejects.toThrow(/already in use/);
  });

  it('close() ends open connections with 1001', async () => {
    const other = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${other.port}/ws`, ['oncall.v1', `token.${TOKEN}`], {
      origin: `http://127.0.0.1:${other.port}`,
    });
    sockets.push(ws);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    await other.close();
    expect(await closed).toBe(1001);
  });
});
