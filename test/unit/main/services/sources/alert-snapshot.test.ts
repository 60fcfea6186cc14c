import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../../src/shared/domain/alert';
import {
  KEEP_RESOLVED_MS,
  advanceSnapshot,
  countOpen,
  pruneResolved,
} from '../../../../../src/main/services/sources/alert-snapshot';

const t0 = new Date('2026-03-01T02:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

function alert(fingerprint: string, extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${fingerprint}`,
    sourceId: 'prod',
    fingerprint,
    status: 'firing',
    severity: 'sev2',
    title: `Alert ${fingerprint}`,
    labels: { alertname: `Alert ${fingerprint}` },
    annotations: {},
    startsAt: '2026-03-01T01:00:00.000Z',
    ...extra,
  };
}

const mapOf = (...alerts: Alert[]) => new Map(alerts.map((a) => [a.id, a]));

describe('advanceSnapshot', () => {
  it('reports new alerts as added', () => {
    const step = advanceSnapshot(new Map(), [alert('a'), alert('b')], t0);
    expect(step.diff.added.map((a) => a.id)).toEqual(['prod:a', 'prod:b']);
    expect(step.listChanged).toBe(true);
    expect(countOpen(step.snapshot)).toBe(2);
  });

  it('says nothing changed when the source answers the same again', () => {
    const step = advanceSnapshot(
      mapOf(alert('a')),
      [alert('a', { updatedAt: '2026-03-01T02:00:00.000Z' })],
      t0,
    );
    expect(step.listChanged).toBe(false);
  });

  it('keeps an alert that vanished from the source, resolved at the time it vanished', () => {
    const step = advanceSnapshot(mapOf(alert('a'), alert('b')), [alert('a')], t0);
    expect(step.diff.resolved).toEqual([
      { ...alert('b'), status: 'resolved', endsAt: t0.toISOString() },
    ]);
    expect(step.snapshot.get('prod:b')?.status).toBe('resolved');
    expect(countOpen(step.snapshot)).toBe(1);
  });

  it('keeps a resolved alert for an hour after it ended, then drops it', () => {
    const { snapshot } = advanceSnapshot(mapOf(alert('a')), [], t0);
    const almost = advanceSnapshot(snapshot, [], later(KEEP_RESOLVED_MS - 1));
    expect(almost.snapshot.has('prod:a')).toBe(true);
    expect(almost.listChanged).toBe(false);

    const gone = advanceSnapshot(almost.snapshot, [], later(KEEP_RESOLVED_MS));
    expect(gone.snapshot.size).toBe(0);
    expect(gone.listChanged).toBe(true);
    expect(gone.diff.resolved).toEqual([]);
  });

  it('announces an alert that fires again after it resolved as new', () => {
    const { snapshot } = advanceSnapshot(mapOf(alert('a')), [], t0);
    const again = alert('a', { startsAt: later(60_000).toISOString() });
    const step = advanceSnapshot(snapshot, [again], later(120_000));
    expect(step.diff.added).toEqual([again]);
    expect(step.snapshot.get('prod:a')?.status).toBe('firing');
  });

  it('ignores an alert that was already over the first time it was seen', () => {
    const over = alert('a', { status: 'resolved', endsAt: '2026-03-01T01:59:00.000Z' });
    const step = advanceSnapshot(new Map(), [over], t0);
    expect(step.snapshot.size).toBe(0);
    expect(step.listChanged).toBe(false);
  });
});

describe('pruneResolved', () => {
  it('returns the same snapshot when nothing aged out, so callers can tell', () => {
    const snapshot = mapOf(
      alert('a'),
      alert('b', { status: 'resolved', endsAt: t0.toISOString() }),
    );
    expect(pruneResolved(snapshot, later(60_000))).toBe(snapshot);
    expect([...pruneResolved(snapshot, later(KEEP_RESOLVED_MS)).keys()]).toEqual(['prod:a']);
  });
});
