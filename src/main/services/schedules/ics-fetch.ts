import pRetry, { AbortError } from 'p-retry';
import type { Clock } from '../clock/clock';
import { httpRequest } from '../sources/http/http-request';
import { SourceError } from '../sources/source-error';
import { shownFeedUrl } from './ics-feed-url';

/** Fetches a feed's text; the port tests and other transports can replace. */
export type IcsFetch = (url: URL, signal: AbortSignal) => Promise<string>;

/** Largest feed accepted: a year of a busy PagerDuty schedule is a few hundred KiB. */
export const MAX_ICS_BYTES = 2 * 1024 * 1024;

/** How one refresh fetches: per-attempt timeout and retries with backoff. */
export interface IcsFetchPolicy {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** Retries after the first attempt, on network errors, timeouts, 5xx and 429. */
  readonly retries: number;
  /** Wait before the first retry; doubles with each, randomised. */
  readonly minRetryMs: number;
  readonly maxRetryMs: number;
}

/** A feed is not urgent (the copy on disk serves meanwhile): 3 attempts within a minute. */
export const DEFAULT_ICS_FETCH_POLICY: IcsFetchPolicy = {
  timeoutMs: 15_000,
  maxBytes: MAX_ICS_BYTES,
  retries: 2,
  minRetryMs: 5_000,
  maxRetryMs: 30_000,
};

const PEER = { name: 'the calendar feed', check: 'is this the URL of an iCalendar feed?' };

/**
 * The real fetcher: a GET with a timeout and a size cap, its errors in words a person can act
 * on (the URL shown without its secret path).
 * @param clock - reads "now" for a Retry-After
 * @param policy - timeout and size cap
 */
export function httpIcsFetch(clock: Clock, policy: IcsFetchPolicy): IcsFetch {
  return async (url, signal) => {
    const answer = await httpRequest(url, {
      signal,
      timeoutMs: policy.timeoutMs,
      clock,
      peer: PEER,
      shown: shownFeedUrl(url),
      maxBytes: policy.maxBytes,
      headers: { accept: 'text/calendar, text/plain;q=0.5, */*;q=0.1' },
      hint: (status) =>
        status === 401 || status === 403 || status === 404
          ? 'the feed’s URL may have been reset: copy it again from the schedule'
          : status >= 500 || status === 429
            ? 'the calendar service is in trouble; the last good copy is used meanwhile'
            : undefined,
    });
    return answer.text;
  };
}

/**
 * Fetch with retries (p-retry, exponential backoff with jitter, timers unref'd so they never
 * keep the app alive) on what may pass: network errors, timeouts, 5xx and 429.
 * @param fetch - one attempt
 * @param url - the feed
 * @param signal - stops retrying (the feed was removed, the app is closing)
 * @param policy - how many retries, how far apart
 */
export async function fetchWithRetry(
  fetch: IcsFetch,
  url: URL,
  signal: AbortSignal,
  policy: IcsFetchPolicy,
): Promise<string> {
  return pRetry(
    async () => {
      try {
        return await fetch(url, signal);
      } catch (error) {
        if (error instanceof SourceError && !retryable(error)) throw new AbortError(error);
        throw error;
      }
    },
    {
      retries: policy.retries,
      minTimeout: policy.minRetryMs,
      maxTimeout: policy.maxRetryMs,
      randomize: true,
      signal,
      unref: true,
      shouldRetry: () => !signal.aborted,
    },
  );
}

function retryable(error: SourceError): boolean {
  if (error.kind === 'connection' || error.kind === 'timeout' || error.kind === 'dns') return true;
  return error.status !== undefined && (error.status === 429 || error.status >= 500);
}
