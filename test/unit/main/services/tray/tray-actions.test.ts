import { afterEach, describe, expect, it } from 'vitest';
import type { AlertAction } from '../../../../../src/shared/domain/alert-action';
import { defaultEscalationSettings } from '../../../../../src/shared/escalation/policy-settings';
import { createTrayActions } from '../../../../../src/main/services/tray/tray-actions';
import { trayModel } from '../../../../../src/main/services/tray/tray-model';
import { currentTrayInput } from '../../../../../src/main/services/tray/tray-state';
import {
  startEscalationHarness,
  type EscalationHarness,
} from '../../../../support/escalation-harness';

const MIN = 60_000;

// The app's own escalation (the harness runs create-escalation on a controllable clock) under
// the tray; the source is the harness's world, which an acknowledgement changes as
// Alertmanager's silence would.
async function setUp(options: { refuse?: string } = {}) {
  const h = await startEscalationHarness();
  const acted: { ids: readonly string[]; action: AlertAction; actor: string }[] = [];
  const reports: string[] = [];
  const opened: (string | undefined)[] = [];
  let quit = 0;
  const actions = createTrayActions({
    sources: {
      async act(ids, action, actor) {
        acted.push({ ids, action, actor });
        if (options.refuse)
          return ids.map((alertId) => ({ alertId, ok: false, error: options.refuse }));
        for (const id of ids) h.ack(id.replace(/^prod:/, ''), 'me');
        return ids.map((alertId) => ({ alertId, ok: true }));
      },
    },
    escalation: h.escalation(),
    alerts: () => h.observed(),
    actor: () => 'ana',
    open: (alertId) => opened.push(alertId),
    quit: () => quit++,
    report: (message) => reports.push(message),
  });
  const input = () =>
    currentTrayInput(
      {
        alerts: () => h.observed(),
        scheduler: () => h.escalation().scheduler.state(),
        incidents: () => [],
        settings: () => ({ severityScale: 'sev1-4', escalation: defaultEscalationSettings() }),
      },
      h.now(),
    );
  return { h, actions, acted, reports, opened, input, quits: () => quit };
}

describe('tray actions', () => {
  let h: EscalationHarness | undefined;
  afterEach(async () => {
    try {
      await h?.assertNoUnexpected();
    } finally {
      await h?.close();
      h = undefined;
    }
  });

  it('Acknowledge goes to the source as me and stops the alarm and every pending level', async () => {
    const t = await setUp();
    h = t.h;
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    // The sev1 policy tells the incident channel at once: already escalating.
    expect(trayModel(t.input(), 'App').tooltip).toBe('App: 1 unacknowledged, escalating');

    await t.actions.run({ type: 'acknowledge', alertId: 'prod:Down' });
    expect(t.acted).toEqual([
      { ids: ['prod:Down'], action: { type: 'acknowledge' }, actor: 'ana' },
    ]);
    await h.poll();
    await h.advance(30 * MIN);
    expect(h.pending()).toEqual([]);
    expect(t.input().alerts).toEqual([]);
    expect(trayModel(t.input(), 'App').icon).toBe('idle');
    expect(t.reports).toEqual([]);
  });

  it('Snooze 15 min: my next repeat in 15 minutes, the next level 15 minutes later', async () => {
    const t = await setUp();
    h = t.h;
    h.fire('Slow', 'sev2');
    await h.poll();
    h.expectNotification('SEV2 · Slow');

    await t.actions.run({ type: 'snooze', alertId: 'prod:Slow', minutes: 15 });
    await h.advance(14 * MIN);
    expect(h.captured.filter((n) => /Still firing/.test(n.title))).toEqual([]);
    expect(h.pages).toEqual([]);
    await h.advance(1 * MIN);
    h.expectNotification(/Still firing: SEV2 · Slow/);
    await h.advance(5 * MIN);
    h.expectNotification(/Still firing: SEV2 · Slow/);
    expect(t.reports).toEqual([]);
  });

  it('the icon says escalating once a level past me fired unacknowledged (nobody on call: skipped)', async () => {
    const t = await setUp();
    h = t.h;
    h.fire('Slow', 'sev2');
    await h.poll();
    h.expectNotification('SEV2 · Slow');
    expect(trayModel(t.input(), 'App').icon).toBe('firing');
    await h.advance(5 * MIN);
    h.expectNotification(/Still firing: SEV2 · Slow/);
    expect(trayModel(t.input(), 'App').icon).toBe('escalating');
  });

  it('Do not disturb from the tray is the same state the alarm reads, and shows as checked', async () => {
    const t = await setUp();
    h = t.h;
    await t.actions.run({ type: 'doNotDisturb', on: true });
    expect(t.input().doNotDisturb).toEqual({ on: true });
    const model = trayModel(t.input(), 'App');
    expect(model.menu).toContainEqual(expect.objectContaining({ kind: 'toggle', checked: true }));

    // My sev2 alarm stays quiet, sev1 still rings, and others are still paged.
    h.fire('Slow', 'sev2');
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    for (let minute = 1; minute <= 6; minute++) {
      await h.advance(MIN);
      h.expectNotification(/Still firing: SEV1 · Down/);
    }
    expect(h.captured.filter((n) => /SEV2/.test(n.title))).toEqual([]);

    await t.actions.run({ type: 'doNotDisturb', on: false });
    expect(t.input().doNotDisturb).toEqual({ on: false });
  });

  it('reports a refused acknowledgement in words, naming the alert', async () => {
    const t = await setUp({ refuse: 'Alertmanager answered 503' });
    h = t.h;
    h.fire('Down', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Down');
    await t.actions.run({ type: 'acknowledge', alertId: 'prod:Down' });
    expect(t.reports).toEqual(['Acknowledge "Down" failed: Alertmanager answered 503']);
  });

  it('reports a snooze with nothing to snooze instead of failing silently', async () => {
    const t = await setUp();
    h = t.h;
    h.fire('Minor', 'sev4');
    await h.poll();
    await t.actions.run({ type: 'snooze', alertId: 'prod:Minor', minutes: 60 });
    expect(t.reports).toEqual([
      'Nothing to snooze for "Minor": it has no alarm repeating and no escalation pending.',
    ]);
  });

  it('the acknowledge shortcut takes the most urgent alert, and says so when there is none', async () => {
    const t = await setUp();
    h = t.h;
    await t.actions.acknowledgeMostUrgent();
    expect(t.reports).toEqual(['Nothing to acknowledge: no alert is firing unacknowledged.']);

    h.fire('Minor', 'sev3');
    h.fire('Down', 'sev1');
    await h.poll();
    h.expectNotification('SEV3 · Minor');
    h.expectNotification('SEV1 · Down');
    h.expectPage('Down', 1);
    await t.actions.acknowledgeMostUrgent();
    expect(t.acted.map((a) => a.ids)).toEqual([['prod:Down']]);
  });

  it('Open and Quit reach the shell', async () => {
    const t = await setUp();
    h = t.h;
    await t.actions.run({ type: 'openAlert', alertId: 'prod:x' });
    await t.actions.run({ type: 'open' });
    await t.actions.run({ type: 'quit' });
    expect(t.opened).toEqual(['prod:x', undefined]);
    expect(t.quits()).toBe(1);
  });
});
