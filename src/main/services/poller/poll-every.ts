import {
  NEVER,
  catchError,
  defer,
  expand,
  finalize,
  map,
  merge,
  of,
  race,
  switchMap,
  take,
  timer,
  type Observable,
} from 'rxjs';
import type { Clock } from '../clock/clock';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { retryAfterOf, type PollOutcome } from './poll-outcome';
import { PollTimeoutError } from './poll-timeout-error';

/** What {@link pollEvery} needs to poll one peer. */
export interface PollEveryOptions<T> {
  /** One poll. It must stop its IO when `signal` aborts (timeout or unsubscribe). */
  readonly fetchOnce: (signal: AbortSignal) => Promise<T>;
  /** Wait after a successful poll. */
  readonly intervalMs: number;
  /** Time a poll may take; past it the poll is aborted and counts as a failure. */
  readonly timeoutMs: number;
  /** How waits grow while polls keep failing. */
  readonly backoff: BackoffPolicy;
  /** A draw in [0, 1) for the jitter; injected so tests can fix it. */
  readonly random: () => number;
  readonly clock: Clock;
  /** Each emission polls at once (unless a poll is under way) and restarts the wait. */
  readonly refresh?: Observable<unknown>;
}

type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Poll a peer for as long as the result is subscribed: at once, then `intervalMs` after each
 * success, or after an exponential, fully jittered backoff (at least the peer's Retry-After)
 * after each failure. Failures never end the stream, so the source recovers by itself when
 * the peer comes back. Unsubscribing aborts a poll under way.
 * @param options - the poll, its timing and its inputs
 */
export function pollEvery<T>(options: PollEveryOptions<T>): Observable<PollOutcome<T>> {
  const refresh$ = options.refresh ?? NEVER;
  return defer(() => {
    // Per subscription, so two subscribers never share a failure count.
    let failures = 0;

    const attempt = (): Observable<PollOutcome<T>> =>
      attemptOnce(options.fetchOnce, options.timeoutMs).pipe(
        map((result): PollOutcome<T> => {
          const at = options.clock.now();
          if (result.ok) {
            failures = 0;
            return { ok: true, value: result.value, at, nextInMs: options.intervalMs };
          }
          failures += 1;
          const retryAfterMs = retryAfterOf(result.error);
          return {
            ok: false,
            error: result.error,
            reason: reasonOf(result.error),
            failures,
            retryInMs: backoffDelay(failures, options.backoff, options.random, retryAfterMs),
            at,
          };
        }),
      );

    // After each outcome: wait its delay, or less if a refresh arrives, then poll again.
    const next = (outcome: PollOutcome<T>): Observable<PollOutcome<T>> =>
      merge(timer(outcome.ok ? outcome.nextInMs : outcome.retryInMs), refresh$).pipe(
        take(1),
        switchMap(attempt),
      );

    return attempt().pipe(expand(next));
  });
}

function attemptOnce<T>(
  fetchOnce: (signal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Observable<Attempt<T>> {
  return defer(() => {
    const controller = new AbortController();
    const answer$ = defer(() => fetchOnce(controller.signal)).pipe(
      map((value): Attempt<T> => ({ ok: true, value })),
    );
    // Race rather than trust fetchOnce to honour the abort: a poll that ignores its signal
    // must still not stall the source.
    const timeout$ = timer(timeoutMs).pipe(
      map((): Attempt<T> => {
        const error = new PollTimeoutError(timeoutMs);
        controller.abort(error);
        return { ok: false, error };
      }),
    );
    return race(answer$, timeout$).pipe(
      take(1),
      catchError((error: unknown) => of<Attempt<T>>({ ok: false, error })),
      // Unsubscribed mid-poll (source stopped): drop the connection. A no-op once settled.
      finalize(() => controller.abort()),
    );
  });
}

// Errors of the polled peer are written for people (see SourceError), so the message is the reason.
function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
