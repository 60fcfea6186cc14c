import pRetry, { AbortError } from 'p-retry';
import type { Clock } from '../clock/clock';
import { formatSeconds } from '../poller/poll-timeout-error';
import { abortableSleep } from '../sources/http/abortable-sleep';
import { httpRequest } from '../sources/http/http-request';
import { SourceError } from '../sources/source-error';
import type { OutboundRequest } from './outbound-request';

/** How hard a page is tried before it is given up as failed. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** Wait before the first retry; doubles with each, randomised up to twice as long. */
  readonly minTimeoutMs: number;
  /** Longest wait between two attempts (Retry-After aside). */
  readonly maxTimeoutMs: number;
  /** Longest Retry-After honoured; a peer asking for longer gets the page failed, saying so. */
  readonly maxRetryAfterMs: number;
  /** Time one attempt may take. */
  readonly attemptTimeoutMs: number;
}

/**
 * A page is urgent: 6 attempts over about a minute, then it is shown as failed rather than
 * retried for longer while nobody knows.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 5,
  minTimeoutMs: 1000,
  maxTimeoutMs: 15_000,
  maxRetryAfterMs: 60_000,
  attemptTimeoutMs: 10_000,
};

/** How a send ended. */
export type SendOutcome =
  | { readonly ok: true; readonly attempts: number; readonly status: number; readonly body: string }
  | { readonly ok: false; readonly attempts: number; readonly reason: string };

/** Network trouble, 5xx and 429 may pass; anything else (400, 403, 404, TLS) will not. */
function retryable(error: SourceError): boolean {
  if (error.kind === 'connection' || error.kind === 'timeout' || error.kind === 'dns') return true;
  return error.status !== undefined && (error.status === 429 || error.status >= 500);
}

/** The peer's own reason from an error body: JSON `message`/`errors`, or the start of the text. */
function peerDetail(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { message?: unknown; errors?: unknown };
    const errors = Array.isArray(parsed.errors) ? parsed.errors.map(String).join('; ') : '';
    const message = typeof parsed.message === 'string' ? parsed.message : '';
    return [message, errors].filter(Boolean).join(': ') || undefined;
  } catch {
    return body.trim().slice(0, 200) || undefined;
  }
}

/**
 * Send one page, retrying with exponential backoff (p-retry) on network errors, 5xx and 429,
 * waiting at least what a 429 or 503's Retry-After asks, up to the policy's cap; then give up
 * with the reason. Never throws: every outcome is an answer the record can keep.
 * @param request - where and what
 * @param options - the secret (kept out of every message), clock, abort signal and retry policy
 */
export async function sendWithRetry(
  request: OutboundRequest,
  options: { secret: string; clock: Clock; signal: AbortSignal; retry: RetryPolicy },
): Promise<SendOutcome> {
  const { retry, signal } = options;
  let attempts = 0;
  try {
    const answer = await pRetry(
      async () => {
        attempts += 1;
        try {
          return await httpRequest(request.url, {
            method: 'POST',
            json: request.json,
            signal,
            timeoutMs: retry.attemptTimeoutMs,
            clock: options.clock,
            peer: request.peer,
            shown: request.shown,
            secret: options.secret,
            maxBytes: 64 * 1024,
            errorDetail: peerDetail,
            hint: () => undefined,
          });
        } catch (error) {
          if (error instanceof SourceError && !retryable(error)) throw new AbortError(error);
          throw error;
        }
      },
      {
        retries: retry.retries,
        minTimeout: retry.minTimeoutMs,
        maxTimeout: retry.maxTimeoutMs,
        randomize: true,
        signal,
        unref: true,
        // Not retried: the caller's abort (the app is closing) and anything but a SourceError.
        shouldRetry: ({ error }) => error instanceof SourceError && !signal.aborted,
        onFailedAttempt: async ({ error, retriesLeft }) => {
          const wait = error instanceof SourceError ? error.retryAfterMs : undefined;
          if (wait === undefined || retriesLeft === 0) return;
          if (wait > retry.maxRetryAfterMs) {
            throw new AbortError(
              `${error.message} — asked to wait ${formatSeconds(wait)}, longer than a page may wait (${formatSeconds(retry.maxRetryAfterMs)})`,
            );
          }
          // On top of p-retry's own backoff: never sooner than the peer asked.
          await abortableSleep(wait, signal);
        },
      },
    );
    return { ok: true, attempts, status: answer.status, body: answer.text.slice(0, 1000) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = signal.aborted
      ? `stopped: the app was closing (${message})`
      : attempts > 1
        ? `${message} (gave up after ${attempts} attempts)`
        : message;
    return { ok: false, attempts, reason };
  }
}
