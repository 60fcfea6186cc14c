import type { RetryAfterHint } from '../poller/poll-outcome';

/**
 * What went wrong with a source, coarsely, so the UI and logs can tell a dead peer from a
 * misconfigured URL without parsing sentences.
 */
export type SourceErrorKind =
  | 'connection' // refused, reset, unreachable: nothing (or the wrong thing) is listening
  | 'dns' // the host name does not resolve
  | 'timeout' // no answer in time
  | 'tls' // certificate or handshake problem
  | 'http' // it answered with an error status
  | 'response' // it answered 200 with something that is not Alertmanager's alert list
  | 'config'; // the URL itself cannot be used

/** A failed poll, with a message a person can act on (it becomes the source's `reason`). */
export class SourceError extends Error implements RetryAfterHint {
  readonly retryAfterMs?: number;
  /** The HTTP status the peer answered with, for kind `http`. */
  readonly status?: number;

  /**
   * @param kind - the coarse category
   * @param message - one sentence: what happened and, where we can tell, what to check
   * @param options - the peer's Retry-After in ms, its HTTP status, and the underlying error
   */
  constructor(
    readonly kind: SourceErrorKind,
    message: string,
    options: { retryAfterMs?: number; status?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SourceError';
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.status !== undefined) this.status = options.status;
  }
}
