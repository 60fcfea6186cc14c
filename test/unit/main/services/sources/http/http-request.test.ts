import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  endpointHint,
  httpRequest,
} from '../../../../../../src/main/services/sources/http/http-request';
import { SourceError } from '../../../../../../src/main/services/sources/source-error';
import { startScriptedServer, type ScriptedServer } from '../scripted-server';

const clock = { now: () => new Date('2026-03-01T02:00:00Z') };
const TOKEN = 'tok-5e6f7a8b9c0d1e2f';
const base = {
  clock,
  timeoutMs: 5000,
  peer: {
    name: 'Opsgenie',
    check: "is this Opsgenie's API?",
    refused: 'is this the Opsgenie API URL?',
  },
  secret: TOKEN,
  headers: { authorization: `GenieKey ${TOKEN}` },
};

describe('httpRequest', () => {
  let servers: ScriptedServer[] = [];
  const server = async () => {
    const s = await startScriptedServer();
    servers.push(s);
    return s;
  };
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  const get = (url: string, extra: object = {}) =>
    httpRequest(new URL(url), { ...base, signal: new AbortController().signal, ...extra });

  it('does not follow a redirect, so the token never goes where it points', async () => {
    const elsewhere = await server();
    const peer = await server();
    peer.answer({ status: 302, headers: { location: `${elsewhere.url}/steal` } });

    await expect(get(`${peer.url}/v2/alerts`)).rejects.toMatchObject({
      kind: 'http',
      message: `${peer.url}/v2/alerts answered HTTP 302, a redirect to ${elsewhere.url}/steal — not followed, so the token is not sent there: enter the API URL it redirects to`,
    });
    expect(elsewhere.requests).toEqual([]);
  });

  it("quotes the vendor's reason with the token taken out, and carries Retry-After", async () => {
    const peer = await server();
    peer.answer({
      status: 429,
      headers: { 'retry-after': '30' },
      body: JSON.stringify({ message: `slow down, GenieKey ${TOKEN}` }),
    });
    const failure = get(`${peer.url}/v2/alerts`, {
      errorDetail: (body: string) => (JSON.parse(body) as { message: string }).message,
    });
    await expect(failure).rejects.toMatchObject({
      kind: 'http',
      message: `${peer.url}/v2/alerts answered HTTP 429 Too Many Requests ("slow down, GenieKey [token]") — Opsgenie asks us to slow down`,
      retryAfterMs: 30_000,
    });
  });

  it('answers an accepted status instead of failing on it', async () => {
    const peer = await server();
    peer.answer({ status: 404, body: '{"message":"Request not found"}' });
    expect(await get(`${peer.url}/x`, { accept: [404] })).toMatchObject({ status: 404 });
  });

  it('says when nothing listens, and when the peer never answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(get(`http://127.0.0.1:${port}/v2/alerts`)).rejects.toMatchObject({
      kind: 'connection',
      message: `cannot connect to http://127.0.0.1:${port}/v2/alerts: connection refused — is this the Opsgenie API URL?`,
    });

    const silent = await server();
    silent.answer('hang');
    await expect(get(`${silent.url}/v2/alerts`, { timeoutMs: 200 })).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringContaining(`from ${silent.url}/v2/alerts — is Opsgenie overloaded`),
    });
  });

  it('sends the method, headers and JSON body asked for, and returns the answer', async () => {
    const peer = await server();
    let seen: { method?: string; headers?: Record<string, unknown> } = {};
    peer.answer((req) => {
      seen = { method: req.method, headers: req.headers };
      return { body: '{"ok":true}' };
    });
    const answer = await get(`${peer.url}/x`, {
      method: 'PUT',
      headers: { from: 'ada@example.com' },
      json: { a: 1 },
    });
    expect(answer).toMatchObject({ status: 200, text: '{"ok":true}' });
    expect(seen).toMatchObject({
      method: 'PUT',
      headers: {
        from: 'ada@example.com',
        accept: 'application/json',
        'content-type': 'application/json',
      },
    });
  });

  it("lets the caller say what a refusal means, from the peer's body without the token", async () => {
    const peer = await server();
    peer.answer({ status: 400, body: `{"error":"bad From ${TOKEN}"}` });
    await expect(
      get(`${peer.url}/x`, {
        httpError: (refusal: { status: number; body: string }) =>
          new SourceError('http', `${refusal.status} said ${refusal.body}`),
      }),
    ).rejects.toThrow('400 said {"error":"bad From [token]"}');
  });

  it('ends the message about a body over the cap with what to check', async () => {
    const peer = await server();
    peer.answer({ body: 'x'.repeat(5_000) });
    await expect(get(`${peer.url}/x`, { maxBytes: 1024 })).rejects.toThrow(
      `${peer.url}/x answered more than 1 KiB — is this Opsgenie's API?`,
    );
  });

  describe('for an endpoint the person configured', () => {
    const endpoint = { name: 'a JSON endpoint', check: 'is this URL a JSON endpoint?' };
    const fetchEndpoint = (url: string, extra: object = {}) =>
      httpRequest(new URL(url), {
        clock,
        timeoutMs: 5000,
        signal: new AbortController().signal,
        peer: endpoint,
        hint: endpointHint,
        ...extra,
      });

    it.each([
      [401, 'Unauthorized — the token was rejected or is missing; check the credential'],
      [403, 'Forbidden — the token is not allowed to read this; check its permissions'],
      [404, 'Not Found — is this the URL of a JSON endpoint?'],
      [503, 'Service Unavailable — a JSON endpoint (or a proxy in front of it) is in trouble'],
    ])('says what HTTP %i means', async (status, words) => {
      const peer = await server();
      peer.answer({ status, body: 'no' });
      await expect(fetchEndpoint(`${peer.url}/x`)).rejects.toThrow(
        `${peer.url}/x answered HTTP ${status} ${words}`,
      );
    });

    it('hands any status over when asked to, for a health check to judge', async () => {
      const peer = await server();
      peer.answer({ status: 503, body: 'down for maintenance' });
      expect(await fetchEndpoint(`${peer.url}/h`, { accept: 'any' })).toMatchObject({
        status: 503,
        text: 'down for maintenance',
      });
    });

    it('follows redirects when no token goes with the request, and says when they loop', async () => {
      const peer = await server();
      peer.answer((req) => ({ status: 302, headers: { location: req.url ?? '/' } }));
      await expect(fetchEndpoint(`${peer.url}/loop`)).rejects.toThrow(
        `${peer.url}/loop redirects in a loop (more than 20 redirects) — check the URL, or a proxy's redirect rules`,
      );
    });
  });
});
