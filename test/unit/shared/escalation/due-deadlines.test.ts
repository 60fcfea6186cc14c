import { describe, expect, it } from 'vitest';
import { makeDeadline, type Deadline } from '../../../../src/shared/escalation/deadline';
import {
  dueDeadlines,
  earliestPending,
  latenessText,
  sleepBeforeNextCheck,
} from '../../../../src/shared/escalation/due-deadlines';

const at = (iso: string) => new Date(iso);
const d = (subject: string, dueAt: string, firedAt?: string): Deadline => ({
  ...makeDeadline({ kind: 'alarm-repeat', subject, dueAt }),
  ...(firedAt ? { firedAt } : {}),
});

describe('due deadlines', () => {
  const list = [
    d('b', '2026-01-01T10:02:00.000Z'),
    d('a', '2026-01-01T10:00:00.000Z'),
    d('c', '2026-01-01T10:00:00.000Z', '2026-01-01T10:00:01.000Z'),
    d('later', '2026-01-01T11:00:00.000Z'),
  ];

  it('lists what is due and not yet fired, earliest first, with how late each is', () => {
    expect(
      dueDeadlines(list, at('2026-01-01T10:05:00.000Z')).map((x) => [x.deadline.subject, x.lateMs]),
    ).toEqual([
      ['a', 300_000],
      ['b', 180_000],
    ]);
  });

  it('finds nothing due before the first due time, and one exactly at it', () => {
    expect(dueDeadlines(list, at('2026-01-01T09:59:59.999Z'))).toEqual([]);
    expect(dueDeadlines(list, at('2026-01-01T10:00:00.000Z')).map((x) => x.lateMs)).toEqual([0]);
  });

  it('sleeps until the next deadline to come, never past the heartbeat, ignoring ones already due', () => {
    expect(earliestPending(list)?.subject).toBe('a');
    expect(sleepBeforeNextCheck(list, at('2026-01-01T10:01:00.000Z'), 30_000)).toBe(30_000);
    expect(sleepBeforeNextCheck(list, at('2026-01-01T10:01:50.000Z'), 30_000)).toBe(10_000);
    expect(sleepBeforeNextCheck([], at('2026-01-01T10:01:50.000Z'), 30_000)).toBe(30_000);
  });

  it('says how late in words, and nothing for timer jitter', () => {
    expect(latenessText(800)).toBeUndefined();
    expect(latenessText(40_000)).toBe('40 s late');
    expect(latenessText(3 * 60_000 + 10_000)).toBe('3 min late');
    expect(latenessText(125 * 60_000)).toBe('2 h 5 min late');
    expect(latenessText(120 * 60_000)).toBe('2 h late');
  });
});
