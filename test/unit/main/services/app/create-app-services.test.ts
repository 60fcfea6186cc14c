import { describe, expect, it, vi } from 'vitest';
import { createSourceManager } from '../../../../../src/main/services/sources/source-manager';
import { alertId } from '../../../../../src/shared/domain/alert';
import { alertmanagerSourceSchema } from '../../../../../src/shared/domain/source';
import {
  APP_SERVICES_SUITE,
  WAIT,
  NOW,
  amAlert,
  alertsBody,
  prodSource,
  checkoutAlert,
  timelineOf,
  useAppServicesKit,
} from './app-services-kit';

describe('createAppServices: events, reminders, stop and restart', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const {
    server,
    startApp,
    call,
    value,
    statusOf,
    alertIds,
    refreshUntil,
    morePolls,
    titles,
    ofChannel,
    startWithAlerts,
  } = kit;

  it('shows a firing alert, pushes it as added, and notifies about it exactly once', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    startApp({ sources: [prodSource(am.url)] });
    const id = alertId('prod', 'a1');

    await vi.waitFor(async () => expect(await alertIds()).toEqual([id]), WAIT);
    const [alert] = (await value('alerts:list', {})).alerts;
    expect(alert).toMatchObject({ sourceId: 'prod', status: 'firing', title: 'Alert-a1' });
    expect(kit.services?.tray.input().alerts.map((a) => a.id)).toEqual([id]);

    const changes = ofChannel('alerts:changed');
    expect(changes).toHaveLength(1);
    expect(changes[0]?.payload.added).toEqual([id]);
    expect(changes[0]?.payload.alerts.map((a) => a.id)).toEqual([id]);

    await vi.waitFor(() => expect(kit.shown).toHaveLength(1), WAIT);
    expect(kit.shown[0]?.title).toContain('Alert-a1');
    expect(kit.shown[0]?.body).toContain('Summary of a1');

    // The alert keeps firing over later polls: no second notification, no second event.
    await morePolls(am, 2);
    expect(kit.shown).toHaveLength(1);
    expect(ofChannel('alerts:changed')).toHaveLength(1);
    expect(am.requests.every((r) => r.startsWith('/api/v2/alerts?'))).toBe(true);
  });

  it('reports the source ok, says once when it stops answering and once when it is back', async () => {
    const am = await server(alertsBody());
    startApp({ sources: [prodSource(am.url)] });

    await vi.waitFor(async () => expect((await statusOf())?.health).toBe('ok'), WAIT);
    expect(await statusOf()).toMatchObject({
      name: 'Production',
      url: am.url,
      isDefault: false,
      failures: 0,
    });

    am.answer({ status: 503, body: 'upstream down' });
    await refreshUntil(async () => expect((await statusOf())?.failures).toBeGreaterThanOrEqual(3));
    const down = await statusOf();
    expect(down?.health).toBe('failing');
    expect(down?.reason).toContain('503');
    expect(down?.reason).toContain(am.url);
    expect(ofChannel('source:status').some((e) => e.payload.health === 'failing')).toBe(true);

    await vi.waitFor(
      () => expect(titles()).toEqual(['Not receiving alerts from Production']),
      WAIT,
    );
    expect(kit.shown[0]?.body).toContain('503');

    // Still failing: the user has been told; no notification per poll.
    await morePolls(am, 2);
    expect(titles()).toEqual(['Not receiving alerts from Production']);

    am.answer(alertsBody());
    await refreshUntil(async () => expect((await statusOf())?.health).toBe('ok'));
    expect((await statusOf())?.reason).toBeUndefined();
    await vi.waitFor(
      () =>
        expect(titles()).toEqual(['Not receiving alerts from Production', 'Production is back']),
      WAIT,
    );
    await morePolls(am, 2);
    expect(kit.shown).toHaveLength(2);
  });

  it('drops the poll under way on stop()', async () => {
    let dropped = false;
    const am = await server((req) => {
      req.socket.once('close', () => (dropped = true));
      return 'hang';
    });
    // The poll's own timeout lies far beyond the wait below: only stop() can end it in time.
    const app = startApp({ sources: [{ ...prodSource(am.url), timeoutSeconds: 120 }] });
    await vi.waitFor(() => expect(am.requests).toHaveLength(1), WAIT);

    await app.stop();
    kit.stopped = true;

    await vi.waitFor(() => expect(dropped).toBe(true), WAIT);
  });

  it('polls no more after stop()', async () => {
    const am = await server(alertsBody(amAlert('a1')));
    const app = startApp({ sources: [prodSource(am.url)] });
    await vi.waitFor(async () => expect(await alertIds()).toHaveLength(1), WAIT);

    await app.stop();
    kit.stopped = true;
    const eventsAtStop = kit.events.length;

    // A metronome polling at the same interval: once it has polled twice more, a full interval
    // has passed, so a poll the stopped services still had scheduled would have come.
    const metronome = await server();
    const ticker = createSourceManager({
      clock: kit.clock,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: () => {},
      onStatus: () => {},
    });
    kit.extraCleanup.push(() => ticker.stop());
    ticker.configure([
      alertmanagerSourceSchema.parse({ ...prodSource(metronome.url), timeoutSeconds: 10 }),
    ]);
    await vi.waitFor(() => expect(metronome.requests.length).toBeGreaterThanOrEqual(1), WAIT);
    // A request the last poll had written just before stop() is read by the server only after
    // stop() returned (it runs in this process, in turn); by the metronome's first one it has
    // been. From there on, none may come.
    const requestsAtStop = am.requests.length;
    const ticks = metronome.requests.length;

    // Nothing is left to refresh, by hand or after the machine wakes.
    expect((await call('source:refresh', { sourceId: 'prod' })).ok).toBe(false);
    app.refreshAll();
    await vi.waitFor(
      () => expect(metronome.requests.length).toBeGreaterThanOrEqual(ticks + 2),
      WAIT,
    );

    expect(am.requests.length).toBe(requestsAtStop);
    expect(kit.events.length).toBe(eventsAtStop);
  });

  it('keeps every incident and change across a restart of the services', async () => {
    await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);
    const first = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });
    kit.now = new Date(NOW.getTime() + 60_000);
    const second = await value('incident:declare', { title: 'Slow search', severity: 'sev3' });
    for (const [minute, text] of [
      [2, 'Rolled back checkout'],
      [3, 'Error rate falling'],
    ] as const) {
      kit.now = new Date(NOW.getTime() + minute * 60_000);
      await value('incident:apply', {
        id: first.incident.id,
        op: { type: 'timeline.add', args: { text } },
      });
    }
    kit.now = new Date(NOW.getTime() + 4 * 60_000);
    await value('incident:apply', {
      id: first.incident.id,
      op: { type: 'role.assign', args: { roleId: 'ic', holder: 'Bo' } },
    });
    const before = await value('incidents:list', {});
    const firstBefore = await value('incident:get', { id: first.incident.id });
    await kit.services?.stop();

    startApp(null);
    kit.stopped = false;

    const after = await value('incidents:list', {});
    expect(after).toEqual(before);
    expect(after.incidents.map((i) => i.id)).toEqual([first.incident.id, second.incident.id]);
    expect(after.incidents[0]?.commander).toBe('Bo');
    const firstAfter = await value('incident:get', { id: first.incident.id });
    expect(firstAfter).toEqual(firstBefore);
    expect(timelineOf(firstAfter)).toEqual([
      'Alert fired: HighErrorRate',
      'Declared SEV1: HighErrorRate',
      'Rolled back checkout',
      'Error rate falling',
      'Incident Commander: Bo',
    ]);
  });

  it('reminds once when a status update falls due', async () => {
    await startWithAlerts();
    await value('incident:declare', { title: 'Checkout errors', severity: 'sev2' });

    kit.now = new Date(NOW.getTime() + 29 * 60_000);
    kit.services?.refreshAll();
    await value('incidents:list', {});
    kit.now = new Date(NOW.getTime() + 31 * 60_000);
    kit.services?.refreshAll();

    await vi.waitFor(() => expect(titles()).toContain('Status update due: Checkout errors'), WAIT);
    kit.services?.refreshAll();
    await value('incidents:list', {});
    expect(titles().filter((t) => t.startsWith('Status update due'))).toHaveLength(1);
    expect(kit.shown.find((n) => n.title.startsWith('Status update'))?.body).toBe(
      '1 min late. Updates for this SEV2 incident go out every 30 min.',
    );
  });
});
