import { describe, expect, it } from 'vitest';
import {
  countFiring,
  hasActiveIncident,
  trayIconState,
  trayModel,
} from '../../../../src/main/services/tray/tray-model';

describe('tray model', () => {
  it('counts only alerts that are firing at their source', () => {
    const alerts = [
      { status: 'firing' },
      { status: 'suppressed' },
      { status: 'resolved' },
      { status: 'firing' },
    ] as const;
    expect(countFiring(alerts)).toBe(2);
    expect(countFiring([])).toBe(0);
  });

  it('switches the icon idle ↔ firing by the count', () => {
    expect(trayIconState({ firing: 0 })).toBe('idle');
    expect(trayIconState({ firing: 1 })).toBe('firing');
    expect(trayIconState({ firing: 0 })).toBe('idle');
  });

  it('shows the most urgent state: incident, then escalation, then firing', () => {
    expect(trayIconState({ firing: 3, escalating: true })).toBe('escalating');
    expect(trayIconState({ firing: 3, escalating: true, incident: true })).toBe('incident');
    expect(trayIconState({ firing: 0, incident: true })).toBe('incident');
  });

  it('puts the count in a disabled first line and in the tooltip, then Open and Quit', () => {
    expect(trayModel({ firing: 3 }, 'On-Call Companion')).toEqual({
      icon: 'firing',
      tooltip: 'On-Call Companion: 3 firing',
      menu: [
        { kind: 'status', label: '3 firing' },
        { kind: 'separator' },
        { kind: 'action', action: 'open', label: 'Open' },
        { kind: 'action', action: 'quit', label: 'Quit' },
      ],
    });
  });

  it('says plainly when nothing fires, and names escalation and incidents in the tooltip', () => {
    expect(trayModel({ firing: 0 }, 'App').tooltip).toBe('App: nothing firing');
    expect(trayModel({ firing: 0 }, 'App').menu[0]).toEqual({ kind: 'status', label: '0 firing' });
    expect(trayModel({ firing: 2, escalating: true, incident: true }, 'App').tooltip).toBe(
      'App: 2 firing, escalating, incident open',
    );
  });

  it('never shows a negative or fractional count', () => {
    expect(trayModel({ firing: -1 }, 'App').menu[0]).toEqual({ kind: 'status', label: '0 firing' });
    expect(trayModel({ firing: 2.7 }, 'App').icon).toBe('firing');
  });

  it('shows the incident icon while an incident is investigated or mitigated, not once resolved', () => {
    expect(hasActiveIncident([{ status: 'closed' }, { status: 'resolved' }])).toBe(false);
    expect(hasActiveIncident([{ status: 'closed' }, { status: 'mitigated' }])).toBe(true);
    expect(hasActiveIncident([{ status: 'investigating' }])).toBe(true);
  });
});
