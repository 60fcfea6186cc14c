import type { Clock } from '../clock/clock';
import { formatSeconds } from '../poller/poll-timeout-error';
import { readBodyText } from './read-body';
import { SourceError } from './source-error';

/** How to make one request to a source's peer. */
export interface HttpRequestOptions {
  /** Aborts the request (the source stopped, or the poller gave up). */
  readonly signal: AbortSignal;
  /** Time the whole request, body included, may take. */
  readonly timeoutMs: number;
  /** Reads "now" for a Retry-After given as a date. */
  readonly clock: Clock;
}

/** Who is asked, in the words the messages use. */
export interface PeerWords {
  /** Its name, as in "is Alertmanager running?". */
  readonly name: string;
  /** What the URL should be, as in "is this URL an Alertmanager?". */
  readonly what: string;
}

/** One HTTP call: where, how, and how a refusal reads. */
export interface HttpCall {
  readonly url: URL;
  /** The URL as messages show it: no credentials, no query. */
  readonly shown: string;
  readonly peer: PeerWords;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Largest body accepted. */
  readonly maxBytes: number;
  /**
   * The error a person reads for a non-2xx answer. It may read the response's body (an API's
   * error message); whatever it leaves unread is discarded.
   */
  readonly httpError: (response: Response, now: Date) => SourceError | Promise<SourceError>;
}

/**
 * Make one HTTP call and return the body text of its 2xx answer.
 * @param call - URL, method, headers, body and how a refusal reads
 * @param options - abort signal, timeout, clock
 * @throws SourceError whose message names the URL and the cause in plain words (DNS, TLS,
 *   refused, reset, timeout, the peer's own refusal), carrying any Retry-After it sent; or the
 *   caller's abort reason when the caller aborted
 */
export async function fetchText(call: HttpCall, options: HttpRequestOptions): Promise<string> {
  const { shown } = call;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  // Not AbortSignal.any: it leaks when a caller's signal is long-lived (nodejs/node#55351);
  // a listener we remove ourselves cannot.
  const forward = () => timeout.abort(options.signal.reason);
  if (options.signal.aborted) forward();
  else options.signal.addEventListener('abort', forward, { once: true });
  try {
    const response = await fetch(call.url, {
      method: call.method ?? 'GET',
      signal: timeout.signal,
      headers: { accept: 'application/json', ...call.headers },
      ...(call.body !== undefined && { body: call.body }),
    });
    if (!response.ok) {
      const error = await call.httpError(response, options.clock.now());
      await response.body?.cancel().catch(() => {});
      throw error;
    }
    return await readBodyText(response, call.maxBytes, shown, `is this URL ${call.peer.what}?`);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    if (options.signal.aborted) throw options.signal.reason;
    if (timeout.signal.aborted) {
      throw new SourceError(
        'timeout',
        `no answer within ${formatSeconds(options.timeoutMs)} from ${shown} — is it overloaded, or is a firewall dropping the connection?`,
        { cause: error },
      );
    }
    throw networkError(error, shown, call.peer);
  } finally {
    clearTimeout(timer);
    options.signal.removeEventListener('abort', forward);
  }
}

/**
 * A configured base URL, checked, with a trailing slash so paths resolve beneath it (an
 * Alertmanager served under /alertmanager/ keeps its prefix).
 * @param baseUrl - the URL as configured
 * @param shown - the URL as messages show it
 * @param example - a URL of the right kind, for the hint
 * @throws SourceError (kind `config`) saying what is wrong with it
 */
export function baseUrlOf(baseUrl: string, shown: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SourceError('config', `"${baseUrl}" is not a URL — use something like ${example}`);
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
  return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}

/** undici hides the system error in `error.cause` (sometimes an AggregateError of several). */
function networkError(error: unknown, shown: string, peer: PeerWords): SourceError {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  const host = hostOf(shown);
  const options = { cause: error };
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError(
        'connection',
        `cannot connect to ${shown}: connection refused — is ${peer.name} running?`,
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
