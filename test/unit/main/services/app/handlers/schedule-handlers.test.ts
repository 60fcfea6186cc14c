import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startFaultServer, type FaultServer } from '../../../../../support/fault-server';
import { memorySecretStore } from '../../../../../support/memory-secret-store';
import { startPageReceiver, type PageReceiver } from '../../../../../support/page-receiver';
import { icsFixture, NOW as ICS_NOW } from '../../schedules/ics-fixtures';
import {
  APP_SERVICES_SUITE,
  WAIT,
  alertsBody,
  amAlert,
  prodSource,
  useAppServicesKit,
} from '../app-services-kit';

const CALENDAR = { 'content-type': 'text/calendar; charset=utf-8' };

// NOW is Sunday 1 March 2026, 03:00 in Berlin: Ana has the week from Monday 23 February.
const platform = {
  id: 'platform',
  name: 'Platform',
  timeZone: 'Europe/Berlin',
  layers: {
    primary: { kind: 'rotation' as const, participants: ['Ana', 'Ben'], startDate: '2026-02-23' },
    secondary: { kind: 'rotation' as const, participants: ['Ben', 'Ana'], startDate: '2026-02-23' },
  },
};

describe('schedules:onCall in the running app', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { startApp, value, call, ofChannel } = kit;

  it('answers who is on call now and next per layer, and my next shift by the profile name', async () => {
    startApp({ profile: { name: 'Ben' }, schedules: { list: [platform] } });
    const summary = await value('schedules:onCall', {});
    expect(
      summary.schedules[0]?.layers.map((l) => [l.layer, l.now?.person, l.next?.person]),
    ).toEqual([
      ['primary', 'Ana', 'Ben'],
      ['secondary', 'Ben', 'Ana'],
    ]);
    expect(summary.myNext).toMatchObject({
      scheduleName: 'Platform',
      layer: 'primary',
      shift: { start: Date.parse('2026-03-02T08:00:00Z') },
    });
    expect(summary.mineNow).toMatchObject([{ layer: 'secondary' }]);
    // The tray says it too, as one line, once the scheduler has opened its file.
    await vi.waitFor(() =>
      expect(kit.services?.tray.input().onCall).toBe('You are on call (secondary, Platform)'),
    );
  });

  it('names who is on call in the tray, and nothing there without schedules', async () => {
    startApp({ profile: { name: 'Cy' } });
    await vi.waitFor(() => expect(() => kit.services?.tray.input()).not.toThrow());
    expect(kit.services?.tray.input().onCall).toBeUndefined();
    await value('settings:update', { schedules: { list: [platform] } });
    expect(kit.services?.tray.input().onCall).toBe('On call: Ana (Platform)');
  });

  it('refuses bad schedules with the reason and pushes schedules:changed for good ones', async () => {
    startApp({ profile: { name: 'Ben' } });
    const bad = await call('settings:update', {
      schedules: { list: [{ ...platform, timeZone: 'Mars/Olympus' }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('"Mars/Olympus" is not a known time zone');
    expect((await value('schedules:onCall', {})).schedules).toEqual([]);

    await value('settings:update', { schedules: { list: [platform] } });
    const pushed = ofChannel('schedules:changed').at(-1)?.payload;
    expect(pushed?.schedules[0]?.layers[0]?.now?.person).toBe('Ana');
  });
});

describe('iCalendar feed layers in the running app', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { startApp, value } = kit;
  let feedServer: FaultServer;
  let receiver: PageReceiver;
  beforeEach(async () => {
    feedServer = await startFaultServer();
    feedServer.serve({ headers: CALENDAR, body: icsFixture('pagerduty.ics') });
    receiver = await startPageReceiver();
    // Tuesday 20 October 2026: Ravi Kumar has PagerDuty's week from Monday 16:00 UTC.
    kit.now = new Date(ICS_NOW);
  });
  afterEach(async () => {
    await receiver.close();
    await feedServer.close();
  });

  const feedUrl = () => `${feedServer.url}/private/0123456789abcdef/feed/P7ZVR1U`;
  const fromFeed = () => ({
    id: 'platform',
    name: 'Platform',
    timeZone: 'Europe/Berlin',
    layers: { primary: { kind: 'ics' as const, url: feedUrl() } },
  });
  /** The same schedule saved with its feed's URL not stored yet (`pd-platform`). */
  const storedFeed = () => ({
    ...fromFeed(),
    layers: {
      primary: { kind: 'ics' as const, feed: 'pd-platform', shownAs: 'http://feeds.test/…' },
    },
  });
  const primaryNow = async () =>
    (await value('schedules:onCall', {})).schedules[0]?.layers[0]?.now?.person;

  it('answers the person a served feed has on call, and forgets the feed with its schedule', async () => {
    startApp({ profile: { name: 'Ben' }, schedules: { list: [fromFeed()] } });
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);
    // Pushed too, once the feed was read: the renderer's On call line follows.
    await vi.waitFor(
      () =>
        expect(
          kit.ofChannel('schedules:changed').at(-1)?.payload.schedules[0]?.layers[0]?.now?.person,
        ).toBe('Ravi Kumar'),
      WAIT,
    );
    expect(feedServer.requests).toEqual(['/private/0123456789abcdef/feed/P7ZVR1U']);
    // The layer says how its feed is doing, never with the secret part of its URL.
    const layer = (await value('schedules:onCall', {})).schedules[0]?.layers[0];
    expect(layer?.feed).toMatchObject({ ok: true, pending: false, shiftCount: 3 });
    expect(JSON.stringify(layer?.feed)).not.toContain('0123456789abcdef');
    const copies = () => fs.readdirSync(path.join(kit.home, 'schedules'));
    expect(copies()).toHaveLength(1);

    await value('settings:update', { schedules: { list: [] } });
    await vi.waitFor(() => expect(copies()).toEqual([]), WAIT);
  });

  it('moves a plain feed URL out of settings.json into the secret store, and sweeps it with its layer', async () => {
    const secrets = memorySecretStore();
    kit.secretStore = secrets;
    startApp({ schedules: { list: [fromFeed()] } });
    await vi.waitFor(
      () => expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain('0123456789abcdef'),
      WAIT,
    );
    const layer = JSON.parse(fs.readFileSync(kit.settingsFile(), 'utf8')).schedules.list[0].layers
      .primary;
    expect(layer).toEqual({
      kind: 'ics',
      feed: expect.any(String),
      shownAs: `${new URL(feedServer.url).protocol}//${new URL(feedServer.url).host}/…`,
    });
    expect(await secrets.get(`schedule-feed:${layer.feed}`)).toBe(feedUrl());
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);

    await value('settings:update', { schedules: { list: [] } });
    await vi.waitFor(async () => expect(await secrets.keys()).toEqual([]), WAIT);
  });

  it('keeps a plain feed URL working when the secret store cannot take it, and says so', async () => {
    const secrets = memorySecretStore();
    kit.secretStore = {
      ...secrets,
      set: async () => {
        throw new Error('safeStorage is not available');
      },
    };
    startApp({ schedules: { list: [fromFeed()] } });
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);
    await vi.waitFor(
      () =>
        expect(kit.logs).toContain(
          "warn: Schedules: a feed's URL stays in settings.json, the secret store did not take it: safeStorage is not available",
        ),
      WAIT,
    );
  });

  it('takes a saved feed layer’s URL through schedules:setFeedUrl, never into settings', async () => {
    startApp({ schedules: { list: [storedFeed()] } });
    // Saved without its URL yet: nobody on call, and the layer says why.
    await vi.waitFor(async () => {
      const layer = (await value('schedules:onCall', {})).schedules[0]?.layers[0];
      expect(layer?.feed?.error).toBe(
        'no URL is stored for this feed here; enter it in Settings → Schedules',
      );
      expect(layer?.now).toBeUndefined();
    }, WAIT);

    const unknown = await kit.call('schedules:setFeedUrl', { feed: 'nope', url: feedUrl() });
    expect(unknown.ok || unknown.error.code).toBe('not-found');
    const bad = await kit.call('schedules:setFeedUrl', {
      feed: 'pd-platform',
      url: 'ftp://feeds.test/x.ics',
    });
    expect(bad.ok).toBe(false);

    const answer = await value('schedules:setFeedUrl', { feed: 'pd-platform', url: feedUrl() });
    expect(answer.shownAs).not.toContain('0123456789abcdef');
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain('0123456789abcdef');
  });

  it('reads a feed again on schedules:readFeed: a swapped shift is on call at once', async () => {
    startApp({ schedules: { list: [storedFeed()] } });
    const unknown = await kit.call('schedules:readFeed', { feed: 'nope' });
    expect(unknown.ok || unknown.error.code).toBe('not-found');
    // Saved, its URL not stored yet: nothing to read.
    const unstored = await kit.call('schedules:readFeed', { feed: 'pd-platform' });
    expect(unstored.ok || unstored.error.code).toBe('not-found');
    await value('schedules:setFeedUrl', { feed: 'pd-platform', url: feedUrl() });
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);

    // The team swapped this week's shift in PagerDuty: read now, not at the next hourly read.
    feedServer.serve({
      headers: CALENDAR,
      body: icsFixture('pagerduty.ics').replaceAll('Ravi Kumar', 'Mia Wong'),
    });
    const read = await value('schedules:readFeed', { feed: 'pd-platform' });
    expect(read).toMatchObject({ ok: true, pending: false, shiftCount: 3 });
    expect(await primaryNow()).toBe('Mia Wong');
    await vi.waitFor(
      () =>
        expect(
          kit.ofChannel('schedules:changed').at(-1)?.payload.schedules[0]?.layers[0]?.now?.person,
        ).toBe('Mia Wong'),
      WAIT,
    );

    // Down: the answer says why, and the last good copy keeps serving.
    feedServer.serve({ status: 503, body: 'maintenance' });
    const down = await value('schedules:readFeed', { feed: 'pd-platform' });
    expect(down).toMatchObject({ ok: false, usingLastGoodSince: expect.any(Number) });
    expect(down.error).toMatch(/503/);
    expect(await primaryNow()).toBe('Mia Wong');
  });

  it('pages the feed’s person when an escalation level targets the schedule', async () => {
    const am = await kit.server();
    startApp({
      sources: [prodSource(am.url)],
      schedules: { list: [fromFeed()] },
      escalation: {
        people: [{ id: 'ravi', name: 'Ravi Kumar', channel: 'ravi-hook' }],
        channels: [{ kind: 'webhook', id: 'ravi-hook', name: 'Ravi’s webhook' }],
        policies: [
          {
            id: 'platform',
            name: 'Platform on call',
            levels: [{ delayMinutes: 5, targets: [{ kind: 'schedule', id: 'platform' }] }],
          },
        ],
        rules: [],
        defaultPolicy: 'platform',
      },
    });
    await value('channel:setSecret', { channelId: 'ravi-hook', secret: `${receiver.url}/ravi` });
    await vi.waitFor(async () => expect(await primaryNow()).toBe('Ravi Kumar'), WAIT);

    const at = kit.now.toISOString();
    am.answer(
      alertsBody({
        ...amAlert('f1', { alertname: 'QueueStuck', severity: 'warning' }),
        startsAt: at,
        updatedAt: at,
        endsAt: new Date(kit.now.getTime() + 3600_000).toISOString(),
      }),
    );
    await kit.refreshUntil(() => expect(receiver.received).toHaveLength(1));
    expect(JSON.stringify(receiver.received[0]?.body)).toContain('QueueStuck');
    await vi.waitFor(async () => {
      const view = await value('alert:escalation', { alertId: 'prod:f1' });
      expect(view.actions).toMatchObject([
        { level: 1, target: 'Ravi Kumar (on call in platform) via Ravi’s webhook', result: 'sent' },
      ]);
    }, WAIT);
  });
});
