/** The poll got no answer in time; the poller aborted it. */
export class PollTimeoutError extends Error {
  /** @param timeoutMs - how long the poll was allowed */
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${formatSeconds(timeoutMs)}`);
    this.name = 'TimeoutError';
  }
}

/**
 * A duration as people say it: `10 s`, `0.5 s`.
 * @param ms - milliseconds
 */
export function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(1))} s`;
}
