import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getSourceText,
  requestSourceAnswer,
  type SourceRequest,
} from '../../../../../src/main/services/sources/source-http';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const request = (extra: Partial<SourceRequest> = {}): SourceRequest => ({
  signal: new AbortController().signal,
  timeoutMs: 2000,
  clock: { now: () => new Date('2026-03-01T02:00:00Z') },
  peer: 'a JSON endpoint',
  ...extra,
});

describe('source HTTP requests', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  it('returns the body and sends the given headers', async () => {
    let auth: string | undefined;
    server.answer((req) => {
      auth = req.headers.authorization;
      return { body: '{"a":1}' };
    });
    const body = await getSourceText(
      `${server.url}/x`,
      request({ headers: { authorization: 'Bearer t' } }),
    );
    expect(body).toBe('{"a":1}');
    expect(auth).toBe('Bearer t');
  });

  it.each([
    [401, 'Unauthorized — the token was rejected or is missing; check the credential'],
    [403, 'Forbidden — the token is not allowed to read this; check its permissions'],
    [404, 'Not Found — is this the URL of a JSON endpoint?'],
    [503, 'Service Unavailable — a JSON endpoint (or a proxy in front of it) is in trouble'],
  ])('says what HTTP %i means', async (status, words) => {
    server.answer({ status, body: 'no' });
    await expect(getSourceText(`${server.url}/x`, request())).rejects.toThrow(
      `${server.url}/x answered HTTP ${status} ${words}`,
    );
  });

  it('hands any status over when asked to, for a health check to judge', async () => {
    server.answer({ status: 503, body: 'down for maintenance' });
    expect(await requestSourceAnswer(`${server.url}/h`, request())).toMatchObject({
      status: 503,
      body: 'down for maintenance',
    });
  });

  it('refuses a URL with a password in it without echoing the password', async () => {
    const answer = getSourceText('http://ana:hunter2@127.0.0.1:1/x', request());
    await expect(answer).rejects.toThrow(
      'http://127.0.0.1:1/x: user and password in the URL are not supported — remove them',
    );
    await expect(answer).rejects.not.toThrow(/hunter2/);
  });

  it('says when a URL redirects in a loop', async () => {
    server.answer((req) => ({ status: 302, headers: { location: req.url ?? '/' } }));
    await expect(getSourceText(`${server.url}/loop`, request())).rejects.toThrow(
      `${server.url}/loop redirects in a loop (more than 20 redirects) — check the URL, or a proxy's redirect rules`,
    );
  });
});
