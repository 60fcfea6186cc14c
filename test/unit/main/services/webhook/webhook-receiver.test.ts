import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_WEBHOOK_BODY_BYTES,
  startWebhookReceiver,
  type PushDelivery,
  type PushTarget,
  type WebhookReceiver,
} from '../../../../../src/main/services/webhook/webhook-receiver';

const TOKEN = 'tok-0123456789abcdef';

interface Sent {
  method?: string;
  path?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
}

interface Answer {
  status: number;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

describe('startWebhookReceiver', () => {
  let receiver: WebhookReceiver;
  let delivered: { sourceId: string; body: unknown }[];
  let logs: string[];
  let deliver: (sourceId: string, body: unknown) => PushDelivery;

  const targets: Record<string, PushTarget> = {
    prod: { ok: true, token: async () => TOKEN },
    fresh: { ok: true, token: async () => undefined },
  };

  beforeEach(async () => {
    delivered = [];
    logs = [];
    deliver = (sourceId, body) => {
      delivered.push({ sourceId, body });
      return { ok: true, count: 2 };
    };
    receiver = await startWebhookReceiver(0, {
      target: (kind, sourceId) =>
        kind !== 'alertmanager'
          ? { ok: false, reason: `no such kind of source "${kind}"` }
          : (targets[sourceId] ?? { ok: false, reason: `no source "${sourceId}" takes pushes` }),
      deliver: (sourceId, body) => deliver(sourceId, body),
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
  });

  afterEach(async () => {
    await receiver.close();
  });

  /** A request as Alertmanager sends it, with any part replaced. */
  function send(sent: Sent = {}): Promise<Answer> {
    const body = sent.body ?? '{"version":"4"}';
    const headers: Record<string, string> = {
      host: `127.0.0.1:${receiver.port}`,
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    };
    for (const [name, value] of Object.entries(sent.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: receiver.port,
          method: sent.method ?? 'POST',
          path: sent.path ?? '/alertmanager/prod',
          headers,
          setHost: false,
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      if (headers['content-length'] === undefined) req.write(body);
      req.end(headers['content-length'] === undefined ? undefined : body);
    });
  }

  it('hands a valid push over and answers what it accepted', async () => {
    const answer = await send({ headers: { host: `localhost:${receiver.port}` } });
    expect([answer.status, answer.text]).toEqual([200, 'accepted 2 alerts\n']);
    expect(delivered).toEqual([{ sourceId: 'prod', body: { version: '4' } }]);
  });

  it('refuses a Host that is not this receiver (DNS rebinding)', async () => {
    const answer = await send({ headers: { host: `evil.example:${receiver.port}` } });
    expect([answer.status, answer.text]).toEqual([
      421,
      `Host "evil.example:${receiver.port}" is not this receiver; send to http://127.0.0.1:${receiver.port}/…\n`,
    ]);
    expect(delivered).toEqual([]);
    expect(logs).toEqual([
      `warn: Webhook: refused POST /alertmanager/prod: 421 Host "evil.example:${receiver.port}" is not this receiver; send to http://127.0.0.1:${receiver.port}/…`,
    ]);
  });

  it('refuses a path that names no source, and a source that takes no pushes', async () => {
    expect(await send({ path: '/api/v2/alerts' })).toMatchObject({
      status: 404,
      text: 'no such path; pushes go to /alertmanager/<source id>\n',
    });
    expect(await send({ path: '/alertmanager/staging' })).toMatchObject({
      status: 404,
      text: 'no source "staging" takes pushes\n',
    });
    expect(await send({ path: '/pagerduty/prod' })).toMatchObject({
      status: 404,
      text: 'no such kind of source "pagerduty"\n',
    });
  });

  it('refuses anything but POST, saying which method is allowed', async () => {
    const answer = await send({ method: 'GET', body: '' });
    expect([answer.status, answer.text, answer.headers.allow]).toEqual([
      405,
      'only POST is accepted here\n',
      'POST',
    ]);
  });

  it('refuses a push without a token, with a wrong one, and before a token was made', async () => {
    const missing = await send({ headers: { authorization: undefined } });
    expect([missing.status, missing.text, missing.headers['www-authenticate']]).toEqual([
      401,
      'a bearer token is required (Authorization: Bearer <token>)\n',
      'Bearer',
    ]);
    const basic = await send({ headers: { authorization: `Basic ${TOKEN}` } });
    expect(basic.status).toBe(401);
    const wrong = await send({ headers: { authorization: `Bearer ${TOKEN}x` } });
    expect([wrong.status, wrong.text]).toEqual([401, 'wrong token for source "prod"\n']);
    const fresh = await send({ path: '/alertmanager/fresh' });
    expect([fresh.status, fresh.text]).toEqual([
      401,
      `no token has been made for source "fresh"; make one in the app's Settings\n`,
    ]);
    expect(delivered).toEqual([]);
    // The presented token is never written to the log.
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('refuses a body that is not declared JSON', async () => {
    const answer = await send({ headers: { 'content-type': 'text/plain' } });
    expect([answer.status, answer.text]).toEqual([
      415,
      'the body must be JSON (Content-Type: application/json)\n',
    ]);
    const charset = await send({ headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.status).toBe(200);
  });

  it('refuses a body without a length, and one over 1 MiB, without reading it', async () => {
    const chunked = await send({
      headers: { 'content-length': undefined, 'transfer-encoding': 'chunked' },
    });
    expect([chunked.status, chunked.text]).toEqual([411, 'Content-Length is required\n']);
    // Refused on the declared length: the receiver answers before any of the body arrives.
    const big = await send({
      headers: { 'content-length': String(MAX_WEBHOOK_BODY_BYTES + 1) },
      body: '{',
    });
    expect([big.status, big.text]).toEqual([413, 'the body is over 1 MiB\n']);
    expect(delivered).toEqual([]);
  });

  it('refuses a body that is not JSON, and one the source cannot read, saying what was wrong', async () => {
    const broken = await send({ body: '{"version":' });
    expect(broken.status).toBe(400);
    expect(broken.text).toMatch(/^the body is not JSON: .+\n$/);

    deliver = () => ({ ok: false, error: 'alerts[0].fingerprint: missing (expected string)' });
    const invalid = await send();
    expect([invalid.status, invalid.text]).toEqual([
      400,
      'alerts[0].fingerprint: missing (expected string)\n',
    ]);
  });

  it('says which port is taken when it cannot listen', async () => {
    await expect(
      startWebhookReceiver(receiver.port, { target: () => ({ ok: false, reason: '' }), deliver }),
    ).rejects.toThrow(
      `port ${receiver.port} on 127.0.0.1 is taken by another program; choose another webhook port in Settings`,
    );
  });
});
