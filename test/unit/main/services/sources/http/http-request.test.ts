import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpRequest } from '../../../../../../src/main/services/sources/http/http-request';
import { startScriptedServer, type ScriptedServer } from '../scripted-server';

const clock = { now: () => new Date('2026-03-01T02:00:00Z') };
const TOKEN = 'tok-5e6f7a8b9c0d1e2f';
const base = {
  clock,
  timeoutMs: 5000,
  peer: 'Opsgenie',
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
});
