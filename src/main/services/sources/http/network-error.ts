import { SourceError } from '../source-error';
import type { PeerWords } from './peer-words';

/**
 * A fetch failure in words a person can act on. undici hides the system error in `error.cause`
 * (sometimes an AggregateError of several).
 * @param error - what fetch threw
 * @param shown - the URL as it may be shown
 * @param peer - who was asked, for hints
 */
export function networkError(error: unknown, shown: string, peer: PeerWords): SourceError {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = errorCode(cause);
  const detail = cause instanceof Error ? cause.message : String(cause);
  const host = hostOf(shown);
  const options = { cause: error };
  switch (code) {
    case 'ECONNREFUSED':
      return new SourceError(
        'connection',
        `cannot connect to ${shown}: connection refused — ${peer.refused ?? `is ${peer.name} running?`}`,
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
        `${shown} closed the connection before answering — is something else listening on that port, or a proxy in the way?`,
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
        `${shown} did not answer in time (${code}) — ${overloaded(peer)}`,
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

/**
 * The hint for a peer that did not answer in time.
 * @param peer - who was asked
 */
export function overloaded(peer: PeerWords): string {
  return `is ${peer.name} overloaded, or is a firewall dropping the connection?`;
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
