import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import { fetchAlertmanagerAlerts } from '../../../../../src/main/services/sources/alertmanager-client';
import { SourceError } from '../../../../../src/main/services/sources/source-error';
import { freePort } from '../../../../support/free-port';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };

async function failure(baseUrl: string, timeoutMs = 5_000): Promise<SourceError> {
  try {
    await fetchAlertmanagerAlerts(baseUrl, {
      signal: new AbortController().signal,
      timeoutMs,
      clock,
    });
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('fetchAlertmanagerAlerts', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  it('asks for every alert, silenced and inhibited included, and returns the body', async () => {
    server.answer({ body: '[{"fingerprint":"x"}]' });
    const body = await fetchAlertmanagerAlerts(server.url, {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      clock,
    });
    expect(body).toBe('[{"fingerprint":"x"}]');
    expect(server.requests.at(-1)).toBe('/api/v2/alerts?active=true&silenced=true&inhibited=true');
  });

  it('keeps the path of an Alertmanager served under a prefix', async () => {
    server.answer({ body: '[]' });
    await fetchAlertmanagerAlerts(`${server.url}/alertmanager/`, {
      signal: new AbortController().signal,
      timeoutMs: 5_000,
      clock,
    });
    expect(server.requests.at(-1)).toBe(
      '/alertmanager/api/v2/alerts?active=true&silenced=true&inhibited=true',
    );
  });

  it('reports a 503 with its status text and the Retry-After it asked for', async () => {
    server.answer({ status: 503, headers: { 'retry-after': '120' }, body: 'overloaded' });
    const error = await failure(server.url);
    expect(error.kind).toBe('http');
    expect(error.message).toBe(
      `${server.url} answered HTTP 503 Service Unavailable — Alertmanager (or a proxy in front of it) is in trouble`,
    );
    expect(error.retryAfterMs).toBe(120_000);
  });

  it('reads a Retry-After given as an HTTP date against the clock', async () => {
    server.answer({ status: 429, headers: { 'retry-after': 'Sun, 01 Mar 2026 02:01:30 GMT' } });
    const error = await failure(server.url);
    expect(error.message).toBe(
      `${server.url} answered HTTP 429 Too Many Requests — it asks us to poll less often`,
    );
    expect(error.retryAfterMs).toBe(90_000);
  });

  it('says a 404 probably means the URL is not an Alertmanager', async () => {
    server.answer({ status: 404, body: '404 page not found' });
    const error = await failure(server.url);
    expect(error.message).toBe(
      `${server.url} answered HTTP 404 Not Found — is this the base URL of an Alertmanager (API v2)?`,
    );
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('gives up on a server that does not answer in time', async () => {
    server.answer('hang');
    const error = await failure(server.url, 300);
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(
      `no answer within 0.3 s from ${server.url} — is Alertmanager overloaded, or is a firewall dropping the connection?`,
    );
  });

  it('says when nothing listens on the port', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const error = await failure(url);
    expect(error.kind).toBe('connection');
    expect(error.message).toBe(
      `cannot connect to ${url}: connection refused — is Alertmanager running?`,
    );
  });

  it('says when the host name does not resolve', async () => {
    // .invalid never resolves (RFC 6761).
    const error = await failure('http://alertmanager.invalid:9093');
    expect(error.kind).toBe('dns');
    expect(error.message).toMatch(/^cannot (find|look up) host "alertmanager\.invalid"/);
  });

  it('refuses credentials in the URL without showing the password', async () => {
    const error = await failure('http://admin:s3cret@127.0.0.1:9093');
    expect(error.kind).toBe('config');
    expect(error.message).not.toContain('s3cret');
  });

  it('stops when its caller aborts, with the caller’s reason rather than a classified error', async () => {
    server.answer('hang');
    const controller = new AbortController();
    const pending = fetchAlertmanagerAlerts(server.url, {
      signal: controller.signal,
      timeoutMs: 5_000,
      clock,
    });
    const reason = new Error('source stopped');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });
});
