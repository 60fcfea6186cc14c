import fs from 'node:fs';
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

describe('settings calls', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const {
    server,
    settingsFile,
    startApp,
    call,
    value,
    statusOf,
    alertIds,
    refreshUntil,
    morePolls,
    ofChannel,
  } = kit;

  it('moves polling to a new source URL saved through settings:update', async () => {
    const before = await server(alertsBody(amAlert('old')));
    const after = await server(alertsBody(amAlert('new')));
    startApp({ sources: [prodSource(before.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toEqual([alertId('prod', 'old')]), WAIT);

    const view = await value('settings:update', { sources: [prodSource(after.url)] });
    expect(view.settings.sources[0]).toMatchObject({ url: after.url });

    await vi.waitFor(async () => expect(await alertIds()).toEqual([alertId('prod', 'new')]), WAIT);
    expect((await statusOf())?.url).toBe(after.url);

    const changed = ofChannel('settings:changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.payload.settings.sources[0]).toMatchObject({ url: after.url });
    expect(changed[0]?.payload.path).toBe(settingsFile());

    // Saved to the file, and read back by settings:get.
    const onDisk = JSON.parse(fs.readFileSync(settingsFile(), 'utf8')) as {
      sources: { url: string }[];
    };
    expect(onDisk.sources[0]?.url).toBe(after.url);
    expect((await value('settings:get', {})).settings.sources[0]).toMatchObject({ url: after.url });

    // The old Alertmanager is no longer asked.
    const oldCount = before.requests.length;
    await morePolls(after, 2);
    expect(before.requests.length).toBe(oldCount);
  });

  it('refuses a source URL that is not http(s), naming the field, and leaves the file alone', async () => {
    const am = await server();
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect((await statusOf())?.health).toBe('ok'), WAIT);
    const fileBefore = fs.readFileSync(settingsFile(), 'utf8');

    const result = await call('settings:update', {
      sources: [{ ...prodSource(am.url), url: 'javascript:alert(1)' }],
    });

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('sources.0.url');
    expect(result.error.issues?.some((issue) => issue.startsWith('sources.0.url:'))).toBe(true);
    expect(fs.readFileSync(settingsFile(), 'utf8')).toBe(fileBefore);
    expect((await value('settings:get', {})).settings.sources[0]).toMatchObject({ url: am.url });
    expect(ofChannel('settings:changed')).toEqual([]);
    expect((await statusOf())?.url).toBe(am.url);
  });

  it('stops notifying about new alerts once notifications are switched off', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(() => expect(kit.shown).toHaveLength(1), WAIT);

    await value('settings:update', { notifications: { enabled: false, minSeverity: 'sev4' } });
    am.answer(alertsBody(amAlert('a1'), amAlert('a2')));
    await refreshUntil(async () => expect(await alertIds()).toHaveLength(2));
    expect(kit.shown).toHaveLength(1);
  });

  it('on a first start without a settings file, writes one and watches the default address', async () => {
    startApp(null);

    const view = await value('settings:get', {});
    expect(view.path).toBe(settingsFile());
    expect(view.problem).toBeUndefined();
    expect(fs.existsSync(settingsFile())).toBe(true);
    expect(await statusOf('alertmanager')).toMatchObject({
      isDefault: true,
      url: 'http://127.0.0.1:9093',
    });
  });

  it('keeps a settings file that is not valid aside and says so in settings:get', async () => {
    fs.writeFileSync(settingsFile(), '{ "sources": [ { "kind": "alertmanager" ');
    startApp(null);

    const view = await value('settings:get', {});
    expect(view.problem?.keptAs).toMatch(/settings\.json\.invalid-/);
    expect(fs.existsSync(view.problem?.keptAs ?? '')).toBe(true);
    expect((await statusOf('alertmanager'))?.isDefault).toBe(true);
    expect(kit.logs.some((line) => line.includes('was not usable'))).toBe(true);
  });

  it('sends a test notification on request', async () => {
    startApp({});
    expect(await value('notifications:test', {})).toEqual({ delivered: true });
    expect(kit.shown).toHaveLength(1);
    expect(kit.shown[0]?.body).toMatch(/Test notification/);
  });
});
