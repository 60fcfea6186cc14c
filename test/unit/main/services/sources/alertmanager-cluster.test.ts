import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import { pollAlertmanagerCluster } from '../../../../../src/main/services/sources/alertmanager-cluster';
import type { AdapterContext } from '../../../../../src/main/services/sources/source-adapter';
import {
  alertmanagerSourceSchema,
  type AlertmanagerSourceConfig,
} from '../../../../../src/shared/domain/source';
import { freePort } from '../../../../support/free-port';
import { alertmanagerFixture } from './fixtures';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };
let token: string | undefined;
const context: AdapterContext = {
  clock,
  severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
  secret: async () => token,
};

const config = (url: string, extra: Partial<AlertmanagerSourceConfig> = {}) =>
  alertmanagerSourceSchema.parse({ kind: 'alertmanager', id: 'prod', name: 'Prod', url, ...extra });

const poll = (source: AlertmanagerSourceConfig) =>
  pollAlertmanagerCluster(source, context, new AbortController().signal);

/** A gettableAlert seen by one member, updated at `updatedAt`. */
const seen = (fingerprint: string, updatedAt: string, silencedBy: string[] = []) => ({
  labels: { alertname: `A-${fingerprint}`, severity: 'warning' },
  annotations: {},
  fingerprint,
  startsAt: '2026-03-01T01:00:00.000Z',
  updatedAt,
  endsAt: '2026-03-01T03:00:00.000Z',
  status: { state: silencedBy.length > 0 ? 'suppressed' : 'active', silencedBy, inhibitedBy: [] },
});

describe('pollAlertmanagerCluster', () => {
  let am1: ScriptedServer;
  let am2: ScriptedServer;
  beforeAll(async () => {
    [am1, am2] = await Promise.all([startScriptedServer(), startScriptedServer()]);
  });
  beforeEach(() => {
    token = undefined;
    for (const am of [am1, am2]) {
      am.answer({ body: '[]' });
      am.route('/api/v2/silences', { body: '[]' });
      am.requests.length = 0;
      am.routed.length = 0;
    }
  });
  afterAll(() => Promise.all([am1.close(), am2.close()]));

  it('says who silenced each alert, why and until when; acknowledgements and inhibitions apart', async () => {
    am1.answer({ body: alertmanagerFixture('alerts-muted.json') });
    am1.route('/api/v2/silences', { body: alertmanagerFixture('silences.json') });
    const { alerts, warning } = await poll(config(am1.url));
    expect(warning).toBeUndefined();
    const byName = Object.fromEntries(alerts.map((a) => [a.title, a]));
    expect(byName.CheckoutLatencyHigh).toMatchObject({
      status: 'suppressed',
      silences: [{ createdBy: 'maria@example.com', endsAt: '2026-03-01T04:00:00.000Z' }],
    });
    expect(byName.CheckoutLatencyHigh?.ack).toBeUndefined();
    expect(byName.PaymentsErrors?.ack).toMatchObject({ by: 'karma', via: 'source' });
    expect(byName.QueueBacklog?.ack).toMatchObject({
      by: 'Ada',
      until: '2026-03-01T02:55:00.000Z',
      ref: '0c0c0c0c-0000-4000-8000-0000000000a2',
    });
    expect(byName.BackupStale).toMatchObject({ inhibitedBy: ['0a74ac22130028d9'] });
    expect(byName.BackupStale?.silences).toBeUndefined();
    expect(am1.routed.map((r) => r.url)).toEqual(['/api/v2/silences?expired=false&pending=false']);
  });

  it('still shows the alerts when the silences cannot be read, and says what is missing', async () => {
    am1.answer({ body: alertmanagerFixture('alerts-muted.json') });
    am1.route('/api/v2/silences', { status: 500, body: 'boom' });
    const { alerts, warning } = await poll(config(am1.url));
    expect(alerts).toHaveLength(4);
    expect(alerts.every((a) => a.silences === undefined && a.ack === undefined)).toBe(true);
    expect(warning).toBe(
      `silences could not be read (${am1.url} answered HTTP 500 Internal Server Error — Alertmanager (or a proxy in front of it) is in trouble) — who silenced an alert, and acknowledgements, are not shown`,
    );
  });

  it('shows an alert two members know once, as the member that heard it last says', async () => {
    am1.answer({
      body: JSON.stringify([
        seen('aa', '2026-03-01T01:58:00.000Z'),
        seen('bb', '2026-03-01T01:58:00.000Z'),
      ]),
    });
    am2.answer({
      body: JSON.stringify([
        seen('aa', '2026-03-01T01:59:00.000Z', ['s-on-am2']),
        seen('cc', '2026-03-01T01:59:00.000Z'),
      ]),
    });
    // The silence reached am2 first (gossip is not instant): the union knows it.
    am2.route('/api/v2/silences', {
      body: JSON.stringify([
        {
          id: 's-on-am2',
          status: { state: 'active' },
          updatedAt: '2026-03-01T01:59:00.000Z',
          matchers: [{ name: 'alertname', value: 'A-aa', isRegex: false }],
          startsAt: '2026-03-01T01:59:00.000Z',
          endsAt: '2026-03-01T02:59:00.000Z',
          createdBy: 'Ada',
          comment: 'ACK! Acknowledged in On-Call Companion by Ada',
        },
      ]),
    });
    const { alerts, warning } = await poll(config(am1.url, { peerUrls: [am2.url] }));
    expect(warning).toBeUndefined();
    expect(alerts.map((a) => a.id).sort()).toEqual(['prod:aa', 'prod:bb', 'prod:cc']);
    expect(alerts.find((a) => a.id === 'prod:aa')).toMatchObject({
      status: 'suppressed',
      updatedAt: '2026-03-01T01:59:00.000Z',
      ack: { by: 'Ada', ref: 's-on-am2' },
    });
  });

  it('keeps the alerts of the members that answer, and says which do not, without failing', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    am1.answer({ body: JSON.stringify([seen('aa', '2026-03-01T01:58:00.000Z')]) });
    const { alerts, warning } = await poll(config(am1.url, { peerUrls: [down] }));
    expect(alerts.map((a) => a.id)).toEqual(['prod:aa']);
    expect(warning).toBe(
      `1 of 2 members answer; cannot connect to ${down}: connection refused — is Alertmanager running?`,
    );
  });

  it('fails only when no member answers, naming each', async () => {
    am1.answer({ status: 503, headers: { 'retry-after': '30' } });
    am2.answer({ status: 503, headers: { 'retry-after': '90' } });
    const failure = poll(config(am1.url, { peerUrls: [am2.url] }));
    await expect(failure).rejects.toThrow(
      `no member of the cluster answers: ${am1.url} answered HTTP 503 Service Unavailable — Alertmanager (or a proxy in front of it) is in trouble; ${am2.url} answered HTTP 503`,
    );
    await expect(failure).rejects.toMatchObject({ kind: 'http', retryAfterMs: 30_000 });
  });

  it('fails with the error of a single Alertmanager as it is', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    await expect(poll(config(down))).rejects.toThrow(
      `cannot connect to ${down}: connection refused — is Alertmanager running?`,
    );
  });

  it('sends the stored bearer token, and says so when none is stored', async () => {
    let authorization: string | undefined;
    am1.answer((req) => {
      authorization = req.headers.authorization;
      return { body: '[]' };
    });
    await expect(poll(config(am1.url, { auth: 'bearer' }))).rejects.toThrow(
      'Prod is set to send a bearer token, but none is stored — add it in Settings',
    );
    token = 's3cret-token';
    await poll(config(am1.url, { auth: 'bearer' }));
    expect(authorization).toBe('Bearer s3cret-token');
  });
});
