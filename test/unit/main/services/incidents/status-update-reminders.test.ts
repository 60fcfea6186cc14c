import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createStatusUpdateReminders,
  type StatusUpdateReminders,
} from '../../../../../src/main/services/incidents/status-update-reminders';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';
import type { SeverityScale } from '../../../../../src/shared/domain/severity';
import { applyIncidentOp, type IncidentOp } from '../../../../../src/shared/incident/apply-op';
import { createIncident } from '../../../../../src/shared/incident/create-incident';
import { readIncident } from '../../../../../src/shared/incident/read-incident';
import type { IncidentSnapshot } from '../../../../../src/shared/incident/schema';
import * as Y from 'yjs';
import { manualClock, type ManualClock } from './incident-store-kit';

/** One incident document the test changes as a person would; `snapshot()` reads it. */
function incident(clock: ManualClock, id: string, title: string, severity: 'sev1' | 'sev2') {
  const doc = new Y.Doc();
  const ctx = () => ({ now: clock.now(), actor: 'alice' });
  createIncident(doc, { id, title, severity }, ctx());
  return {
    apply: (op: IncidentOp) => applyIncidentOp(doc, op, ctx()),
    snapshot: (): IncidentSnapshot => readIncident(doc),
  };
}

describe('status update reminders', () => {
  let reminders: StatusUpdateReminders | undefined;
  afterEach(() => reminders?.stop());

  function setup(options: { enabled?: () => boolean; fail?: boolean; scale?: SeverityScale } = {}) {
    const clock = manualClock();
    const shown: AppNotification[] = [];
    const logs: string[] = [];
    const notifier: Notifier = {
      async notify(notification) {
        if (options.fail) throw new Error('no notification daemon');
        shown.push(notification);
      },
    };
    const incidents: { snapshot(): IncidentSnapshot }[] = [];
    reminders = createStatusUpdateReminders({
      clock,
      notifier,
      enabled: options.enabled ?? (() => true),
      incidents: () => incidents.map((i) => i.snapshot()),
      severityScale: () => options.scale ?? 'sev1-4',
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    const check = reminders.check;
    return { clock, shown, logs, incidents, check };
  }

  it('reminds once when the update falls due, not before, and not again for the same due time', async () => {
    const { clock, shown, incidents, check } = setup();
    incidents.push(incident(clock, 'inc-1', 'Checkout errors', 'sev2')); // due in 30 min

    clock.advance(29);
    await check();
    expect(shown).toEqual([]);

    clock.advance(1);
    await check();
    expect(shown).toEqual([
      {
        title: 'Status update due: Checkout errors',
        body: 'Due now. Updates for this SEV2 incident go out every 30 min.',
        urgency: 'normal',
      },
    ]);

    clock.advance(7);
    await check();
    await check();
    expect(shown).toHaveLength(1);
  });

  it('says how late the update is when it is first noticed late (after sleep, or at start)', async () => {
    const { clock, shown, incidents, check } = setup({ scale: 'p0-p3' });
    incidents.push(incident(clock, 'inc-1', 'Payments down', 'sev1')); // due in 15 min
    clock.advance(15 + 72);

    await check();

    expect(shown).toEqual([
      {
        title: 'Status update due: Payments down',
        body: '1 h 12 min late. Updates for this P0 incident go out every 15 min.',
        urgency: 'critical',
      },
    ]);
  });

  it('reminds again for the next due time once an update has been posted', async () => {
    const { clock, shown, incidents, check } = setup();
    const inc = incident(clock, 'inc-1', 'Checkout errors', 'sev2');
    incidents.push(inc);
    clock.advance(31);
    await check();
    inc.apply({ type: 'status-update.post', args: { text: 'Still investigating' } }); // due +30

    clock.advance(29);
    await check();
    expect(shown).toHaveLength(1);

    clock.advance(2);
    await check();
    expect(shown.map((n) => n.body)).toEqual([
      '1 min late. Updates for this SEV2 incident go out every 30 min.',
      '1 min late. Updates for this SEV2 incident go out every 30 min.',
    ]);
  });

  it('reminds for each incident on its own, and never for a resolved one', async () => {
    const { clock, shown, incidents, check } = setup();
    const resolved = incident(clock, 'inc-1', 'Resolved one', 'sev1');
    resolved.apply({ type: 'lifecycle.set', args: { status: 'resolved' } });
    incidents.push(resolved, incident(clock, 'inc-2', 'Open one', 'sev1'));
    clock.advance(5);
    incidents.push(incident(clock, 'inc-3', 'Later one', 'sev1'));

    clock.advance(10);
    await check();
    expect(shown.map((n) => n.title)).toEqual(['Status update due: Open one']);

    clock.advance(5);
    await check();
    expect(shown.map((n) => n.title)).toEqual([
      'Status update due: Open one',
      'Status update due: Later one',
    ]);
  });

  it('stays quiet while notifications are off, and reminds once they are turned on', async () => {
    let enabled = false;
    const { clock, shown, incidents, check } = setup({ enabled: () => enabled });
    incidents.push(incident(clock, 'inc-1', 'Checkout errors', 'sev2'));
    clock.advance(40);

    await check();
    expect(shown).toEqual([]);

    enabled = true;
    await check();
    expect(shown.map((n) => n.body)).toEqual([
      '10 min late. Updates for this SEV2 incident go out every 30 min.',
    ]);
  });

  it('logs a notification that could not be shown, once', async () => {
    const { clock, logs, incidents, check } = setup({ fail: true });
    incidents.push(incident(clock, 'inc-1', 'Checkout errors', 'sev2'));
    clock.advance(30);

    await check();
    await check();

    expect(logs).toEqual([
      'warn: Could not remind of the status update of incident inc-1: no notification daemon',
    ]);
  });

  // All shift on a laptop battery (issue 10): an app with nothing to remind of must not wake.
  describe('wake-ups', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
    afterEach(() => vi.useRealTimers());

    it('sets no timer while no incident awaits an update, and one while one does', async () => {
      const { clock, incidents, check } = setup();
      await check();
      expect(vi.getTimerCount()).toBe(0);

      incidents.push(incident(clock, 'inc-1', 'Checkout errors', 'sev2')); // due in 30 min
      await check();
      expect(vi.getTimerCount()).toBe(1);

      // Reminded: nothing more until an update is posted, and posting is a change that checks.
      clock.advance(31);
      await check();
      expect(vi.getTimerCount()).toBe(0);
    });

    it('keeps checking an overdue update while notifications are off, to remind once they are on', async () => {
      const { clock, incidents, check } = setup({ enabled: () => false });
      incidents.push(incident(clock, 'inc-1', 'Checkout errors', 'sev2'));
      clock.advance(40);
      await check();
      expect(vi.getTimerCount()).toBe(1);
    });
  });
});
