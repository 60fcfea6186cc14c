/** A poll that answered. */
export interface PollSuccess<T> {
  readonly ok: true;
  readonly value: T;
  /** When the answer arrived. */
  readonly at: Date;
  /** Wait until the next regular poll. */
  readonly nextInMs: number;
}

/** A poll that failed (an error, or no answer in time). */
export interface PollFailure {
  readonly ok: false;
  readonly error: unknown;
  /** Why it failed, in words a person can act on. */
  readonly reason: string;
  /** Consecutive failures, including this one. */
  readonly failures: number;
  /** Wait until the next attempt (backoff, or what the peer asked for). */
  readonly retryInMs: number;
  /** When the failure was noticed. */
  readonly at: Date;
}

/** What one poll came to. */
export type PollOutcome<T> = PollSuccess<T> | PollFailure;

/**
 * An error that carries the peer's Retry-After, already turned into milliseconds.
 * The poller honours it without knowing what kind of peer it polls.
 */
export interface RetryAfterHint {
  readonly retryAfterMs?: number;
}

/**
 * The Retry-After carried by an error, if any.
 * @param error - whatever the poll rejected with
 */
export function retryAfterOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('retryAfterMs' in error)) return undefined;
  const value = (error as RetryAfterHint).retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
