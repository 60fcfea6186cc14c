import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import { actOnAlertmanager } from '../../../../../src/main/services/sources/alertmanager-actions';
import type { AdapterContext } from '../../../../../src/main/services/sources/source-adapter';
import type { Alert, AlertSilence } from '../../../../../src/shared/domain/alert';
import type { AlertAction } from '../../../../../src/shared/domain/alert-action';
import {
  alertmanagerSourceSchema,
  type AlertmanagerSourceConfig,
} from '../../../../../src/shared/domain/source';
import { freePort } from '../../../../support/free-port';
import { ALERTMANAGER_SPEC_PATH, specProblems } from './openapi-check';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const NOW = '2026-03-01T02:00:00.000Z';
const clock: Clock = { now: () => new Date(NOW) };
const context: AdapterContext = {
  clock,
  severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
  secret: async () => undefined,
};

const config = (url: string, extra: Partial<AlertmanagerSourceConfig> = {}) =>
  alertmanagerSourceSchema.parse({ kind: 'alertmanager', id: 'prod', name: 'Prod', url, ...extra });

const ackSilence: AlertSilence = {
  id: 'ack-1',
  createdBy: 'Ada',
  comment: 'ACK! Acknowledged in On-Call Companion by Ada',
  startsAt: '2026-03-01T01:55:00.000Z',
  endsAt: '2026-03-01T02:05:00.000Z',
};
const maintenance: AlertSilence = {
  id: 'maint-1',
  createdBy: 'maria',
  comment: 'maintenance window',
  startsAt: '2026-03-01T01:00:00.000Z',
  endsAt: '2026-03-01T05:00:00.000Z',
};

function alert(fingerprint: string, extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${fingerprint}`,
    sourceId: 'prod',
    fingerprint,
    status: 'firing',
    severity: 'sev2',
    title: `Alert ${fingerprint}`,
    labels: { severity: 'warning', alertname: `Alert-${fingerprint}`, instance: 'db-1:9100' },
    annotations: {},
    startsAt: '2026-03-01T01:00:00.000Z',
    ...extra,
  };
}

const acked = (fingerprint: string, silences: AlertSilence[] = [ackSilence]) =>
  alert(fingerprint, {
    status: 'suppressed',
    silences,
    ack: {
      by: 'Ada',
      at: ackSilence.startsAt,
      via: 'source',
      until: ackSilence.endsAt,
      ref: 'ack-1',
    },
  });

describe('actOnAlertmanager', () => {
  let am: ScriptedServer;
  beforeAll(async () => {
    am = await startScriptedServer();
  });
  beforeEach(() => {
    am.routed.length = 0;
    am.route('/api/v2/silences', { body: '{"silenceID":"new-1"}' });
    am.route('/api/v2/silence/', { body: '' });
  });
  afterAll(() => am.close());

  const act = (
    alerts: Alert[],
    action: AlertAction,
    source: AlertmanagerSourceConfig = config(am.url),
  ) =>
    actOnAlertmanager(
      source,
      alerts,
      { action, actor: 'Ada', signal: new AbortController().signal },
      context,
    );
  const posted = () =>
    am.routed.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as unknown);

  it('acknowledges with a silence on the exact label set, by the actor, for the configured time', async () => {
    await act([alert('a1')], { type: 'acknowledge' }, config(am.url, { ackMinutes: 45 }));
    const silence = {
      matchers: [
        { name: 'alertname', value: 'Alert-a1', isRegex: false, isEqual: true },
        { name: 'instance', value: 'db-1:9100', isRegex: false, isEqual: true },
        { name: 'severity', value: 'warning', isRegex: false, isEqual: true },
      ],
      startsAt: NOW,
      endsAt: '2026-03-01T02:45:00.000Z',
      createdBy: 'Ada',
      comment: 'ACK! Acknowledged in On-Call Companion by Ada',
    };
    expect(posted()).toEqual([silence]);
    expect(specProblems(ALERTMANAGER_SPEC_PATH, 'postableSilence', silence)).toEqual([]);
    expect(am.routed[0]?.url).toBe('/api/v2/silences');
  });

  it('acknowledges for as long as the person asked, one silence per alert', async () => {
    await act([alert('a1'), alert('a2')], { type: 'acknowledge', minutes: 240 });
    expect(posted()).toEqual([
      expect.objectContaining({ endsAt: '2026-03-01T06:00:00.000Z' }),
      expect.objectContaining({ endsAt: '2026-03-01T06:00:00.000Z' }),
    ]);
  });

  it('silences on the given matchers once, or on each exact label set, with the comment', async () => {
    const comment = 'Known issue, fix deploying';
    await act([alert('a1'), alert('a2')], {
      type: 'silence',
      minutes: 60,
      comment,
      matchers: { instance: 'db-1:9100' },
    });
    expect(posted()).toEqual([
      {
        matchers: [{ name: 'instance', value: 'db-1:9100', isRegex: false, isEqual: true }],
        startsAt: NOW,
        endsAt: '2026-03-01T03:00:00.000Z',
        createdBy: 'Ada',
        comment,
      },
    ]);
    am.routed.length = 0;
    await act([alert('a1')], { type: 'silence', minutes: 60, comment });
    expect(posted()).toEqual([
      expect.objectContaining({
        comment,
        matchers: expect.arrayContaining([
          { name: 'alertname', value: 'Alert-a1', isRegex: false, isEqual: true },
        ]) as unknown,
      }),
    ]);
  });

  it('un-acknowledges by expiring the acknowledgement silences only, each once', async () => {
    await act([acked('a1', [ackSilence, maintenance]), acked('a2')], { type: 'unacknowledge' });
    expect(am.routed.map((r) => `${r.method} ${r.url}`)).toEqual(['DELETE /api/v2/silence/ack-1']);
  });

  it('refuses to un-acknowledge or extend an alert that is not acknowledged, saying which', async () => {
    await expect(
      act([alert('a1', { silences: [maintenance] })], { type: 'unacknowledge' }),
    ).rejects.toThrow('cannot un-acknowledge "Alert a1": it is not acknowledged');
    await expect(act([alert('a1')], { type: 'extend', minutes: 30 })).rejects.toThrow(
      'cannot extend "Alert a1": it is not acknowledged',
    );
    expect(am.routed).toEqual([]);
  });

  it('extends by posting the acknowledgement silence again with the same id and a later end', async () => {
    const stored = {
      id: 'ack-1',
      status: { state: 'active' },
      updatedAt: '2026-03-01T01:55:00.000Z',
      matchers: [{ name: 'alertname', value: 'Alert-a1', isRegex: false, isEqual: true }],
      startsAt: '2026-03-01T01:55:00.123Z',
      endsAt: '2026-03-01T02:05:00.000Z',
      createdBy: 'Ada',
      comment: 'ACK! Acknowledged in On-Call Companion by Ada',
    };
    am.route('/api/v2/silence/', { body: JSON.stringify(stored) });
    await act([acked('a1')], { type: 'extend', minutes: 30 });
    expect(am.routed.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v2/silence/ack-1',
      'POST /api/v2/silences',
    ]);
    const { status: _status, updatedAt: _updated, ...rest } = stored;
    expect(posted()).toEqual([{ ...rest, endsAt: '2026-03-01T02:30:00.000Z' }]);

    // An extension never shortens: 10 minutes from now is earlier than the current end.
    am.route('/api/v2/silence/', {
      body: JSON.stringify({ ...stored, endsAt: '2026-03-01T03:00:00.000Z' }),
    });
    am.routed.length = 0;
    await act([acked('a1')], { type: 'extend', minutes: 10 });
    expect(posted()).toEqual([expect.objectContaining({ endsAt: '2026-03-01T03:00:00.000Z' })]);
  });

  it("passes Alertmanager's reason for a refusal on, cut to a readable length", async () => {
    am.route('/api/v2/silences', {
      status: 400,
      body: JSON.stringify("Failed to create silence: end time can't be in the past"),
    });
    await expect(act([alert('a1')], { type: 'acknowledge' })).rejects.toThrow(
      `${am.url} answered HTTP 400 Bad Request: Failed to create silence: end time can't be in the past`,
    );
    am.route('/api/v2/silences', { status: 400, body: 'x'.repeat(5000) });
    const error = await act([alert('a1')], { type: 'acknowledge' }).catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `${am.url} answered HTTP 400 Bad Request: ${'x'.repeat(300)}…`,
    );
  });

  it('reads the reason out of an API validation error', async () => {
    am.route('/api/v2/silence/', {
      status: 422,
      body: '{"code":601,"message":"silenceID in path must be of type uuid: \\"ack-1\\""}',
    });
    await expect(act([acked('a1')], { type: 'unacknowledge' })).rejects.toThrow(
      `${am.url} answered HTTP 422 Unprocessable Entity: silenceID in path must be of type uuid: "ack-1"`,
    );
  });

  it('says how many went through when only some did', async () => {
    let calls = 0;
    am.route('/api/v2/silences', () =>
      ++calls === 2 ? { status: 500, body: 'disk full' } : { body: '{}' },
    );
    await expect(
      act([alert('a1'), alert('a2'), alert('a3')], { type: 'acknowledge' }),
    ).rejects.toThrow(
      `acknowledged 2 of 3; the rest failed: ${am.url} answered HTTP 500 Internal Server Error: disk full`,
    );
  });

  it('tries the next member when one is in trouble (5xx), not when it refuses the silence (4xx)', async () => {
    const troubled = await startScriptedServer();
    try {
      troubled.route('/api/v2/silences', { status: 503, body: 'overloaded' });
      await act(
        [alert('a1')],
        { type: 'acknowledge' },
        config(troubled.url, { peerUrls: [am.url] }),
      );
      expect(posted()).toHaveLength(1);

      troubled.route('/api/v2/silences', { status: 400, body: '"bad matchers"' });
      am.routed.length = 0;
      await expect(
        act([alert('a1')], { type: 'acknowledge' }, config(troubled.url, { peerUrls: [am.url] })),
      ).rejects.toThrow(`${troubled.url} answered HTTP 400 Bad Request: bad matchers`);
      expect(posted()).toEqual([]);
    } finally {
      await troubled.close();
    }
  });

  it('goes to the first member of the cluster that answers', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    await act(
      [alert('a1'), alert('a2')],
      { type: 'acknowledge' },
      config(down, { peerUrls: [am.url] }),
    );
    expect(posted()).toHaveLength(2);
  });
});
