import { afterEach, describe, expect, it } from 'vitest';
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
import { memorySchedulerFile, testScheduler } from '../../../../support/memory-scheduler';
import type { DeadlineScheduler } from '../../../../../src/main/services/escalation/deadline-scheduler';

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
  let scheduler: DeadlineScheduler | undefined;
  afterEach(async () => {
    reminders?.stop();
    await scheduler?.close();
  });

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
    const file = memorySchedulerFile();
    scheduler = testScheduler(clock, file);
    reminders = createStatusUpdateReminders({
      clock,
      notifier,
      scheduler,
      enabled: options.enabled ?? (() => true),
      incidents: () => incidents.map((i) => i.snapshot()),
      severityScale: () => options.scale ?? 'sev1-4',
      log: (level, message) => logs.push(`${level}: ${message}`),
    });
    const check = reminders.check;
    // The app closing and starting again: a new scheduler reads the same (in-memory) file.
    const restart = async () => {
      reminders?.stop();
      await scheduler?.close();
      scheduler = testScheduler(clock, file);
      reminders = createStatusUpdateReminders({
        clock,
        notifier,
        scheduler,
        enabled: options.enabled ?? (() => true),
        incidents: () => incidents.map((i) => i.snapshot()),
        severityScale: () => options.scale ?? 'sev1-4',
        log: (level, message) => logs.push(`${level}: ${message}`),
      });
      return reminders.check;
    };
    return { clock, shown, logs, incidents, check, restart };
  }

  it('reminds once per due time across a restart, and the next due time still comes', async () => {
    const { clock, shown, incidents, check, restart } = setup();
    const inc = incident(clock, 'inc-1', 'Checkout errors', 'sev2');
    incidents.push(inc);
    clock.advance(31);
    await check();
    expect(shown).toHaveLength(1);

    clock.advance(5);
    let again = await restart();
    await again();
    expect(shown).toHaveLength(1);

    inc.apply({ type: 'status-update.post', args: { text: 'Still investigating' } }); // due +30
    await again();
    again = await restart();
    clock.advance(31);
    await again();
    expect(shown.map((n) => n.body)).toEqual([
      '1 min late. Updates for this SEV2 incident go out every 30 min.',
      '1 min late. Updates for this SEV2 incident go out every 30 min.',
    ]);
  });

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
});
