import {
  httpRequest,
  statusError,
  type HttpRequestOptions,
  type Refusal,
} from './http/http-request';
import type { PeerWords } from './http/peer-words';
import { baseUrlOf } from './http/request-url';
import { shownUrl } from './shown-url';
import type { SourceError } from './source-error';

/** The query that asks for every alert Alertmanager holds, muted or not. */
export const ALERTS_QUERY = 'api/v2/alerts?active=true&silenced=true&inhibited=true';

/** Largest body we accept; 10,000 alerts take about 8 MB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How to make one request. */
export interface AlertmanagerRequest extends HttpRequestOptions {
  /** A bearer token to send (a proxy in front of Alertmanager may want one). */
  readonly token?: string;
}

/** What to send: a GET by default; a POST carries a JSON body. */
export interface AlertmanagerCall {
  readonly method?: 'GET' | 'POST' | 'DELETE';
  /** Sent as JSON (POST). */
  readonly json?: unknown;
}

const ALERTMANAGER: PeerWords = { name: 'Alertmanager', check: 'is this URL an Alertmanager?' };

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
  // Relative to the base path, so an Alertmanager served under /alertmanager/ works too.
  const base = baseUrlOf(baseUrl, shown, 'http://alertmanager:9093');
  const method = call.method ?? 'GET';
  const answer = await httpRequest(new URL(path, base.href), {
    ...request,
    shown,
    peer: ALERTMANAGER,
    method,
    ...(call.json !== undefined && { json: call.json }),
    ...(request.token !== undefined && {
      headers: { authorization: `Bearer ${request.token}` },
      secret: request.token,
    }),
    maxBytes: MAX_BODY_BYTES,
    httpError: (refusal) =>
      httpError(refusal, method === 'GET' ? undefined : errorBody(refusal.body)),
  });
  return answer.text;
}

/** The start of an error body, on one line; none for HTML (a proxy's page says nothing useful). */
function errorBody(text: string): string | undefined {
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

function httpError(refusal: Refusal, said: string | undefined): SourceError {
  // A 404 that says why (an unknown silence) is not a wrong base URL.
  const hint = said !== undefined && refusal.status === 404 ? undefined : httpHint(refusal.status);
  return statusError(refusal, `${said ? `: ${said}` : ''}${hint ? ` — ${hint}` : ''}`);
}

function httpHint(status: number): string | undefined {
  if (status === 401 || status === 403)
    return 'it wants credentials; is a proxy in front of Alertmanager?';
  if (status === 404) return 'is this the base URL of an Alertmanager (API v2)?';
  if (status === 429) return 'it asks us to poll less often';
  if (status >= 500) return 'Alertmanager (or a proxy in front of it) is in trouble';
  return undefined;
}
