import { describe, expect, it, vi } from 'vitest';
import { alertId } from '../../../../../../src/shared/domain/alert';
import { DEFAULT_ALERTMANAGER_URL } from '../../../../../../src/shared/domain/source';
import {
  APP_SERVICES_SUITE,
  WAIT,
  amAlert,
  alertsBody,
  prodSource,
  useAppServicesKit,
} from '../app-services-kit';

describe('alert and source calls', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call, value, statusOf, alertIds, refreshUntil } = kit;

  it('keeps the alerts it has while the source fails', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    am.answer({ status: 503 });
    await refreshUntil(async () => expect((await statusOf())?.failures).toBeGreaterThanOrEqual(3));
    expect(await alertIds()).toEqual([alertId('prod', 'a1')]);
    expect((await statusOf())?.activeAlerts).toBe(1);
  });

  it('answers not-found when refreshing a source that does not exist', async () => {
    const am = await server();
    startApp({ sources: [prodSource(am.url)] });

    const result = await call('source:refresh', { sourceId: 'staging' });

    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('"staging"') },
    });
    expect(await value('source:refresh', { sourceId: 'prod' })).toEqual({ sourceId: 'prod' });
  });

  it("watches Alertmanager's default address when no source is configured", async () => {
    startApp({});

    const { sources } = await value('sources:list', {});

    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({ isDefault: true, url: DEFAULT_ALERTMANAGER_URL });
    expect(DEFAULT_ALERTMANAGER_URL).toBe('http://127.0.0.1:9093');
    // The fallback is not written into the user's settings.
    expect((await value('settings:get', {})).settings.sources).toEqual([]);
  });
});
