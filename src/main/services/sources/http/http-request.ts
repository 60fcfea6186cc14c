import { STATUS_CODES } from 'node:http';
import type { Clock } from '../../clock/clock';
import { formatSeconds } from '../../poller/poll-timeout-error';
import { readBodyText } from './read-body';
import { parseRetryAfter } from '../retry-after';
import { shownUrl } from '../shown-url';
import { SourceError } from '../source-error';
import { networkError, overloaded } from './network-error';
import type { PeerWords } from './peer-words';
import { redact } from './redact';

/** Largest answer a source may give unless its caller sets less; 10,000 alerts take about 8 MB. */
export const MAX_SOURCE_BODY_BYTES = 64 * 1024 * 1024;

/** Largest page a vendor API (Opsgenie, Grafana OnCall) may answer; a page holds at most a few hundred alerts. */
export const MAX_API_BODY_BYTES = 16 * 1024 * 1024;

/** How much of an error body is read for the peer's own reason. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** An answer with an error status, for the caller to say what it means. */
export interface Refusal {
  readonly status: number;
  /** The status text, or the standard one when the peer sent none. */
  readonly statusText: string;
  readonly headers: Headers;
  /** The start of the error body ('' when there was none or it could not be read). */
  readonly body: string;
  /** The URL as shown. */
  readonly shown: string;
  /** The peer's Retry-After, in ms, when it sent one. */
  readonly retryAfterMs: number | undefined;
  readonly now: Date;
}

/** One request to a source's peer. */
export interface HttpRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Aborts the request (the source stopped, or the poller gave up). */
  readonly signal: AbortSignal;
  /** Time the whole request, body included, may take. */
  readonly timeoutMs: number;
  /** Reads "now" for a Retry-After given as a date. */
  readonly clock: Clock;
  /** Who is asked, for hints. */
  readonly peer: PeerWords;
  /** The URL as messages show it; the request's URL without credentials or query by default. */
  readonly shown?: string;
  /**
   * The token sent with the request: kept out of every message, and never carried along a
   * redirect (a redirect is reported, not followed).
   */
  readonly secret?: string;
  /** Largest body accepted; {@link MAX_SOURCE_BODY_BYTES} by default. */
  readonly maxBytes?: number;
  /** Statuses besides 2xx that are answers, not errors; `any` hands every status over. */
  readonly accept?: readonly number[] | 'any';
  /** The peer's own reason in an error body (`{ "message": … }`), quoted in the message. */
  readonly errorDetail?: (body: string) => string | undefined;
  /** The hint an error status gets; {@link tokenApiHint} by default. */
  readonly hint?: (status: number, peer: PeerWords) => string | undefined;
  /** Says what a refusal means, where the peer's statuses need more than a hint. */
  readonly httpError?: (refusal: Refusal) => SourceError;
}

/** What every request of a poll or action shares: abort signal, timeout, clock. */
export type HttpRequestOptions = Pick<HttpRequest, 'signal' | 'timeoutMs' | 'clock'>;

/** A 2xx answer, or one of the accepted statuses. */
export interface HttpAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Make one request and read the answer, turning every failure into a `SourceError` a person
 * can act on: DNS, TLS, refused, reset, timeout, redirect loops, bodies over the cap, and an
 * HTTP status with the peer's hint and its own reason, carrying its Retry-After for the
 * poller's backoff.
 * @param url - where
 * @param request - method, headers, body, abort signal, timeout, clock, peer and secret
 * @throws SourceError whose message names the URL and the cause; or the caller's abort reason
 */
export async function httpRequest(url: URL, request: HttpRequest): Promise<HttpAnswer> {
  const shown = request.shown ?? shownUrl(url.href);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  // Not AbortSignal.any: it leaks when a caller's signal is long-lived (nodejs/node#55351);
  // a listener we remove ourselves cannot.
  const forward = () => timeout.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      signal: timeout.signal,
      // A redirect would carry the token to wherever it points; the API URL is configured.
      redirect: request.secret === undefined ? 'follow' : 'manual',
      headers: {
        accept: 'application/json',
        ...(request.json !== undefined && { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.json !== undefined && { body: JSON.stringify(request.json) }),
    });
    if (request.secret !== undefined && response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      const target = location ? shownUrl(new URL(location, url.href).href) : 'elsewhere';
      throw new SourceError(
        'http',
        `${shown} answered HTTP ${response.status}, a redirect to ${target} — not followed, so the token is not sent there: enter the API URL it redirects to`,
      );
    }
    const accepted =
      response.ok || request.accept === 'any' || request.accept?.includes(response.status);
    if (!accepted) throw await refusalError(response, shown, request);
    const text = await readBodyText(
      response,
      request.maxBytes ?? MAX_SOURCE_BODY_BYTES,
      shown,
      request.peer.check,
    );
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      text,
    };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.signal.aborted) {
      throw new SourceError(
        'timeout',
        `no answer within ${formatSeconds(request.timeoutMs)} from ${shown} — ${overloaded(request.peer)}`,
        { cause: error },
      );
    }
    throw networkError(error, shown, request.peer);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
  }
}

async function refusalError(
  response: Response,
  shown: string,
  request: HttpRequest,
): Promise<SourceError> {
  let body = '';
  try {
    body = redact(
      await readBodyText(response, MAX_ERROR_BODY_BYTES, shown, request.peer.check),
      request.secret,
    );
  } catch {
    // Too large, or cut off: the status still says what happened.
  }
  const refusal: Refusal = {
    status: response.status,
    statusText: response.statusText || STATUS_CODES[response.status] || '',
    headers: response.headers,
    body,
    shown,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), request.clock.now()),
    now: request.clock.now(),
  };
  if (request.httpError) return request.httpError(refusal);
  let detail: string | undefined;
  try {
    detail = request.errorDetail?.(body);
  } catch {
    detail = undefined;
  }
  const said = detail ? ` ("${redact(detail, request.secret).slice(0, 200)}")` : '';
  const hint = (request.hint ?? tokenApiHint)(refusal.status, request.peer);
  return statusError(refusal, `${said}${hint ? ` — ${hint}` : ''}`);
}

/**
 * "<URL> answered HTTP <status> <text><rest>", carrying the status and Retry-After.
 * @param refusal - the answer
 * @param rest - what follows: the peer's reason, the hint
 */
export function statusError(refusal: Refusal, rest: string): SourceError {
  const { status, statusText, retryAfterMs } = refusal;
  return new SourceError(
    'http',
    `${refusal.shown} answered HTTP ${status}${statusText ? ` ${statusText}` : ''}${rest}`,
    retryAfterMs === undefined ? { status } : { status, retryAfterMs },
  );
}

/**
 * What an error status of an endpoint the person configured (a JSON feed, a health check) means.
 * @param status - the HTTP status
 * @param peer - who answered
 */
export function endpointHint(status: number, peer: PeerWords): string | undefined {
  if (status === 401) return 'the token was rejected or is missing; check the credential';
  if (status === 403) return 'the token is not allowed to read this; check its permissions';
  if (status === 404) return `is this the URL of ${peer.name}?`;
  if (status === 429) return 'it asks us to poll less often';
  if (status >= 500) return `${peer.name} (or a proxy in front of it) is in trouble`;
  return undefined;
}

/**
 * What an error status of a vendor's token-guarded API means.
 * @param status - the HTTP status
 * @param peer - who answered
 */
export function tokenApiHint(status: number, peer: PeerWords): string | undefined {
  if (status === 401) return `${peer.name} refused the token: enter a valid one in Settings`;
  if (status === 403) return `the token may not do this: check its permissions in ${peer.name}`;
  if (status === 404) return `is this ${peer.name}'s API URL?`;
  if (status === 429) return `${peer.name} asks us to slow down`;
  if (status >= 500) return `${peer.name} (or a proxy in front of it) is in trouble`;
  return undefined;
}
