import { Subject, type Subscription } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  pollEvery,
  type PollEveryOptions,
} from '../../../../../src/main/services/poller/poll-every';
import type { PollOutcome } from '../../../../../src/main/services/poller/poll-outcome';
import { PollTimeoutError } from '../../../../../src/main/services/poller/poll-timeout-error';

// Under fake timers `new Date()` is the fake time, so outcomes carry controllable instants.
const clock: Clock = { now: () => new Date() };

class Unavailable extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('peer unavailable');
  }
}

/** A seeded PRNG (mulberry32), so a jitter test is random but repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('pollEvery', () => {
  let subscription: Subscription | undefined;
  let outcomes: PollOutcome<string>[];

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-03-01T02:00:00Z') });
    outcomes = [];
  });

  afterEach(() => {
    subscription?.unsubscribe();
    vi.useRealTimers();
  });

  function start(
    overrides: Partial<PollEveryOptions<string>> & Pick<PollEveryOptions<string>, 'fetchOnce'>,
  ) {
    subscription = pollEvery<string>({
      intervalMs: 15_000,
      timeoutMs: 5_000,
      backoff: { baseMs: 1_000, maxMs: 8_000, floorMs: 100 },
      random: () => 1,
      clock,
      ...overrides,
    }).subscribe((o) => outcomes.push(o));
  }

  const failures = () => outcomes.filter((o) => !o.ok);

  it('polls at once, then again after each interval', async () => {
    const fetchOnce = vi.fn(async () => 'alerts');
    start({ fetchOnce });
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes).toEqual([
      { ok: true, value: 'alerts', at: new Date('2026-03-01T02:00:00Z'), nextInMs: 15_000 },
    ]);

    await vi.advanceTimersByTimeAsync(14_999);
    expect(fetchOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchOnce).toHaveBeenCalledTimes(2);
    expect(outcomes[1]?.at).toEqual(new Date('2026-03-01T02:00:15Z'));
  });

  it('backs off exponentially while the peer keeps failing, up to the cap', async () => {
    const fetchOnce = vi.fn(async (): Promise<string> => {
      throw new Unavailable();
    });
    start({ fetchOnce });
    await vi.advanceTimersByTimeAsync(0);
    // Ceilings 1, 2, 4, 8, 8 s; random() = 1 takes the ceiling each time.
    for (const wait of [1_000, 2_000, 4_000, 8_000]) await vi.advanceTimersByTimeAsync(wait);

    expect(failures().map((o) => !o.ok && [o.failures, o.retryInMs, o.reason])).toEqual([
      [1, 1_000, 'peer unavailable'],
      [2, 2_000, 'peer unavailable'],
      [3, 4_000, 'peer unavailable'],
      [4, 8_000, 'peer unavailable'],
      [5, 8_000, 'peer unavailable'],
    ]);
    // Nothing is polled before the capped wait is over.
    await vi.advanceTimersByTimeAsync(7_999);
    expect(fetchOnce).toHaveBeenCalledTimes(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchOnce).toHaveBeenCalledTimes(6);
  });

  it('spreads retries with full jitter, never below the floor nor above the ceiling', async () => {
    start({
      fetchOnce: async () => {
        throw new Unavailable();
      },
      random: seeded(42),
    });
    await vi.advanceTimersByTimeAsync(0);
    while (failures().length < 60) {
      const last = outcomes.at(-1);
      await vi.advanceTimersByTimeAsync(last && !last.ok ? last.retryInMs : 1);
    }
    const waits = failures().map((o) => (o.ok ? 0 : o.retryInMs));
    failures().forEach((o) => {
      if (o.ok) return;
      const ceiling = Math.min(8_000, 1_000 * 2 ** (o.failures - 1));
      expect(o.retryInMs).toBeGreaterThanOrEqual(100);
      expect(o.retryInMs).toBeLessThanOrEqual(ceiling);
    });
    // Jitter really varies the wait; a fixed delay would bring every client back at once.
    expect(new Set(waits).size).toBeGreaterThan(30);
  });

  it('returns to the regular interval after a success, and starts backoff afresh', async () => {
    const script = ['fail', 'fail', 'fail', 'ok', 'fail'];
    start({
      fetchOnce: async () => {
        if (script.shift() === 'fail') throw new Unavailable();
        return 'back';
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(outcomes.at(-1)).toMatchObject({ ok: true, value: 'back', nextInMs: 15_000 });

    await vi.advanceTimersByTimeAsync(15_000);
    expect(outcomes.at(-1)).toMatchObject({ ok: false, failures: 1, retryInMs: 1_000 });
  });

  it('waits as long as the peer asked in Retry-After', async () => {
    const fetchOnce = vi.fn(async (): Promise<string> => {
      throw new Unavailable(30_000);
    });
    start({ fetchOnce, random: () => 0 });
    await vi.advanceTimersByTimeAsync(0);
    expect(outcomes[0]).toMatchObject({ ok: false, failures: 1, retryInMs: 30_000 });
    await vi.advanceTimersByTimeAsync(29_999);
    expect(fetchOnce).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchOnce).toHaveBeenCalledTimes(2);
  });

  it('gives up on a poll that does not answer in time, aborts it and counts a failure', async () => {
    const signals: AbortSignal[] = [];
    start({
      fetchOnce: (signal) => {
        signals.push(signal);
        return new Promise<string>(() => {}); // never answers, ignores the signal
      },
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(outcomes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);

    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ ok: false, failures: 1, reason: 'no answer within 5 s' });
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toBeInstanceOf(PollTimeoutError);
  });

  it('polls at once on refresh and restarts the wait from there', async () => {
    const refresh = new Subject<void>();
    const fetchOnce = vi.fn(async () => 'alerts');
    start({ fetchOnce, refresh });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchOnce).toHaveBeenCalledTimes(1);

    refresh.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchOnce).toHaveBeenCalledTimes(2);

    // The old turn (15 s after the first poll) is gone; the next is 15 s after the refresh.
    await vi.advanceTimersByTimeAsync(14_999);
    expect(fetchOnce).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchOnce).toHaveBeenCalledTimes(3);
  });

  it('cuts a long backoff short on refresh, without forgetting the failures', async () => {
    const refresh = new Subject<void>();
    start({
      fetchOnce: async () => {
        throw new Unavailable(600_000);
      },
      refresh,
    });
    await vi.advanceTimersByTimeAsync(0);
    refresh.next();
    await vi.advanceTimersByTimeAsync(0);
    expect(failures().map((o) => !o.ok && o.failures)).toEqual([1, 2]);
  });

  it('aborts the poll under way when unsubscribed', async () => {
    let signal: AbortSignal | undefined;
    start({
      fetchOnce: (s) => {
        signal = s;
        return new Promise<string>(() => {});
      },
    });
    await vi.advanceTimersByTimeAsync(100);
    subscription?.unsubscribe();
    expect(signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(outcomes).toEqual([]);
  });
});
