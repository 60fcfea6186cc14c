import { describe, expect, it } from 'vitest';
import { readComposerLine } from '../../../src/renderer/features/timeline/composer-line';
import {
  declareRequest,
  draftFromAlerts,
  parseServices,
} from '../../../src/renderer/features/incident/declare/declare-draft';
import { groupIncidents } from '../../../src/renderer/features/incident/incident-groups';
import { nextLifecycleStep } from '../../../src/renderer/features/incident/lifecycle-step';
import { nextUpdateText } from '../../../src/renderer/features/incident/next-update';
import { kindForShortcut } from '../../../src/renderer/features/timeline/timeline-kinds';
import {
  formatZonedClock,
  formatZonedFull,
  formatZonedOtherDay,
  formatZonedShort,
  incidentTimeZone,
  incidentZoneSource,
  zoneLabel,
} from '../../../src/renderer/features/incident/zoned-time';
import { alert } from './fixtures';
import { incidentSummary } from './incident-fixtures';

// 2025-03-04 14:30 UTC = 15:30 in Berlin (CET, +01:00).
const NOW = Date.parse('2025-03-04T14:30:00.000Z');
const BERLIN = 'Europe/Berlin';

describe('composer line', () => {
  it('a leading time is the event time, previewed in the scribe’s zone', () => {
    const line = readComposerLine('14:23 restarted the pool', { nowMs: NOW, timeZone: BERLIN });
    expect(line).toMatchObject({
      text: 'restarted the pool',
      time: '14:23',
      ready: true,
      preview: { ok: true, text: '14:23 today', at: '2025-03-04T13:23:00.000Z' },
    });
  });

  it('a time a minute ahead is today, previewed as today', () => {
    const line = readComposerLine('15:31 paged payments on-call', {
      nowMs: NOW,
      timeZone: BERLIN,
    });
    expect(line.ready).toBe(true);
    expect(line.preview).toEqual({ ok: true, text: '15:31 today', at: '2025-03-04T14:31:00.000Z' });
  });

  it('a time further ahead blocks Enter and says why', () => {
    const line = readComposerLine('23:50 paged the DBA', { nowMs: NOW, timeZone: BERLIN });
    expect(line.ready).toBe(false);
    expect(line.preview).toEqual({
      ok: false,
      text:
        '"23:50" is 8 h 20 min ahead (it is 15:30 Europe/Berlin); a time may be at most 15 min ' +
        'ahead. For an earlier day, type the date too, e.g. 2025-03-03 23:50',
    });
  });

  it('just after midnight, a late time is yesterday, and says so', () => {
    const justAfterMidnight = Date.parse('2025-03-04T23:05:00Z'); // 00:05 in Berlin
    const line = readComposerLine('23:50 paged the DBA', {
      nowMs: justAfterMidnight,
      timeZone: BERLIN,
    });
    expect(line.preview).toEqual({
      ok: true,
      text: '23:50 yesterday',
      at: '2025-03-04T22:50:00.000Z',
    });
  });

  it('no time: the entry is now, and the whole line is the text', () => {
    expect(readComposerLine('  rolled back  ', { nowMs: NOW, timeZone: BERLIN })).toEqual({
      text: 'rolled back',
      ready: true,
    });
  });

  it('a time that cannot be read blocks Enter and says why', () => {
    const line = readComposerLine('25:61 oops', { nowMs: NOW, timeZone: BERLIN });
    expect(line.ready).toBe(false);
    expect(line.preview).toMatchObject({ ok: false });
    expect(line.preview?.text).toContain('25:61');
  });

  it('a time with nothing after it is not an entry yet', () => {
    expect(readComposerLine('14:23 ', { nowMs: NOW, timeZone: BERLIN }).ready).toBe(false);
    expect(readComposerLine('', { nowMs: NOW, timeZone: BERLIN }).ready).toBe(false);
  });
});

describe('zoned times', () => {
  it('shows instants on the profile’s clock, not the machine’s', () => {
    expect(formatZonedClock('2025-03-04T13:23:00Z', BERLIN)).toBe('14:23');
    expect(formatZonedClock('2025-03-04T13:23:00Z', 'UTC')).toBe('13:23');
    expect(formatZonedFull('2025-03-04T13:23:05Z', BERLIN)).toBe(
      '2025-03-04 14:23:05 (Europe/Berlin)',
    );
  });

  it('adds the day only when it is not today', () => {
    expect(formatZonedShort('2025-03-04T08:00:00Z', BERLIN, NOW)).toBe('09:00');
    expect(formatZonedShort('2025-03-03T08:00:00Z', BERLIN, NOW)).toBe('3 Mar 09:00');
    expect(formatZonedShort('2024-12-31T08:00:00Z', BERLIN, NOW)).toBe('31 Dec 2024 09:00');
    expect(formatZonedOtherDay('2025-03-04T08:00:00Z', BERLIN, NOW)).toBeUndefined();
    expect(formatZonedOtherDay('2025-03-03T08:00:00Z', BERLIN, NOW)).toBe('3 Mar');
  });

  it('says which zone the times are in, and where it came from', () => {
    expect(zoneLabel(BERLIN, incidentZoneSource(BERLIN, 'UTC'))).toBe(
      "Times in Europe/Berlin, your profile's zone",
    );
    expect(zoneLabel('UTC', incidentZoneSource(undefined, 'UTC'))).toBe(
      "Times in UTC, this computer's zone (set yours in Settings → You)",
    );
    expect(incidentZoneSource('Mars/Olympus', undefined)).toBe('utc');
  });

  it('falls back from an unusable profile zone to the machine’s, then UTC', () => {
    expect(incidentTimeZone('Europe/Berlin', 'America/New_York')).toBe('Europe/Berlin');
    expect(incidentTimeZone('Mars/Olympus', 'America/New_York')).toBe('America/New_York');
    expect(incidentTimeZone(undefined, undefined)).toBe('UTC');
  });
});

describe('incident list order', () => {
  it('open incidents on top, worst then newest; closed below, most recently closed first', () => {
    const groups = groupIncidents([
      incidentSummary('closed-old', { status: 'closed', closedAt: '2025-03-01T00:00:00Z' }),
      incidentSummary('sev3', { severity: 'sev3' }),
      incidentSummary('sev1-old', { severity: 'sev1', declaredAt: '2025-03-04T10:00:00Z' }),
      incidentSummary('closed-new', { status: 'closed', closedAt: '2025-03-03T00:00:00Z' }),
      incidentSummary('sev1-new', { severity: 'sev1', declaredAt: '2025-03-04T12:00:00Z' }),
      incidentSummary('resolved', { status: 'resolved', severity: 'sev2' }),
    ]);
    expect(groups.open.map((i) => i.id)).toEqual(['sev1-new', 'sev1-old', 'resolved', 'sev3']);
    expect(groups.closed.map((i) => i.id)).toEqual(['closed-new', 'closed-old']);
  });
});

describe('next status update', () => {
  it('counts down, warns when close, and says how late', () => {
    expect(nextUpdateText(undefined, NOW)).toEqual({ text: 'no update scheduled', tone: 'none' });
    expect(nextUpdateText('2025-03-04T14:42:00Z', NOW)).toEqual({
      text: 'update in 12 min',
      tone: 'due',
    });
    expect(nextUpdateText('2025-03-04T14:33:00Z', NOW).tone).toBe('soon');
    expect(nextUpdateText('2025-03-04T14:27:00Z', NOW)).toEqual({
      text: 'update overdue by 3 min',
      tone: 'overdue',
    });
  });
});

describe('lifecycle step', () => {
  it('moves investigating → mitigated → resolved, and closing goes through the checklist', () => {
    expect(nextLifecycleStep('investigating')).toMatchObject({ kind: 'set', to: 'mitigated' });
    expect(nextLifecycleStep('mitigated')).toMatchObject({ kind: 'set', to: 'resolved' });
    expect(nextLifecycleStep('resolved')).toMatchObject({ kind: 'closure' });
    expect(nextLifecycleStep('closed')).toEqual({ kind: 'none' });
  });
});

describe('kind shortcuts', () => {
  it('Alt+1…5 pick note, decision, action, hypothesis, mitigation', () => {
    expect(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Numpad5'].map(kindForShortcut)).toEqual([
      'note',
      'decision',
      'action',
      'hypothesis',
      'mitigation',
    ]);
    expect(kindForShortcut('Digit6')).toBeUndefined();
    expect(kindForShortcut('KeyN')).toBeUndefined();
  });
});

describe('declare dialog', () => {
  it('prefills from the alerts: their name, the worst severity, their services', () => {
    const draft = draftFromAlerts([
      alert('DiskFull', { severity: 'sev3', labels: { alertname: 'DiskFull', service: 'db' } }),
      alert('CheckoutErrors', {
        severity: 'sev1',
        labels: { alertname: 'CheckoutErrors', service: 'checkout' },
      }),
      alert('CheckoutLatency', {
        severity: 'sev2',
        labels: { alertname: 'CheckoutLatency', service: 'checkout' },
      }),
    ]);
    expect(draft).toMatchObject({
      title: 'CheckoutErrors (+2 more)',
      severity: 'sev1',
      services: 'db, checkout',
    });
  });

  it('starts blank from scratch', () => {
    expect(draftFromAlerts([])).toMatchObject({ title: '', services: '', channel: undefined });
  });

  it('sends what the user sees: the suggested channel unless they typed their own', () => {
    const draft = {
      ...draftFromAlerts([]),
      title: ' Payments down ',
      severity: 'sev1' as const,
      services: 'payments, , checkout,payments',
    };
    expect(declareRequest(draft, [], '#inc-20250304-payments-down')).toEqual({
      title: 'Payments down',
      severity: 'sev1',
      affectedServices: ['payments', 'checkout'],
      channel: '#inc-20250304-payments-down',
    });
    expect(
      declareRequest(
        { ...draft, channel: '#payments-war-room', impact: 'No card payments' },
        ['prod:a'],
        '#inc-20250304-payments-down',
      ),
    ).toMatchObject({
      alertIds: ['prod:a'],
      channel: '#payments-war-room',
      impact: 'No card payments',
    });
  });

  it('reads services separated by commas or new lines', () => {
    expect(parseServices('a,\nb , a\n\n')).toEqual(['a', 'b']);
  });
});
