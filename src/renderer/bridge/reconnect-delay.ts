/** Longest wait between two attempts while the server is simply away. */
export const MAX_RECONNECT_DELAY_MS = 10_000;

/** Wait between attempts once the server answered but refused us (a stale token). */
export const REFUSED_RECONNECT_DELAY_MS = 60_000;

/**
 * Wait before reconnect attempt number `attempt` (1 for the first retry): exponential from
 * 0.5 s, capped at 10 s, with "equal jitter" (half fixed, half random) so several tabs do not
 * reconnect in lockstep, yet the first retry is always quick.
 * @param attempt - failed attempts so far, from 1
 * @param random - a number in [0, 1)
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const base = Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random * base) / 2);
}
