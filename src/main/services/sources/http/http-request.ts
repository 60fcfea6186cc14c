import { STATUS_CODES } from 'node:http';
import type { Clock } from '../../clock/clock';
import { formatSeconds } from '../../poller/poll-timeout-error';
import { readBodyText } from '../read-body';
import { parseRetryAfter } from '../retry-after';
import { shownUrl } from '../shown-url';
import { SourceError } from '../source-error';
import { networkError } from './network-error';
import { redact } from './redact';

/** Largest answer a vendor API page may be; a page holds at most a few hundred alerts. */
export const MAX_API_BODY_BYTES = 16 * 1024 * 1024;

/** One request to a vendor's API. */
export interface HttpRequest {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Aborts the request (the source stopped, or the poller gave up). */
  readonly signal: AbortSignal;
  /** Time the whole request, body included, may take. */
  readonly timeoutMs: number;
  /** Reads "now" for a Retry-After given as a date. */
  readonly clock: Clock;
  /** Who is asked, for hints: "Opsgenie", "Grafana OnCall". */
  readonly peer: string;
  /** The token sent, kept out of every message. */
  readonly secret?: string;
  /** Statuses besides 2xx that are answers, not errors (a 404 meaning "not yet"). */
  readonly accept?: readonly number[];
  /** The vendor's own explanation in an error body, if it has one (`{ "message": … }`). */
  readonly errorDetail?: (body: string) => string | undefined;
}

/** A 2xx answer, or one of the accepted statuses. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
}

/**
 * Make one request and read the answer, turning every failure into a `SourceError` a person
 * can act on (DNS, TLS, refused, timeout, HTTP status with a hint and the vendor's reason,
 * Retry-After carried for the poller's backoff). Used by the vendor adapters; Alertmanager's
 * client has its own for now.
 * @param url - where
 * @param request - method, headers, body, abort signal, timeout, clock, peer and secret
 */
export async function httpRequest(url: URL, request: HttpRequest): Promise<HttpAnswer> {
  const shown = shownUrl(url.href);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  // Not AbortSignal.any: it leaks when a caller's signal is long-lived (nodejs/node#55351).
  const forward = () => timeout.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(url, {
      method: request.method ?? 'GET',
      signal: timeout.signal,
      // A redirect would carry the token to wherever it points; the API URL is configured.
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(request.json !== undefined && { 'content-type': 'application/json' }),
        ...request.headers,
      },
      ...(request.json !== undefined && { body: JSON.stringify(request.json) }),
    });
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel().catch(() => {});
      const location = response.headers.get('location');
      const target = location ? shownUrl(new URL(location, url.href).href) : 'elsewhere';
      throw new SourceError(
        'http',
        `${shown} answered HTTP ${response.status}, a redirect to ${target} — not followed, so the token is not sent there: enter the API URL it redirects to`,
      );
    }
    const text = await readBodyText(
      response,
      MAX_API_BODY_BYTES,
      shown,
      `is this ${request.peer}'s API URL?`,
    );
    if (!response.ok && !request.accept?.includes(response.status))
      throw httpError(response, text, shown, request);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.signal.aborted) {
      throw new SourceError(
        'timeout',
        `no answer within ${formatSeconds(request.timeoutMs)} from ${shown} — is ${request.peer} overloaded, or is a firewall dropping the connection?`,
        { cause: error },
      );
    }
    throw networkError(error, shown, request.peer);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
  }
}

function httpError(response: Response, body: string, shown: string, request: HttpRequest) {
  const status = response.status;
  const text = response.statusText || STATUS_CODES[status] || '';
  const hint = httpHint(status, request.peer);
  let detail: string | undefined;
  try {
    detail = request.errorDetail?.(body);
  } catch {
    detail = undefined;
  }
  const said = detail ? ` ("${redact(detail, request.secret).slice(0, 200)}")` : '';
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), request.clock.now());
  return new SourceError(
    'http',
    `${shown} answered HTTP ${status}${text ? ` ${text}` : ''}${said}${hint ? ` — ${hint}` : ''}`,
    retryAfterMs === undefined ? {} : { retryAfterMs },
  );
}

function httpHint(status: number, peer: string): string | undefined {
  if (status === 401) return `${peer} refused the token: enter a valid one in Settings`;
  if (status === 403) return `the token may not do this: check its permissions in ${peer}`;
  if (status === 404) return `is this ${peer}'s API URL?`;
  if (status === 429) return `${peer} asks us to slow down`;
  if (status >= 500) return `${peer} (or a proxy in front of it) is in trouble`;
  return undefined;
}
