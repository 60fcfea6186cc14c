import { STATUS_CODES } from 'node:http';
import type { Clock } from '../clock/clock';
import { formatSeconds } from '../poller/poll-timeout-error';
import { readBodyText } from './read-body';
import { parseRetryAfter } from './retry-after';
import { shownUrl } from './shown-url';
import { SourceError } from './source-error';

/** Largest answer any source may give; 10,000 alerts take about 8 MB. */
export const MAX_SOURCE_BODY_BYTES = 64 * 1024 * 1024;

/** How to make one request to a source's peer. */
export interface SourceRequest {
  /** Aborts the request (the source stopped, or the poller gave up). */
  readonly signal: AbortSignal;
  /** Time the whole request, body included, may take. */
  readonly timeoutMs: number;
  /** Reads "now" for a Retry-After given as a date. */
  readonly clock: Clock;
  readonly headers?: Readonly<Record<string, string>>;
  /** Largest body accepted; {@link MAX_SOURCE_BODY_BYTES} by default. */
  readonly maxBytes?: number;
  /** What the peer is, for hints: "the JSON endpoint", "the checked service". */
  readonly peer: string;
}

/** An answer of any status, body read (within the cap). */
export interface SourceAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: string;
}

/**
 * GET a URL and return its body; any status but 2xx is an error saying what it means.
 * @param url - the URL to fetch, as configured
 * @param request - abort signal, timeout, clock, headers and who the peer is
 * @throws SourceError whose message names the URL and the cause in plain words, and carries
 *   the server's Retry-After when it sent one
 */
export async function getSourceText(url: string, request: SourceRequest): Promise<string> {
  const answer = await requestSource(url, request, { acceptAnyStatus: false });
  return answer.body;
}

/**
 * GET a URL and return whatever it answered, error statuses included (a health check judges
 * the status itself). Network failures, timeouts, TLS problems, redirect loops and bodies over
 * the cap are still errors.
 * @param url - the URL to fetch
 * @param request - abort signal, timeout, clock, headers and who the peer is
 * @throws SourceError as {@link getSourceText}, except for an error status
 */
export function requestSourceAnswer(url: string, request: SourceRequest): Promise<SourceAnswer> {
  return requestSource(url, request, { acceptAnyStatus: true });
}

async function requestSource(
  url: string,
  request: SourceRequest,
  { acceptAnyStatus }: { acceptAnyStatus: boolean },
): Promise<SourceAnswer> {
  const shown = shownUrl(url);
  const target = checkedUrl(url, shown);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  // Not AbortSignal.any: it leaks when a caller's signal is long-lived (nodejs/node#55351);
  // a listener we remove ourselves cannot.
  const forward = () => timeout.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(target, {
      signal: timeout.signal,
      headers: { accept: 'application/json', ...request.headers },
    });
    if (!response.ok && !acceptAnyStatus) {
      await response.body?.cancel().catch(() => {});
      throw httpError(response, shown, request.peer, request.clock.now());
    }
    const body = await readBodyText(
      response,
      request.maxBytes ?? MAX_SOURCE_BODY_BYTES,
      shown,
      `is this URL ${request.peer}?`,
    );
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
    };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (request.signal.aborted) throw request.signal.reason;
    if (timeout.signal.aborted) {
      throw new SourceError(
        'timeout',
        `no answer within ${formatSeconds(request.timeoutMs)} from ${shown} — is it overloaded, or is a firewall dropping the connection?`,
        { cause: error },
      );
    }
    throw networkError(error, shown, request.peer);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
  }
}

function checkedUrl(url: string, shown: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceError('config', `"${url}" is not a URL — use something like https://host/path`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceError('config', `${shown} is not an http:// or https:// URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    // fetch refuses credentials in the URL, and the message would echo the password.
    throw new SourceError(
      'config',
      `${shown}: user and password in the URL are not supported — remove them`,
    );
  }
  return parsed;
}

function httpError(response: Response, shown: string, peer: string, now: Date): SourceError {
  const status = response.status;
  const text = response.statusText || STATUS_CODES[status] || '';
  const hint = httpHint(status, peer);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  return new SourceError(
    'http',
    `${shown} answered HTTP ${status}${text ? ` ${text}` : ''}${hint ? ` — ${hint}` : ''}`,
    retryAfterMs === undefined ? {} : { retryAfterMs },
  );
}

function httpHint(status: number, peer: string): string | undefined {
  if (status === 401) return 'the token was rejected or is missing; check the credential';
  if (status === 403) return 'the token is not allowed to read this; check its permissions';
  if (status === 404) return `is this the URL of ${peer}?`;
  if (status === 429) return 'it asks us to poll less often';
  if (status >= 500) return `${peer} (or a proxy in front of it) is in trouble`;
  return undefined;
}

/**
 * A network failure in plain words. undici hides the system error in `error.cause` (sometimes
 * an AggregateError of several).
 * @param error - what fetch rejected with
 * @param shown - the URL as shown in messages
 * @param peer - what the peer is, for hints
 */
export function networkError(error: unknown, shown: string, peer: string): SourceError {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  const host = hostOf(shown);
  const options = { cause: error };
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError(
        'connection',
        `cannot connect to ${shown}: connection refused — is ${peer} running?`,
        options,
      );
    case 'ENOTFOUND':
      return new SourceError(
        'dns',
        `cannot find host "${host}" (DNS lookup failed) — check the URL`,
        options,
      );
    case 'EAI_AGAIN':
      return new SourceError(
        'dns',
        `cannot look up host "${host}": DNS did not answer — check the network or VPN`,
        options,
      );
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new SourceError(
        'connection',
        `${shown} closed the connection before answering — is something else listening on that port?`,
        options,
      );
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EHOSTDOWN':
    case 'ENETDOWN':
      return new SourceError(
        'connection',
        `cannot reach ${shown}: network unreachable — check the network or VPN`,
        options,
      );
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new SourceError(
        'timeout',
        `${shown} did not answer in time (${code}) — is it overloaded, or is a firewall dropping the connection?`,
        options,
      );
    default:
      if (
        code !== undefined &&
        /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)
      ) {
        return new SourceError(
          'tls',
          `cannot connect securely to ${shown}: ${detail} — is its certificate valid for this host and trusted by this machine?`,
          options,
        );
      }
      if (/redirect count exceeded/i.test(detail)) {
        return new SourceError(
          'config',
          `${shown} redirects in a loop (more than 20 redirects) — check the URL, or a proxy's redirect rules`,
          options,
        );
      }
      if (detail === 'bad port') {
        return new SourceError(
          'config',
          `${shown}: that port is one browsers and fetch refuse to use — pick another`,
          options,
        );
      }
      return new SourceError(
        'connection',
        `cannot reach ${shown}: ${detail}${code ? ` (${code})` : ''}`,
        options,
      );
  }
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const inner = (cause as { errors?: unknown }).errors;
  return Array.isArray(inner) ? errorCode(inner[0]) : undefined;
}

function hostOf(shown: string): string {
  try {
    return new URL(shown).hostname;
  } catch {
    return shown;
  }
}
