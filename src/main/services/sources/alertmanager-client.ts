import { STATUS_CODES } from 'node:http';
import { baseUrlOf, fetchText, type HttpRequestOptions, type PeerWords } from './http-request';
import { parseRetryAfter } from './retry-after';
import { shownUrl } from './shown-url';
import { SourceError } from './source-error';

/** The query that asks for every alert Alertmanager holds, muted or not. */
export const ALERTS_QUERY = 'api/v2/alerts?active=true&silenced=true&inhibited=true';

/** Largest body we accept; 10,000 alerts take about 8 MB. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/** How to make one request. */
export type AlertmanagerRequest = HttpRequestOptions;

const ALERTMANAGER: PeerWords = { name: 'Alertmanager', what: 'an Alertmanager' };

/**
 * GET the alert list from an Alertmanager and return the body text.
 * @param baseUrl - the Alertmanager's base URL, as configured
 * @param request - abort signal, timeout, clock
 * @throws SourceError whose message names the URL and the cause in plain words, and carries
 *   the server's Retry-After when it sent one
 */
export async function fetchAlertmanagerAlerts(
  baseUrl: string,
  request: AlertmanagerRequest,
): Promise<string> {
  const shown = shownUrl(baseUrl);
  const base = baseUrlOf(baseUrl, shown, 'http://alertmanager:9093');
  return fetchText(
    {
      url: new URL(ALERTS_QUERY, base.href),
      shown,
      peer: ALERTMANAGER,
      maxBytes: MAX_BODY_BYTES,
      httpError: (response, now) => httpError(response, shown, now),
    },
    request,
  );
}

function httpError(response: Response, shown: string, now: Date): SourceError {
  const status = response.status;
  const text = response.statusText || STATUS_CODES[status] || '';
  const hint = httpHint(status);
  const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
  return new SourceError(
    'http',
    `${shown} answered HTTP ${status}${text ? ` ${text}` : ''}${hint ? ` — ${hint}` : ''}`,
    retryAfterMs === undefined ? {} : { retryAfterMs },
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
