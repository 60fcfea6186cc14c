import { STATUS_CODES } from 'node:http';
import type { Clock } from '../clock/clock';
import { formatSeconds } from '../poller/poll-timeout-error';
import { readBodyText } from './read-body';
import { parseRetryAfter } from './retry-after';
import { shownUrl } from './shown-url';
import { SourceError } from './source-error';

/** The query that asks for every alert Alertmanager holds, muted or not. */
export const ALERTS_QUERY = 'api/v2/alerts?active=true&silenced=true&inhibited=true';

/** Largest body we accept; 10,000 alerts take about 8 MB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How to make one request. */
export interface AlertmanagerRequest {
  /** Aborts the request (the source stopped, or the poller gave up). */
  readonly signal: AbortSignal;
  /** Time the whole request, body included, may take. */
  readonly timeoutMs: number;
  /** Reads "now" for a Retry-After given as a date. */
  readonly clock: Clock;
  /** A bearer token to send (a proxy in front of Alertmanager may want one). */
  readonly token?: string;
}

/** What to send: a GET by default; a POST carries a JSON body. */
export interface AlertmanagerCall {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON (POST). */
  readonly json?: unknown;
}

/** How much of an error body a message quotes: Alertmanager's own reasons are one line. */
const ERROR_BODY_SHOWN = 300;

/**
 * GET the alert list from an Alertmanager and return the body text.
 * @param baseUrl - the Alertmanager's base URL, as configured
 * @param request - abort signal, timeout, clock
 * @throws SourceError whose message names the URL and the cause in plain words, and carries
 *   the server's Retry-After when it sent one
 */
export function fetchAlertmanagerAlerts(
  baseUrl: string,
  request: AlertmanagerRequest,
): Promise<string> {
  return requestAlertmanager(baseUrl, ALERTS_QUERY, request);
}

/**
 * One request to an Alertmanager's API, returning the body text. Every failure becomes a
 * `SourceError` a person can act on; a refused change (POST, DELETE) quotes what Alertmanager
 * said, since that is the reason ("start time must be before end time").
 * @param baseUrl - the Alertmanager's base URL, as configured
 * @param path - relative to the base URL, e.g. `api/v2/silences`
 * @param request - abort signal, timeout, clock, token
 * @param call - method and JSON body
 * @throws SourceError naming the URL and the cause, with the server's Retry-After if it sent one
 */
export async function requestAlertmanager(
  baseUrl: string,
  path: string,
  request: AlertmanagerRequest,
  call: AlertmanagerCall = {},
): Promise<string> {
  const shown = shownUrl(baseUrl);
  const target = apiUrl(baseUrl, shown, path);
  const method = call.method ?? 'GET';
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), request.timeoutMs);
  // Not AbortSignal.any: it leaks when a caller's signal is long-lived (nodejs/node#55351);
  // a listener we remove ourselves cannot.
  const forward = () => timeout.abort(request.signal.reason);
  if (request.signal.aborted) forward();
  else request.signal.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(target, {
      method,
      signal: timeout.signal,
      headers: {
        accept: 'application/json',
        ...(call.json !== undefined && { 'content-type': 'application/json' }),
        ...(request.token !== undefined && { authorization: `Bearer ${request.token}` }),
      },
      ...(call.json !== undefined && { body: JSON.stringify(call.json) }),
    });
    if (!response.ok) {
      const said = method === 'GET' ? undefined : await errorBody(response);
      if (said === undefined) await response.body?.cancel().catch(() => {});
      throw httpError(response, shown, request.clock.now(), said);
    }
    return await readBodyText(response, MAX_BODY_BYTES, shown);
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
    throw networkError(error, shown);
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
  }
}

/** The start of an error body, on one line; none for HTML (a proxy's page says nothing useful). */
async function errorBody(response: Response): Promise<string | undefined> {
  let text: string;
  try {
    text = await readBodyText(response, 64 * 1024, '');
  } catch {
    return undefined;
  }
  // Alertmanager answers a refused silence with a JSON string ("start time must be …"), and a
  // request its API validation refuses with `{ code, message }`.
  let said = text.trim();
  try {
    const parsed: unknown = JSON.parse(said);
    if (typeof parsed === 'string') said = parsed;
    const message = (parsed as { message?: unknown } | null)?.message;
    if (typeof message === 'string') said = message;
  } catch {
    // plain text
  }
  said = said.replace(/\s+/g, ' ').trim();
  if (said === '' || said.startsWith('<')) return undefined;
  return said.length > ERROR_BODY_SHOWN ? `${said.slice(0, ERROR_BODY_SHOWN)}…` : said;
}

function apiUrl(baseUrl: string, shown: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SourceError(
      'config',
      `"${baseUrl}" is not a URL — use something like http://alertmanager:9093`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceError('config', `${shown} is not an http:// or https:// URL`);
  }
  if (url.username !== '' || url.password !== '') {
    // fetch refuses credentials in the URL, and the message would echo the password.
    throw new SourceError(
      'config',
      `${shown}: user and password in the URL are not supported — remove them`,
    );
  }
  // Relative to the base path, so an Alertmanager served under /alertmanager/ works too.
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return new URL(path, base);
}

function httpError(
  response: Response,
  shown: string,
  now: Date,
  said: string | undefined,
): SourceError {
  const status = response.status;
  const text = response.statusText || STATUS_CODES[status] || '';
  // A 404 that says why (an unknown silence) is not a wrong base URL.
  const hint = said !== undefined && status === 404 ? undefined : httpHint(status);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  return new SourceError(
    'http',
    `${shown} answered HTTP ${status}${text ? ` ${text}` : ''}${said ? `: ${said}` : ''}${hint ? ` — ${hint}` : ''}`,
    retryAfterMs === undefined ? { status } : { status, retryAfterMs },
  );
}

function httpHint(status: number): string | undefined {
  if (status === 401 || status === 403)
    return 'it wants credentials; is a proxy in front of Alertmanager?';
  if (status === 404) return 'is this the base URL of an Alertmanager (API v2)?';
  if (status === 429) return 'it asks us to poll less often';
  if (status >= 500) return 'Alertmanager (or a proxy in front of it) is in trouble';
  return undefined;
}

/** undici hides the system error in `error.cause` (sometimes an AggregateError of several). */
function networkError(error: unknown, shown: string): SourceError {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  const host = hostOf(shown);
  const options = { cause: error };
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError(
        'connection',
        `cannot connect to ${shown}: connection refused — is Alertmanager running?`,
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
        return new SourceError('tls', `cannot connect securely to ${shown}: ${detail}`, options);
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
