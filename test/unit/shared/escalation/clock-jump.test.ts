import { describe, expect, it } from 'vitest';
import { clockJumpMs } from '../../../../src/shared/escalation/clock-jump';

describe('wall-clock jump', () => {
  const before = { wallMs: 1_000_000, monoMs: 500 };

  it('sees none when both clocks moved alike, within jitter', () => {
    expect(clockJumpMs(before, { wallMs: 1_030_000, monoMs: 30_500 })).toBeUndefined();
    expect(clockJumpMs(before, { wallMs: 1_031_500, monoMs: 30_500 })).toBeUndefined();
  });

  it('sees a sleep or a time change forward, and a change back', () => {
    // Asleep for an hour: the monotonic clock stood still.
    expect(clockJumpMs(before, { wallMs: 1_000_000 + 3_600_000, monoMs: 600 })).toBe(3_599_900);
    expect(clockJumpMs(before, { wallMs: 1_000_000 - 600_000, monoMs: 1_500 })).toBe(-601_000);
  });
});
