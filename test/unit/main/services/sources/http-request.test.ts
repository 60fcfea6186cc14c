import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  baseUrlOf,
  fetchText,
  type HttpCall,
} from '../../../../../src/main/services/sources/http-request';
import { SourceError } from '../../../../../src/main/services/sources/source-error';
import { freePort } from '../../../../support/free-port';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };
const options = { signal: new AbortController().signal, timeoutMs: 5_000, clock };

describe('fetchText', () => {
  let server: ScriptedServer;
  let seen: { method?: string; headers?: Record<string, unknown>; body?: string };
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  const call = (extra: Partial<HttpCall> = {}): HttpCall => ({
    url: new URL(`${server.url}/api/things`),
    shown: server.url,
    peer: { name: 'Thingd', what: 'a Thingd' },
    maxBytes: 1024,
    httpError: (response) => new SourceError('http', `refused with ${response.status}`),
    ...extra,
  });

  it('sends the method, headers and body asked for, and returns the answer', async () => {
    server.answer((req) => {
      seen = { method: req.method, headers: req.headers };
      return { body: '{"ok":true}' };
    });
    const text = await fetchText(
      call({ method: 'PUT', headers: { from: 'ada@example.com' }, body: '{"a":1}' }),
      options,
    );
    expect(text).toBe('{"ok":true}');
    expect(seen).toMatchObject({
      method: 'PUT',
      headers: { from: 'ada@example.com', accept: 'application/json' },
    });
  });

  it("lets the caller read a refusal's body to say what the peer said", async () => {
    server.answer({ status: 400, body: '{"error":"bad From"}' });
    await expect(
      fetchText(
        call({
          httpError: async (response) => new SourceError('http', `said ${await response.text()}`),
        }),
        options,
      ),
    ).rejects.toThrow('said {"error":"bad From"}');
  });

  it('names the peer in the hint of a refused connection and of a body over the cap', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    await expect(fetchText({ ...call(), url: new URL(url), shown: url }, options)).rejects.toThrow(
      `cannot connect to ${url}: connection refused — is Thingd running?`,
    );
    server.answer({ body: 'x'.repeat(5_000) });
    await expect(fetchText(call(), options)).rejects.toThrow(/— is this URL a Thingd\?$/);
  });
});

describe('baseUrlOf', () => {
  it('keeps a path prefix, and refuses what is not a usable http(s) URL', () => {
    expect(baseUrlOf('http://am:9093/prefix', 'http://am:9093/prefix', 'x').href).toBe(
      'http://am:9093/prefix/',
    );
    expect(() => baseUrlOf('nope', 'nope', 'http://thing:1')).toThrow(
      '"nope" is not a URL — use something like http://thing:1',
    );
    expect(() => baseUrlOf('ftp://x', 'ftp://x', 'e')).toThrow(
      'ftp://x is not an http:// or https:// URL',
    );
  });
});
