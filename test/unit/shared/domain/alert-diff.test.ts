import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../../src/shared/domain/alert';
import { diffAlerts, isEmptyDiff } from '../../../../src/shared/domain/alert-diff';
import { makeAlert } from '../make-alert';

const NOW = new Date('2025-03-04T06:00:00.000Z');

function byId(...alerts: Alert[]): Map<string, Alert> {
  return new Map(alerts.map((a) => [a.id, a]));
}

const ids = (alerts: readonly Alert[]) => alerts.map((a) => a.id);

describe('diffAlerts', () => {
  it('reports every firing alert as added on the first poll', () => {
    const diff = diffAlerts(new Map(), [makeAlert('disk'), makeAlert('cpu')], NOW);
    expect(ids(diff.added)).toEqual(['prod:disk', 'prod:cpu']);
    expect(diff.changed).toEqual([]);
    expect(diff.resolved).toEqual([]);
  });

  it('reports a suppressed alert seen for the first time as added too', () => {
    const diff = diffAlerts(new Map(), [makeAlert('disk', { status: 'suppressed' })], NOW);
    expect(ids(diff.added)).toEqual(['prod:disk']);
  });

  it('does not announce an alert that is already resolved the first time it is seen', () => {
    const diff = diffAlerts(new Map(), [makeAlert('disk', { status: 'resolved' })], NOW);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('finds nothing when the source returns the same alerts again', () => {
    const disk = makeAlert('disk');
    const diff = diffAlerts(byId(disk), [{ ...disk, labels: { ...disk.labels } }], NOW);
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('ignores a change of updatedAt alone (it moves on every evaluation)', () => {
    const disk = makeAlert('disk', { updatedAt: '2025-03-04T05:00:00.000Z' });
    const next = { ...disk, updatedAt: '2025-03-04T05:59:00.000Z' };
    expect(isEmptyDiff(diffAlerts(byId(disk), [next], NOW))).toBe(true);
  });

  it.each<[string, Partial<Alert>]>([
    ['severity', { severity: 'sev1' }],
    ['status (firing → suppressed)', { status: 'suppressed' }],
    ['title', { title: 'disk is full' }],
    ['summary', { summary: 'now at 99%' }],
    ['startsAt', { startsAt: '2025-03-04T05:30:00.000Z' }],
    ['endsAt', { endsAt: '2025-03-04T07:00:00.000Z' }],
    ['url', { url: 'http://prometheus.example/graph' }],
    ['a label value', { labels: { alertname: 'disk', severity: 'critical' } }],
    ['an added label', { labels: { alertname: 'disk', severity: 'high', team: 'db' } }],
    ['a removed label', { labels: { alertname: 'disk' } }],
    ['a renamed label', { labels: { alertname: 'disk', sev: 'high' } }],
    ['an annotation', { annotations: { runbook: 'https://runbooks.example/other' } }],
  ])('reports a change of %s as changed', (_what, change) => {
    const disk = makeAlert('disk');
    const next = { ...disk, ...change };
    const diff = diffAlerts(byId(disk), [next], NOW);
    expect(diff.changed).toEqual([next]);
    expect(diff.added).toEqual([]);
    expect(diff.resolved).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reports who silenced or acknowledged an alert, and until when, as a change', () => {
    const disk = makeAlert('disk', { status: 'suppressed' });
    const silence = {
      id: 's1',
      createdBy: 'ana',
      comment: 'disk swap tonight',
      startsAt: '2025-03-04T05:00:00.000Z',
      endsAt: '2025-03-04T07:00:00.000Z',
    };
    const ack = { by: 'ana', at: '2025-03-04T05:00:00.000Z', via: 'source' as const, ref: 's1' };
    const steps: Array<Partial<Alert>> = [
      { silences: [silence] },
      { silences: [{ ...silence, endsAt: '2025-03-04T08:00:00.000Z' }] },
      { silences: [silence], ack },
      { silences: [silence], ack: { ...ack, until: '2025-03-04T07:00:00.000Z' } },
      { inhibitedBy: ['abc'] },
    ];
    let before = disk;
    for (const step of steps) {
      const next = { ...disk, ...step };
      expect(ids(diffAlerts(byId(before), [next], NOW).changed)).toEqual(['prod:disk']);
      expect(isEmptyDiff(diffAlerts(byId(next), [structuredClone(next)], NOW))).toBe(true);
      before = next;
    }
  });

  it('reports an alert the source now says is resolved, with the source’s own end time', () => {
    const disk = makeAlert('disk');
    const next = { ...disk, status: 'resolved' as const, endsAt: '2025-03-04T05:45:00.000Z' };
    const diff = diffAlerts(byId(disk), [next], NOW);
    expect(diff.resolved).toEqual([next]);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('reports an alert that vanished from the source as resolved at `now`', () => {
    const disk = makeAlert('disk', { endsAt: '2025-03-04T09:00:00.000Z' });
    const cpu = makeAlert('cpu');
    const diff = diffAlerts(byId(disk, cpu), [cpu], NOW);
    expect(diff.resolved).toEqual([{ ...disk, status: 'resolved', endsAt: NOW.toISOString() }]);
    expect(diff.added).toEqual([]);
    expect(diff.changed).toEqual([]);
  });

  it('reports a vanished suppressed alert as resolved too', () => {
    const disk = makeAlert('disk', { status: 'suppressed' });
    const diff = diffAlerts(byId(disk), [], NOW);
    expect(diff.resolved).toEqual([{ ...disk, status: 'resolved', endsAt: NOW.toISOString() }]);
  });

  it('does not modify the previous snapshot', () => {
    const disk = makeAlert('disk');
    const previous = byId(disk);
    diffAlerts(previous, [], NOW);
    expect(previous.get('prod:disk')).toEqual(makeAlert('disk'));
  });

  it('does not report an alert resolved twice, whether it stays listed or vanishes', () => {
    const resolved = makeAlert('disk', {
      status: 'resolved',
      endsAt: '2025-03-04T05:45:00.000Z',
    });
    expect(isEmptyDiff(diffAlerts(byId(resolved), [], NOW))).toBe(true);
    expect(isEmptyDiff(diffAlerts(byId(resolved), [{ ...resolved }], NOW))).toBe(true);
  });

  it('reports an alert that fires again after it resolved as added, so it notifies again', () => {
    const resolved = makeAlert('disk', {
      status: 'resolved',
      endsAt: '2025-03-04T05:45:00.000Z',
    });
    const again = makeAlert('disk', { startsAt: '2025-03-04T05:55:00.000Z' });
    const diff = diffAlerts(byId(resolved), [again], NOW);
    expect(diff.added).toEqual([again]);
    expect(diff.changed).toEqual([]);
    expect(diff.resolved).toEqual([]);
  });

  it('sorts a mixed poll into added, changed and resolved', () => {
    const kept = makeAlert('kept');
    const worse = makeAlert('worse', { severity: 'sev3' });
    const gone = makeAlert('gone');
    const ended = makeAlert('ended');
    const fresh = makeAlert('fresh');
    const diff = diffAlerts(
      byId(kept, worse, gone, ended),
      [
        kept,
        { ...worse, severity: 'sev1' },
        { ...ended, status: 'resolved', endsAt: '2025-03-04T05:50:00.000Z' },
        fresh,
      ],
      NOW,
    );
    expect(ids(diff.added)).toEqual(['prod:fresh']);
    expect(ids(diff.changed)).toEqual(['prod:worse']);
    expect(ids(diff.resolved).sort()).toEqual(['prod:ended', 'prod:gone']);
    const goneResolved = diff.resolved.find((a) => a.id === 'prod:gone');
    expect(goneResolved?.endsAt).toBe(NOW.toISOString());
  });
});

describe('isEmptyDiff', () => {
  it('is true only when nothing was added, changed or resolved', () => {
    const a = makeAlert('a');
    expect(isEmptyDiff({ added: [], changed: [], resolved: [] })).toBe(true);
    expect(isEmptyDiff({ added: [a], changed: [], resolved: [] })).toBe(false);
    expect(isEmptyDiff({ added: [], changed: [a], resolved: [] })).toBe(false);
    expect(isEmptyDiff({ added: [], changed: [], resolved: [a] })).toBe(false);
  });
});
