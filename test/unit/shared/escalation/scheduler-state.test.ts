import { describe, expect, it } from 'vitest';
import { makeDeadline } from '../../../../src/shared/escalation/deadline';
import {
  boundAnnounced,
  reconcileDeadlines,
} from '../../../../src/shared/escalation/scheduler-state';

const due = (subject: string, dueAt: string) =>
  ({ kind: 'status-update', subject, dueAt }) as const;

describe('reconciling the deadlines of a kind', () => {
  it('keeps a fired deadline that is still wanted, so it never fires again', () => {
    const fired = {
      ...makeDeadline(due('inc-1', '2026-01-01T10:00:00.000Z')),
      firedAt: '2026-01-01T10:00:00.000Z',
    };
    const list = [fired];
    expect(
      reconcileDeadlines(list, 'status-update', [due('inc-1', '2026-01-01T10:00:00.000Z')]),
    ).toBe(list);
  });

  it('adds a new due time, drops the ones no longer wanted, and leaves other kinds alone', () => {
    const other = makeDeadline({
      kind: 'alarm-repeat',
      subject: 'prod:a',
      dueAt: '2026-01-01T10:00:00.000Z',
    });
    const old = makeDeadline(due('inc-1', '2026-01-01T10:00:00.000Z'));
    const next = reconcileDeadlines([other, old], 'status-update', [
      due('inc-1', '2026-01-01T10:30:00.000Z'),
    ]);
    expect(next.map((d) => d.id)).toEqual([
      other.id,
      'status-update|inc-1|2026-01-01T10:30:00.000Z',
    ]);
  });

  it('changes nothing outside the scope the caller speaks for', () => {
    const unknown = makeDeadline(due('other:1', '2026-01-01T10:00:00.000Z'));
    const next = reconcileDeadlines([unknown], 'status-update', [], (d) =>
      d.subject.startsWith('prod:'),
    );
    expect(next).toEqual([unknown]);
  });
});

describe('the announced set', () => {
  it('forgets the oldest announcements beyond its bound', () => {
    const announced = {
      a: { at: '2026-01-01T10:00:00.000Z' },
      b: { at: '2026-01-01T12:00:00.000Z' },
      c: { at: '2026-01-01T11:00:00.000Z' },
    };
    expect(Object.keys(boundAnnounced(announced, 2)).sort()).toEqual(['b', 'c']);
  });
});
