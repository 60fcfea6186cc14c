import { describe, expect, it } from 'vitest';
import {
  foldPushedAlerts,
  overlayNewerPushes,
} from '../../../../../src/main/services/sources/pushed-alerts';
import type { Alert } from '../../../../../src/shared/domain/alert';

const now = new Date('2026-03-01T02:00:00Z');

function alert(fingerprint: string, extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${fingerprint}`,
    sourceId: 'prod',
    fingerprint,
    status: 'firing',
    severity: 'sev1',
    title: `Alert-${fingerprint}`,
    labels: { alertname: `Alert-${fingerprint}` },
    annotations: {},
    startsAt: '2026-03-01T01:30:00.000Z',
    ...extra,
  };
}

const snapshot = (...alerts: Alert[]) => new Map(alerts.map((a) => [a.id, a]));

describe('foldPushedAlerts', () => {
  it('adds a new firing alert and leaves every alert the push did not name alone', () => {
    const step = foldPushedAlerts(snapshot(alert('a1')), [alert('a2')], now);
    expect(step.diff.added.map((a) => a.id)).toEqual(['prod:a2']);
    expect(step.diff.resolved).toEqual([]);
    expect([...step.snapshot.keys()]).toEqual(['prod:a1', 'prod:a2']);
    expect(step.decided).toEqual(['prod:a2']);
  });

  it('changes nothing (the same snapshot) when the push says what is known already', () => {
    const previous = snapshot(alert('a1'));
    const step = foldPushedAlerts(previous, [alert('a1')], now);
    expect(step.snapshot).toBe(previous);
    expect(step.decided).toEqual(['prod:a1']);
  });

  it('resolves an open alert, and ignores a resolution of one never seen open', () => {
    const resolved = { status: 'resolved' as const, endsAt: '2026-03-01T01:59:00.000Z' };
    const step = foldPushedAlerts(
      snapshot(alert('a1')),
      [alert('a1', resolved), alert('a9', resolved)],
      now,
    );
    expect(step.diff.resolved.map((a) => [a.id, a.endsAt])).toEqual([
      ['prod:a1', '2026-03-01T01:59:00.000Z'],
    ]);
    expect([...step.snapshot.keys()]).toEqual(['prod:a1']);
    expect(step.decided).toEqual(['prod:a1']);
  });

  it('keeps the silences and suppressed state a poll found on a known alert', () => {
    const silence = {
      id: 's1',
      createdBy: 'Grace',
      comment: 'looking',
      startsAt: '2026-03-01T01:40:00.000Z',
      endsAt: '2026-03-01T03:40:00.000Z',
    };
    const known = alert('a1', {
      status: 'suppressed',
      silences: [silence],
      updatedAt: '2026-03-01T01:59:00.000Z',
    });
    const step = foldPushedAlerts(snapshot(known), [alert('a1', { summary: 'worse' })], now);
    expect(step.diff.changed).toEqual([{ ...known, summary: 'worse' }]);
  });
});

describe('overlayNewerPushes', () => {
  it('puts the pushed copy in place of the older poll view, and drops a pushed resolution', () => {
    const current = snapshot(
      alert('a1', { summary: 'pushed' }),
      alert('a2', { status: 'resolved', endsAt: '2026-03-01T01:59:00.000Z' }),
    );
    const fetched = [alert('a2'), alert('a3')];
    expect(
      overlayNewerPushes(fetched, current, new Set(['prod:a1', 'prod:a2'])).map((a) => [
        a.id,
        a.summary,
      ]),
    ).toEqual([
      ['prod:a3', undefined],
      ['prod:a1', 'pushed'],
    ]);
  });
});
