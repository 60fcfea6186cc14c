import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../../src/shared/domain/alert';
import { defaultEscalationSettings } from '../../../../../src/shared/escalation/policy-settings';
import {
  escalationFired,
  hasActiveIncident,
  trayIconState,
  trayModel,
  unacknowledgedFiring,
  type TrayAlert,
  type TrayMenuItem,
} from '../../../../../src/main/services/tray/tray-model';

function alert(id: string, over: Partial<Alert> = {}): Alert {
  return {
    id,
    sourceId: 'prod',
    fingerprint: id,
    status: 'firing',
    severity: 'sev2',
    title: id,
    labels: {},
    annotations: {},
    startsAt: '2026-12-05T10:00:00.000Z',
    ...over,
  };
}

const tray = (n: number, severity: TrayAlert['severity'] = 'sev2'): TrayAlert[] =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i}`, title: `Alert ${i}`, severity }));

const labels = (items: readonly TrayMenuItem[]): string[] =>
  items.map((item) => (item.kind === 'separator' ? '---' : item.label));

describe('tray model', () => {
  it('counts only alerts firing and not acknowledged, most severe first, then longest firing', () => {
    const listed = unacknowledgedFiring([
      alert('late-sev2', { startsAt: '2026-12-05T10:05:00.000Z' }),
      alert('acked', { ack: { by: 'ana', at: '2026-12-05T10:01:00.000Z', via: 'source' } }),
      alert('silenced', { status: 'suppressed' }),
      alert('gone', { status: 'resolved' }),
      alert('sev1', { severity: 'sev1', startsAt: '2026-12-05T10:09:00.000Z' }),
      alert('early-sev2'),
    ]);
    expect(listed.map((a) => a.id)).toEqual(['sev1', 'early-sev2', 'late-sev2']);
  });

  it('shows the count in the tooltip and beside the icon, and says plainly when nothing waits', () => {
    const model = trayModel({ alerts: tray(3) }, 'On-Call Companion');
    expect(model.icon).toBe('firing');
    expect(model.tooltip).toBe('On-Call Companion: 3 unacknowledged');
    expect(model.title).toBe('3');
    const idle = trayModel({ alerts: [] }, 'App');
    expect(idle).toMatchObject({ icon: 'idle', tooltip: 'App: nothing unacknowledged', title: '' });
    expect(idle.menu[0]).toEqual({ kind: 'status', label: 'Nothing unacknowledged' });
  });

  it('lists each alert with Acknowledge, Snooze 15 min, Snooze 1 h and Open', () => {
    const model = trayModel(
      { alerts: [{ id: 'prod:x', title: 'Disk full', severity: 'sev1' }] },
      'App',
    );
    const entry = model.menu.find((item) => item.kind === 'submenu');
    expect(entry).toEqual({
      kind: 'submenu',
      label: 'SEV1 Disk full',
      items: [
        {
          kind: 'action',
          action: { type: 'acknowledge', alertId: 'prod:x' },
          label: 'Acknowledge',
        },
        {
          kind: 'action',
          action: { type: 'snooze', alertId: 'prod:x', minutes: 15 },
          label: 'Snooze 15 min',
        },
        {
          kind: 'action',
          action: { type: 'snooze', alertId: 'prod:x', minutes: 60 },
          label: 'Snooze 1 h',
        },
        { kind: 'action', action: { type: 'openAlert', alertId: 'prod:x' }, label: 'Open' },
      ],
    });
  });

  it('names severities in the team vocabulary', () => {
    const model = trayModel(
      { alerts: [{ id: 'x', title: 'Down', severity: 'sev1' }], severityScale: 'p0-p3' },
      'App',
    );
    expect(labels(model.menu)).toContain('P0 Down');
    expect(labels(model.menu)).toContain('Silences my alarms except P0; others are still paged');
  });

  it('lists at most ten alerts and counts the rest in one line that opens the window', () => {
    const model = trayModel({ alerts: tray(13) }, 'App');
    const alerts = model.menu.filter((item) => item.kind === 'submenu');
    expect(alerts).toHaveLength(10);
    expect(model.menu).toContainEqual({
      kind: 'action',
      action: { type: 'open' },
      label: 'and 3 more…',
    });
    expect(model.tooltip).toBe('App: 13 unacknowledged');
  });

  it('offers do-not-disturb saying what it means, checked while on, with its end', () => {
    const off = trayModel({ alerts: [] }, 'App');
    expect(off.menu).toContainEqual({
      kind: 'toggle',
      action: { type: 'doNotDisturb', on: true },
      label: 'Do not disturb',
      checked: false,
    });
    expect(labels(off.menu)).toContain('Silences my alarms except SEV1; others are still paged');

    const on = trayModel(
      { alerts: [], doNotDisturb: { on: true, until: '2026-12-05T14:30:00.000Z' } },
      'App',
    );
    expect(on.menu).toContainEqual({
      kind: 'toggle',
      action: { type: 'doNotDisturb', on: false },
      label: 'Do not disturb (until 14:30 UTC)',
      checked: true,
    });
    expect(on.tooltip).toBe('App: nothing unacknowledged, do not disturb');
  });

  it('says who is on call when the schedules tell, and nothing when they do not', () => {
    const withLine = trayModel({ alerts: [], onCall: 'On call: Ana (primary)' }, 'App');
    expect(labels(withLine.menu)).toContain('On call: Ana (primary)');
    const without = trayModel({ alerts: [] }, 'App');
    expect(labels(without.menu).some((l) => l.startsWith('On call'))).toBe(false);
    expect(labels(without.menu).slice(-2)).toEqual(['Open', 'Quit']);
  });

  it('shows the most urgent state: incident, then escalation, then firing', () => {
    expect(trayIconState({ alerts: [] })).toBe('idle');
    expect(trayIconState({ alerts: tray(1) })).toBe('firing');
    expect(trayIconState({ alerts: tray(3), escalating: true })).toBe('escalating');
    expect(trayIconState({ alerts: tray(3), escalating: true, incident: true })).toBe('incident');
    expect(trayIconState({ alerts: [], incident: true })).toBe('incident');
    expect(trayModel({ alerts: tray(2), escalating: true, incident: true }, 'App').tooltip).toBe(
      'App: 2 unacknowledged, escalating, incident open',
    );
  });

  it('calls it escalating once a step that pages someone besides me fired, while unacknowledged', () => {
    const escalation = defaultEscalationSettings();
    const down = alert('a', { severity: 'sev2' });
    const step = (level: number, firedAt?: string) =>
      ({ kind: 'escalation-step', subject: 'a', level, firedAt }) as const;
    // sev2 by default: level 1 is me, level 2 the secondary after 5 minutes.
    expect(escalationFired([step(1, '2026-12-05T10:00:00Z')], [down], escalation)).toBe(false);
    expect(escalationFired([step(2)], [down], escalation)).toBe(false);
    expect(escalationFired([step(2, '2026-12-05T10:05:00Z')], [down], escalation)).toBe(true);
    expect(escalationFired([step(2, '2026-12-05T10:05:00Z')], [], escalation)).toBe(false);
    const repeat = { kind: 'alarm-repeat', subject: 'a', firedAt: '2026-12-05T10:01:00Z' } as const;
    expect(escalationFired([repeat], [down], escalation)).toBe(false);
  });

  it('shows the incident icon while an incident is investigated or mitigated, not once resolved', () => {
    expect(hasActiveIncident([{ status: 'closed' }, { status: 'resolved' }])).toBe(false);
    expect(hasActiveIncident([{ status: 'closed' }, { status: 'mitigated' }])).toBe(true);
    expect(hasActiveIncident([{ status: 'investigating' }])).toBe(true);
  });

  it('makes an untrusted title safe to show as a menu label', () => {
    const model = trayModel(
      { alerts: [{ id: 'x', title: 'R&D\u0007 db\u202e\ngone', severity: 'sev3' }] },
      'App',
    );
    expect(labels(model.menu)).toContain('SEV3 R&&D db gone');
  });
});
