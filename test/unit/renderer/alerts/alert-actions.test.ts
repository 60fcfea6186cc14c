import { describe, expect, it } from 'vitest';
import {
  actionOutcome,
  offeredActions,
  parseDurationMinutes,
  QUICK_SILENCE_COMMENT,
} from '../../../../src/renderer/features/alerts/alert-actions';
import { incidentsByAlert } from '../../../../src/renderer/features/alerts/incident-alerts';
import { unmappedWords } from '../../../../src/renderer/features/alerts/unmapped-banner';
import type { AlertActionType } from '../../../../src/shared/domain/alert-action';
import { invokeContract } from '../../../../src/shared/ipc/contract';
import type { IncidentView } from '../../../../src/shared/ipc/incident-schemas';
import { alert } from '../fixtures';

const ALL: AlertActionType[] = [
  'acknowledge',
  'unacknowledge',
  'extend',
  'snooze',
  'resolve',
  'silence',
];
const now = Date.parse('2026-01-01T11:00:00Z');
const ids = (alertArg: Parameters<typeof offeredActions>[0], can = ALL) =>
  offeredActions(alertArg, can, now).map((o) => o.id);

describe('offeredActions', () => {
  it('offers only what the source can do', () => {
    expect(ids(alert('A'), [])).toEqual([]);
    expect(ids(alert('A'), ['acknowledge', 'unacknowledge'])).toEqual(['ack']);
    expect(ids(alert('A'), ['silence'])).toEqual(['silence-1h', 'silence-4h', 'silence-custom']);
  });

  it('offers un-acknowledge for an acknowledged alert, and Extend once it ends within 10 min', () => {
    const acked = (until: string) =>
      alert('A', {
        status: 'suppressed',
        ack: { by: 'bob', at: '2026-01-01T10:00:00Z', via: 'source', until },
      });
    expect(ids(acked('2026-01-01T12:00:00Z'))).toEqual([
      'unack',
      'silence-1h',
      'silence-4h',
      'silence-custom',
    ]);
    expect(ids(acked('2026-01-01T11:08:00Z'))[0]).toBe('extend');
  });

  it('offers nothing on a resolved alert, and prefills a silence’s reason', () => {
    expect(ids(alert('A', { status: 'resolved' }))).toEqual([]);
    const silence = offeredActions(alert('A'), ['silence'], now)[1];
    expect(silence?.action).toEqual({
      type: 'silence',
      minutes: 240,
      comment: QUICK_SILENCE_COMMENT,
    });
  });
});

describe('what the list sends', () => {
  it('is an action main accepts, for every button offered', () => {
    const acked = alert('A', {
      ack: { by: 'bob', at: '2026-01-01T10:00:00Z', via: 'source', until: '2026-01-01T11:05:00Z' },
    });
    const sent = [alert('B'), acked]
      .flatMap((a) => offeredActions(a, ALL, now))
      .flatMap((o) => (o.action ? [o.action] : []));
    expect(sent.length).toBeGreaterThan(5);
    for (const action of sent) {
      expect(
        invokeContract['alert:act'].request.safeParse({ alertIds: ['prod:A'], action }).success,
      ).toBe(true);
    }
  });
});

describe('parseDurationMinutes', () => {
  it('reads 90m, 2h, 1d, 1h30m and bare minutes; says what is wrong otherwise', () => {
    expect(['90m', '2h', '1d', '1h30m', '45'].map(parseDurationMinutes)).toEqual([
      90, 120, 1440, 90, 45,
    ]);
    expect(parseDurationMinutes('soon')).toMatch(/“soon” is not a duration; write it like 90m/);
    expect(parseDurationMinutes('')).toMatch(/not a duration/);
  });
});

describe('actionOutcome', () => {
  it('counts what was done and names each failure with its reason', () => {
    const outcome = actionOutcome(
      'Acknowledge',
      [
        { alertId: 'a', ok: true },
        { alertId: 'b', ok: false, error: 'Alertmanager answered 500' },
      ],
      (id) => id.toUpperCase(),
    );
    expect(outcome.text).toBe('Acknowledge: 1 of 2 done · “B” failed: Alertmanager answered 500');
    expect([...outcome.failed]).toEqual([['b', 'Alertmanager answered 500']]);
  });
});

describe('incidentsByAlert', () => {
  const view = (id: string, status: string, alertIds: string[]) =>
    ({
      incident: {
        id,
        title: `Incident ${id}`,
        severity: 'sev2',
        status,
        sourceAlerts: alertIds.map((alertId) => ({ id: alertId })),
      },
    }) as unknown as IncidentView;

  it('maps each alert to the open incidents it is in, leaving closed ones out', () => {
    const index = incidentsByAlert([
      view('inc-1', 'investigating', ['prod:a', 'prod:b']),
      view('inc-2', 'closed', ['prod:c']),
    ]);
    expect(index.get('prod:a')).toEqual([
      { id: 'inc-1', title: 'Incident inc-1', severity: 'sev2' },
    ]);
    expect(index.has('prod:c')).toBe(false);
  });
});

describe('unmappedWords', () => {
  it('lists each unknown severity word once, sorted', () => {
    expect(
      unmappedWords([
        alert('A', { severityUnmapped: true, severityLabel: 'P1' }),
        alert('B', { severityUnmapped: true, severityLabel: 'P1' }),
        alert('C', { severityUnmapped: true, severityLabel: 'Disaster' }),
        alert('D', { severityLabel: 'critical' }),
      ]),
    ).toEqual(['Disaster', 'P1']);
  });
});
