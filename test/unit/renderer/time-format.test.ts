import { describe, expect, it } from 'vitest';
import {
  formatAgo,
  formatClockTime,
  formatDuration,
  formatIn,
  formatShortDuration,
  formatTimestamp,
} from '../../../src/renderer/components/time-format';

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('formatDuration (alert ages)', () => {
  it.each([
    [0, '<1 min'],
    [59 * S, '<1 min'],
    [60 * S, '1 min'],
    [12 * MIN + 59 * S, '12 min'],
    [59 * MIN, '59 min'],
    [H, '1 h'],
    [2 * H + 5 * MIN, '2 h 5 min'],
    [23 * H + 59 * MIN, '23 h 59 min'],
    [D, '1 d'],
    [3 * D + 4 * H + 30 * MIN, '3 d 4 h'],
    [-5 * S, '<1 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('seconds for polls and retries', () => {
  it('counts seconds under a minute, then like formatDuration', () => {
    expect(formatShortDuration(10 * S + 900)).toBe('10 s');
    expect(formatShortDuration(3 * MIN)).toBe('3 min');
  });

  it('says how long ago, "just now" for the last two seconds', () => {
    const now = Date.parse('2025-03-04T05:00:00Z');
    expect(formatAgo(now - 500, now)).toBe('just now');
    expect(formatAgo(now - 10 * S, now)).toBe('10 s ago');
    expect(formatAgo(now - 4 * MIN, now)).toBe('4 min ago');
    expect(formatAgo(now + 3 * S, now)).toBe('just now');
  });

  it('counts down, rounding up, and says "now" once due', () => {
    const now = 1_000_000;
    expect(formatIn(now + 20 * S, now)).toBe('in 20 s');
    expect(formatIn(now + 19_100, now)).toBe('in 20 s');
    expect(formatIn(now + 2 * MIN, now)).toBe('in 2 min');
    expect(formatIn(now + 200, now)).toBe('now');
    expect(formatIn(now - 5 * S, now)).toBe('now');
  });
});

describe('wall-clock times (local zone)', () => {
  const now = new Date(2025, 2, 4, 15, 30);

  it('shows only the time today, 24-hour', () => {
    expect(formatClockTime(new Date(2025, 2, 4, 14, 2), now)).toBe('14:02');
    expect(formatClockTime(new Date(2025, 2, 4, 0, 5), now)).toBe('00:05');
  });

  it('adds the date on another day, and the year in another year', () => {
    expect(formatClockTime(new Date(2025, 2, 3, 23, 59), now)).toBe('3 Mar 23:59');
    expect(formatClockTime(new Date(2024, 11, 31, 8, 0), now)).toBe('31 Dec 2024 08:00');
  });

  it('gives a full timestamp for details', () => {
    expect(formatTimestamp(new Date(2025, 2, 4, 5, 6, 7))).toBe('2025-03-04 05:06:07');
  });
});
