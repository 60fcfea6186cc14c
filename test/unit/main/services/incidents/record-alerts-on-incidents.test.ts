import { describe, expect, it, vi } from 'vitest';
import { alertId } from '../../../../../src/shared/domain/alert';
import {
  APP_SERVICES_SUITE,
  WAIT,
  amAlert,
  alertsBody,
  checkoutAlert,
  timelineOf,
  useAppServicesKit,
} from '../app/app-services-kit';

describe('recordAlertsOnIncidents, as the app runs it', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { call, value, morePolls, startWithAlerts } = kit;

  it("puts a source alert silenced, resolving and firing again on the incident's timeline in the source's name", async () => {
    const am = await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert);
    const { incident } = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });

    const silenced = {
      ...checkoutAlert,
      status: { state: 'suppressed', silencedBy: ['silence-1'], inhibitedBy: [] },
    };
    am.answer(alertsBody(silenced));
    await vi.waitFor(async () => {
      await value('source:refresh', { sourceId: 'prod' });
      const { incident: now } = await value('incident:get', { id: incident.id });
      expect(timelineOf({ incident: now })).toContain(
        'Alert silenced or inhibited at its source: HighErrorRate',
      );
    }, WAIT);
    // A minute later, so the entries' order does not hang on equal times.
    kit.now = new Date('2026-03-01T02:01:00.000Z');
    am.answer(alertsBody());
    await vi.waitFor(async () => {
      await value('source:refresh', { sourceId: 'prod' });
      const { incident: now } = await value('incident:get', { id: incident.id });
      expect(timelineOf({ incident: now })).toContain('Alert resolved: HighErrorRate');
    }, WAIT);
    am.answer(alertsBody({ ...checkoutAlert, startsAt: '2026-03-01T02:01:30.000Z' }));
    await vi.waitFor(async () => {
      await value('source:refresh', { sourceId: 'prod' });
      const { incident: now } = await value('incident:get', { id: incident.id });
      expect(timelineOf({ incident: now })).toContain('Alert fired again: HighErrorRate');
    }, WAIT);
    await morePolls(am, 2);

    const { incident: after } = await value('incident:get', { id: incident.id });
    const alertEntries = after.timeline.filter((e) => e.kind === 'alert');
    expect(alertEntries.map((e) => [e.text, e.author])).toEqual([
      ['Alert fired: HighErrorRate', 'Ana'],
      ['Alert silenced or inhibited at its source: HighErrorRate', 'Production'],
      ['Alert resolved: HighErrorRate', 'Production'],
      ['Alert fired again: HighErrorRate', 'Production'],
    ]);
  });

  it('adds an alert that fired later to the incident, once, and follows it', async () => {
    const latency = amAlert('l1', { alertname: 'HighLatency', service: 'payments' });
    const am = await startWithAlerts({ profile: { name: 'Ana' } }, checkoutAlert, latency);
    const { incident } = await value('incident:declare', { alertIds: [alertId('prod', 'c1')] });

    const attached = await value('incident:attachAlerts', {
      id: incident.id,
      alertIds: [alertId('prod', 'l1'), alertId('prod', 'c1')],
    });
    expect(attached.added).toBe(1);
    expect(attached.incident.sourceAlerts.map((a) => a.id)).toEqual([
      alertId('prod', 'c1'),
      alertId('prod', 'l1'),
    ]);
    expect(attached.incident.affectedServices).toEqual(['checkout', 'payments']);
    expect(timelineOf(attached)).toContain('Added to the incident: HighLatency');
    expect(
      (
        await value('incident:attachAlerts', {
          id: incident.id,
          alertIds: [alertId('prod', 'l1')],
        })
      ).added,
    ).toBe(0);

    const gone = await call('incident:attachAlerts', {
      id: incident.id,
      alertIds: ['prod:gone'],
    });
    expect(gone.ok ? undefined : gone.error.code).toBe('not-found');

    am.answer(alertsBody(checkoutAlert));
    await vi.waitFor(async () => {
      await value('source:refresh', { sourceId: 'prod' });
      const { incident: now } = await value('incident:get', { id: incident.id });
      expect(timelineOf({ incident: now })).toContain('Alert resolved: HighLatency');
    }, WAIT);
  });
});
