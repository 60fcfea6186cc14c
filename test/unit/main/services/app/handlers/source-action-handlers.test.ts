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
