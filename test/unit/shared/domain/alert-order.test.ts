import { describe, expect, it } from 'vitest';
import { sortAlerts } from '../../../../src/shared/domain/alert-order';
import { makeAlert } from '../make-alert';

const ids = (alerts: readonly { id: string }[]) => alerts.map((a) => a.id);

describe('sortAlerts', () => {
  it('puts firing before suppressed before resolved, whatever their severity', () => {
    const alerts = [
      makeAlert('resolved', { status: 'resolved', severity: 'sev1' }),
      makeAlert('suppressed', { status: 'suppressed', severity: 'sev1' }),
      makeAlert('firing', { status: 'firing', severity: 'sev4' }),
    ];
    expect(ids(sortAlerts(alerts))).toEqual(['prod:firing', 'prod:suppressed', 'prod:resolved']);
  });

  it('puts the worst severity first within a status, whatever their age', () => {
    const alerts = [
      makeAlert('s3', { severity: 'sev3', startsAt: '2025-03-04T05:59:00.000Z' }),
      makeAlert('s1', { severity: 'sev1', startsAt: '2025-03-01T00:00:00.000Z' }),
      makeAlert('s4', { severity: 'sev4', startsAt: '2025-03-04T05:59:30.000Z' }),
      makeAlert('s2', { severity: 'sev2', startsAt: '2025-03-02T00:00:00.000Z' }),
    ];
    expect(ids(sortAlerts(alerts))).toEqual(['prod:s1', 'prod:s2', 'prod:s3', 'prod:s4']);
  });

  it('puts the newest first among alerts of the same status and severity', () => {
    const alerts = [
      makeAlert('old', { startsAt: '2025-03-04T01:00:00.000Z' }),
      makeAlert('new', { startsAt: '2025-03-04T05:00:00.000Z' }),
      makeAlert('mid', { startsAt: '2025-03-04T03:00:00.000Z' }),
    ];
    expect(ids(sortAlerts(alerts))).toEqual(['prod:new', 'prod:mid', 'prod:old']);
  });

  it('compares start times as instants, not as text (time zone offsets)', () => {
    const alerts = [
      // 05:00 UTC written in +02:00: sorts after 05:30Z as text, but is the older of the two.
      makeAlert('a', { startsAt: '2025-03-04T07:00:00.000+02:00' }),
      makeAlert('b', { startsAt: '2025-03-04T05:30:00.000Z' }),
    ];
    expect(ids(sortAlerts(alerts))).toEqual(['prod:b', 'prod:a']);
  });

  it('breaks full ties by id, so the list does not flicker between polls', () => {
    const same = { startsAt: '2025-03-04T05:00:00.000Z', severity: 'sev2' as const };
    const c = makeAlert('c', same);
    const a = makeAlert('a', same);
    const b = makeAlert('b', same);
    expect(ids(sortAlerts([c, a, b]))).toEqual(['prod:a', 'prod:b', 'prod:c']);
    expect(ids(sortAlerts([b, c, a]))).toEqual(['prod:a', 'prod:b', 'prod:c']);
    expect(ids(sortAlerts([a, b, c]))).toEqual(['prod:a', 'prod:b', 'prod:c']);
  });

  it('applies status, then severity, then age, then id', () => {
    const alerts = [
      makeAlert('r1', { status: 'resolved', severity: 'sev1' }),
      makeAlert('f3-new', { severity: 'sev3', startsAt: '2025-03-04T05:50:00.000Z' }),
      makeAlert('f3-old', { severity: 'sev3', startsAt: '2025-03-04T01:00:00.000Z' }),
      makeAlert('s1', { status: 'suppressed', severity: 'sev1' }),
      makeAlert('f1', { severity: 'sev1', startsAt: '2025-03-04T01:00:00.000Z' }),
    ];
    expect(ids(sortAlerts(alerts))).toEqual([
      'prod:f1',
      'prod:f3-new',
      'prod:f3-old',
      'prod:s1',
      'prod:r1',
    ]);
  });

  it('returns a new array and leaves the input in its order', () => {
    const input = [makeAlert('b', { severity: 'sev4' }), makeAlert('a', { severity: 'sev1' })];
    const sorted = sortAlerts(input);
    expect(ids(sorted)).toEqual(['prod:a', 'prod:b']);
    expect(ids(input)).toEqual(['prod:b', 'prod:a']);
    expect(sorted).not.toBe(input);
  });

  it('copes with an empty list', () => {
    expect(sortAlerts([])).toEqual([]);
  });
});
