// The renderer's WebSocket transport against the real browser-mode server (both ends of the
// wire), with the `ws` package standing in for the browser's WebSocket.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../../src/main/browser/server';
import { bridgeFrom } from '../../../src/renderer/bridge/bridge';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import type { ConnectionState } from '../../../src/renderer/bridge/connection-state';
import {
  createWebSocketTransport,
  type WebSocketTransport,
  type WebSocketTransportOptions,
} from '../../../src/renderer/bridge/websocket-transport';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { freePort } from '../../support/free-port';

const TOKEN = randomBytes(32).toString('hex');
let staticDir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeAll(async () => {
  staticDir = await mkdtemp(path.join(tmpdir(), 'oncall-transport-'));
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html>');
});

afterAll(() => rm(staticDir, { recursive: true, force: true }));

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function server(
  port = 0,
  dispatch: (channel: string, request: unknown) => Promise<IpcResult<unknown>> = async (
    channel,
    req,
  ) => ({
    ok: true,
    value: { channel, req },
  }),
): Promise<BrowserServer> {
  const started = await startBrowserServer({
    host: '127.0.0.1',
    port,
    staticDir,
    token: TOKEN,
    dispatch,
    log: () => {},
  });
  cleanups.push(() => started.close());
  return started;
}

function transport(
  port: number,
  token = TOKEN,
  urls: string[] = [],
  timers: Pick<WebSocketTransportOptions, 'setTimer' | 'clearTimer'> = {},
): WebSocketTransport {
  const t = createWebSocketTransport({
    ...timers,
    url: `ws://127.0.0.1:${port}/ws`,
    token,
    random: () => 0,
    openSocket: (url, protocols, handlers) => {
      urls.push(url);
      // A browser sends its page's origin; `ws` must be told.
      const ws = new WebSocket(url, protocols, { origin: `http://127.0.0.1:${port}` });
      ws.on('open', handlers.open);
      ws.on('message', (data) => handlers.message(String(data)));
      ws.on('close', handlers.close);
      ws.on('error', () => {});
      return ws;
    },
    probeServer: () =>
      new Promise((resolve) => {
        const req = request({ host: '127.0.0.1', port, method: 'HEAD', path: '/' }, (res) => {
          res.resume();
          resolve(true);
        });
        req.on('error', () => resolve(false));
        req.end();
      }),
  });
  cleanups.push(() => t.close());
  return t;
}

function until(
  t: WebSocketTransport,
  predicate: (s: ConnectionState) => boolean,
  ms = 5000,
): Promise<ConnectionState> {
  return new Promise((resolve, reject) => {
    if (predicate(t.state())) return resolve(t.state());
    const timer = setTimeout(
      () => reject(new Error(`state stayed ${JSON.stringify(t.state())}`)),
      ms,
    );
    const stop = t.onState((s) => {
      if (!predicate(s)) return;
      clearTimeout(timer);
      stop();
      resolve(s);
    });
  });
}

describe('WebSocket transport ↔ browser-mode server', () => {
  it('connects with the token as a subprotocol (not in the URL), invokes and receives events', async () => {
    const s = await server();
    const urls: string[] = [];
    const t = transport(s.port, TOKEN, urls);
    await until(t, (st) => st.status === 'connected');
    expect(urls).toEqual([`ws://127.0.0.1:${s.port}/ws`]);

    expect(await t.invoke('app:info', {})).toEqual({
      ok: true,
      value: { channel: 'app:info', req: {} },
    });

    const got: unknown[] = [];
    const stop = t.on('settings:changed', (payload) => got.push(payload));
    s.broadcast('settings:changed', { path: '/x' });
    s.broadcast('source:status', { ignored: true });
    await expect.poll(() => got).toEqual([{ path: '/x' }]);
    stop();
    s.broadcast('settings:changed', { path: '/y' });
    await new Promise((r) => setTimeout(r, 50));
    expect(got).toHaveLength(1);
  });

  it('through bridgeFrom, a typed error from the app is thrown as BridgeError', async () => {
    const s = await server(0, async () => ({
      ok: false,
      error: { code: 'bad-request', message: 'no', issues: ['sources.0.url: bad'] },
    }));
    const t = transport(s.port);
    await until(t, (st) => st.status === 'connected');
    const bridge = bridgeFrom({ mode: 'browser', api: t, connection: t.state });
    const error = await bridge.invoke('settings:update', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('bad-request');
    expect((error as BridgeError).issues).toEqual(['sources.0.url: bad']);
  });

  it('when the app goes away: calls in flight fail, new calls fail at once, and it reconnects when the app is back', async () => {
    let release: () => void = () => {};
    const first = await server(0, (channel) =>
      channel === 'alerts:list'
        ? new Promise((resolve) => (release = () => resolve({ ok: true, value: 'late' })))
        : Promise.resolve({ ok: true, value: 'now' }),
    );
    const port = first.port;
    const t = transport(port);
    await until(t, (st) => st.status === 'connected');
    const inFlight = t.invoke('alerts:list', {});
    await first.close();
    release();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const away = await until(t, (st) => st.status === 'disconnected');
    expect(away).toMatchObject({ status: 'disconnected', refused: false });
    expect(await t.invoke('app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });

    await server(port);
    await until(t, (st) => st.status === 'connected', 8000);
    expect(await t.invoke('app:info', {})).toEqual({
      ok: true,
      value: { channel: 'app:info', req: {} },
    });
  });

  it('tells a refused token (server up) from a server that is down', async () => {
    const s = await server();
    const refused = transport(s.port, 'ff'.repeat(32));
    expect(await until(refused, (st) => st.status === 'disconnected' && st.refused)).toMatchObject({
      refused: true,
    });

    const down = transport(await freePort());
    expect(await until(down, (st) => st.status === 'disconnected')).toMatchObject({
      refused: false,
    });
  });

  it('reconnectNow skips the wait', async () => {
    const s = await server();
    const port = s.port;
    await s.close();
    // Timers never fire here: the scheduled retry never comes, so only reconnectNow can connect.
    let retryScheduled = (): void => {};
    const scheduled = new Promise<void>((resolve) => (retryScheduled = resolve));
    const t = transport(port, TOKEN, [], {
      setTimer: () => {
        retryScheduled();
        return {};
      },
      clearTimer: () => {},
    });
    await scheduled;
    expect(t.state().status).toBe('disconnected');
    await server(port);
    t.reconnectNow();
    await until(t, (st) => st.status === 'connected', 3000);
  });

  it('does not call a stopping app a refusal while its HTTP server is still closing', async () => {
    // The race of a real shutdown, played step by step: the app closes the socket with 1001,
    // the next handshake fails, and the HTTP probe still gets an answer.
    const sockets: Array<{ open(): void; close(code?: number): void }> = [];
    const t = createWebSocketTransport({
      url: 'ws://127.0.0.1:1/ws',
      token: TOKEN,
      random: () => 0,
      openSocket: (_url, _protocols, handlers) => {
        sockets.push({ open: handlers.open, close: handlers.close });
        return { readyState: 0, send: () => {}, close: () => {} };
      },
      probeServer: async () => true,
    });
    cleanups.push(() => t.close());
    sockets[0]?.open();
    expect(t.state().status).toBe('connected');
    sockets[0]?.close(1001);
    await until(t, (st) => st.status === 'connecting', 2000);
    sockets[1]?.close();
    const state = await until(t, (st) => st.status === 'disconnected');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(t.state()).toMatchObject({ status: 'disconnected', refused: false });
    expect(state).toMatchObject({ refused: false });
  });
});
