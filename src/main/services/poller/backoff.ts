/** How a failing poll backs off: exponential growth from `baseMs`, capped at `maxMs`. */
export interface BackoffPolicy {
  /** The ceiling of the first retry's delay. */
  readonly baseMs: number;
  /** The largest ceiling, however many failures in a row. */
  readonly maxMs: number;
  /**
   * The shortest delay ever used. Full jitter can draw a delay near zero; without a floor a
   * dead peer could be hammered several times in a row.
   */
  readonly floorMs?: number;
}

/** Floor used when the policy does not name one. */
export const DEFAULT_BACKOFF_FLOOR_MS = 500;

/**
 * The longest Retry-After we obey. A peer (or a proxy in front of it) asking for a day's pause
 * would otherwise silence a source for the rest of the shift; the user can still refresh.
 */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * The wait before the next attempt after `failures` failures in a row, with full jitter
 * (a uniform draw between 0 and the exponential ceiling) so many clients that lost the same
 * peer do not come back in lockstep. A Retry-After from the peer wins when it is longer.
 * @param failures - consecutive failures so far, 1 after the first
 * @param policy - base, cap and floor
 * @param random - a draw in [0, 1)
 * @param retryAfterMs - the wait the peer asked for, if it asked
 */
export function backoffDelay(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** exponent overflows to Infinity after ~1000 failures; min() keeps it at the cap.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  const jittered = clampUnit(random()) * ceiling;
  const asked = retryAfterMs === undefined ? 0 : Math.min(retryAfterMs, MAX_RETRY_AFTER_MS);
  const floor = policy.floorMs ?? DEFAULT_BACKOFF_FLOOR_MS;
  return Math.round(Math.max(floor, asked, jittered));
}

// A bad random source (NaN, negative, >= 1) must not produce a negative or runaway delay.
function clampUnit(value: number): number {
  if (!Number.isFinite(value) || value < 0) return 0;
  return Math.min(value, 1);
}
