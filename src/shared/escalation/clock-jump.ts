/** One reading of both clocks, taken together. */
export interface ClockReading {
  /** Wall clock, ms since the epoch (`Date.now()`). */
  readonly wallMs: number;
  /** A monotonic clock, ms from any origin (`performance.now()`); it does not follow the wall. */
  readonly monoMs: number;
}

/** Wall-clock movement that the monotonic clock did not see, beyond timer jitter. */
export const CLOCK_JUMP_TOLERANCE_MS = 2_000;

/**
 * How far the wall clock moved on its own between two readings: a time change (NTP, the user,
 * a time zone change does not count, it is UTC) or a sleep, during which a monotonic clock
 * stands still on Linux and macOS. Positive: the wall clock went forward. Undefined when the
 * two clocks agree within `toleranceMs`.
 * @param before - the earlier reading
 * @param after - the later reading
 * @param toleranceMs - disagreement that is only jitter
 */
export function clockJumpMs(
  before: ClockReading,
  after: ClockReading,
  toleranceMs = CLOCK_JUMP_TOLERANCE_MS,
): number | undefined {
  const jump = after.wallMs - before.wallMs - (after.monoMs - before.monoMs);
  return Math.abs(jump) > toleranceMs ? jump : undefined;
}
