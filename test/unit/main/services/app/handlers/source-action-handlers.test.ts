import { describe, expect, it, vi } from 'vitest';
import { alertId } from '../../../../../../src/shared/domain/alert';
import {
  APP_SERVICES_SUITE,
  WAIT,
  amAlert,
  alertsBody,
  prodSource,
  useAppServicesKit,
} from '../app-services-kit';

describe('alert actions and source tests', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call, value, alertIds } = kit;

  it('answers one result per alert, in the order asked, saying why each was not done', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)], profile: { name: 'Ada' } });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    const { results } = await value('alert:act', {
      alertIds: ['prod:nope', alertId('prod', 'a1'), 'prod:nope'],
      action: { type: 'resolve' },
    });

    expect(results).toEqual([
      { alertId: 'prod:nope', ok: false, error: expect.stringContaining('"prod:nope"') },
      { alertId: 'prod:a1', ok: false, error: 'Production cannot resolve alerts from this app.' },
    ]);
  });

  it('acknowledges at Alertmanager as the profile name, and says so before that acknowledgement lapses', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)], profile: { name: 'Ada' } });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    const { results } = await value('alert:act', {
      alertIds: [alertId('prod', 'a1')],
      action: { type: 'acknowledge', minutes: 8 },
    });
    expect(results).toEqual([{ alertId: 'prod:a1', ok: true }]);
    const [posted] = am.routed.filter((r) => r.method === 'POST');
    const silence = JSON.parse(posted?.body ?? '{}') as Record<string, unknown>;
    expect(silence).toMatchObject({
      createdBy: 'Ada',
      comment: 'ACK! Acknowledged in On-Call Companion by Ada',
      startsAt: '2026-03-01T02:00:00.000Z',
      endsAt: '2026-03-01T02:08:00.000Z',
    });

    // Alertmanager now reports the alert silenced by that acknowledgement, 8 minutes from its end.
    const muted = amAlert('a1');
    am.answer(
      alertsBody({
        ...muted,
        status: { state: 'suppressed', silencedBy: ['ack-1'], inhibitedBy: [] },
      }),
    );
    am.route('/api/v2/silences', {
      body: JSON.stringify([
        { ...silence, id: 'ack-1', status: { state: 'active' }, updatedAt: silence.startsAt },
      ]),
    });
    await vi.waitFor(() => {
      expect(kit.shown.map((n) => n.title)).toContain(
        'Acknowledgement of Alert-a1 ends in 8 min — it still fires',
      );
    }, WAIT);
  });

  it('refuses an action the contract does not know, before any source is asked', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    const before = am.requests.length;

    const result = await call('alert:act', {
      alertIds: ['prod:a1'],
      action: { type: 'acknowledge', minutes: 60 * 24 * 30 },
    });

    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(am.requests.length).toBe(before);
  });

  it('tests unsaved settings: the count and the first alerts, or the exact reason', async () => {
    const am = await server(
      alertsBody(...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((f) => amAlert(f))),
    );
    startApp({});

    const found = await value('source:test', { source: { ...prodSource(am.url), id: 'trial' } });
    expect(found).toMatchObject({ ok: true, count: 7 });
    expect(found.ok && found.sample.map((a) => a.id)).toHaveLength(5);
    // Tried, not saved: the settings still list no source.
    expect((await value('settings:get', {})).settings.sources).toEqual([]);

    am.answer({ status: 404, body: 'no' });
    expect(await value('source:test', { source: prodSource(am.url) })).toEqual({
      ok: false,
      error: expect.stringContaining('answered HTTP 404'),
    });
  });
});
