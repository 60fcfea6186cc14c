import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BACKOFF_FLOOR_MS,
  MAX_RETRY_AFTER_MS,
  backoffDelay,
} from '../../../../../src/main/services/poller/backoff';

const policy = { baseMs: 1_000, maxMs: 30_000, floorMs: 200 };

describe('backoffDelay', () => {
  it('doubles the ceiling with each failure and stops at the cap', () => {
    const top = () => 1;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, policy, top));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('draws anywhere between the floor and the ceiling (full jitter)', () => {
    expect(backoffDelay(4, policy, () => 0.5)).toBe(4_000);
    expect(backoffDelay(4, policy, () => 0)).toBe(200);
  });

  it('keeps a dead peer from being hammered when the draw is near zero', () => {
    expect(backoffDelay(1, { baseMs: 1_000, maxMs: 5_000 }, () => 0.0001)).toBe(
      DEFAULT_BACKOFF_FLOOR_MS,
    );
  });

  it('waits at least as long as the peer asked', () => {
    expect(backoffDelay(1, policy, () => 0.5, 45_000)).toBe(45_000);
    expect(backoffDelay(6, policy, () => 1, 5_000)).toBe(30_000);
  });

  it('does not let a Retry-After silence a source for more than an hour', () => {
    expect(backoffDelay(1, policy, () => 0, 24 * 3600 * 1000)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('survives a very long run of failures and a broken random source', () => {
    expect(backoffDelay(5_000, policy, () => 1)).toBe(30_000);
    expect(backoffDelay(3, policy, () => Number.NaN)).toBe(200);
    expect(backoffDelay(3, policy, () => 7)).toBe(4_000);
  });
});
