import { incidentIdSchema } from '../incident/schema';
import { checkSyncUrl } from './sync-url';

/** The custom protocol of incident links, registered by the desktop app. */
export const INCIDENT_LINK_SCHEME = 'oncall-companion';

/** The longest text read as a link; anything longer is refused unread. */
export const INCIDENT_LINK_MAX = 2048;

const PREFIX = `${INCIDENT_LINK_SCHEME}://incident/`;

/** What an incident link says, or why it cannot be followed. */
export type IncidentLinkCheck =
  /** For the server this app syncs with: join it. */
  | { kind: 'ok'; server: string; incidentId: string }
  /** For another server (or sync is off here): nothing to do but say so. */
  | { kind: 'other-server'; server: string; incidentId: string; reason: string }
  | { kind: 'invalid'; reason: string };

/**
 * The link to a team incident: the sync server and the incident id, never the token (each
 * member has their own).
 * @param server - the sync server address as the settings hold it
 * @param incidentId - the incident
 */
export function formatIncidentLink(server: string, incidentId: string): string {
  return `${PREFIX}${encodeURIComponent(incidentId)}?server=${encodeURIComponent(server.trim())}`;
}

/**
 * Read an incident link pasted by the user or opened from the desktop. A link for another
 * server than the configured one is never followed (that would send this member's token there,
 * or change the server under them): it only says which server it names.
 * @param text - the link as given
 * @param configuredServer - the sync server of the settings, if any
 */
export function parseIncidentLink(
  text: string,
  configuredServer: string | undefined,
): IncidentLinkCheck {
  const raw = text.trim();
  if (raw === '') return invalid(`Paste a link that starts with ${PREFIX}.`);
  if (raw.length > INCIDENT_LINK_MAX) {
    return invalid(
      `That is ${raw.length} characters; an incident link is at most ${INCIDENT_LINK_MAX}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return invalid(`That is not a link; an incident link starts with ${PREFIX}.`);
  }
  if (url.protocol !== `${INCIDENT_LINK_SCHEME}:`) {
    return invalid(`That is a ${url.protocol}// link; an incident link starts with ${PREFIX}.`);
  }
  if (url.host !== 'incident') {
    return invalid(
      `That link points at "${url.host}", not an incident; it should start with ${PREFIX}.`,
    );
  }
  let incidentId: string;
  try {
    incidentId = decodeURIComponent(url.pathname.replace(/^\//, ''));
  } catch {
    return invalid('The incident id in that link is garbled; ask for the link again.');
  }
  if (incidentId === '') return invalid('That link names no incident; ask for the link again.');
  if (!incidentIdSchema.safeParse(incidentId).success) {
    return invalid(
      'The incident id in that link is not one this app makes (letters, digits, ".", "_", "-"); ask for the link again.',
    );
  }
  const params = queryParams(url.search);
  if (params === undefined)
    return invalid('The server in that link is garbled; ask for the link again.');
  const extra = params.filter(([key]) => key !== 'server').map(([key]) => key);
  if (extra.length > 0) {
    return invalid(
      `That link carries more than a server and an incident (${[...new Set(extra)].join(', ')}); incident links never carry a token. Ask for a new link.`,
    );
  }
  const servers = params.map(([, value]) => value);
  if (servers.length !== 1 || servers[0] === '') {
    return invalid('That link names no sync server (server=…); ask for the link again.');
  }
  const server = servers[0] as string;
  const checked = checkSyncUrl(server, true);
  if (!checked.ok) return invalid(`The server in that link is not usable: ${checked.reason}`);
  if (configuredServer === undefined) {
    return {
      kind: 'other-server',
      server,
      incidentId,
      reason: `That incident is on the sync server ${server}, and team sync is off here. Set the server up in Settings (team sync) with the team's token, then open the link again.`,
    };
  }
  if (!sameServer(server, configuredServer)) {
    return {
      kind: 'other-server',
      server,
      incidentId,
      reason: `That incident is on the sync server ${server}, but this app syncs with ${configuredServer}; it was not opened. Ask for a link from your team's server.`,
    };
  }
  return { kind: 'ok', server, incidentId };
}

/**
 * The incident link among a process's command-line arguments (how Linux and Windows hand a
 * clicked `oncall-companion://` link to the app), cut to {@link INCIDENT_LINK_MAX}: it is read
 * with {@link parseIncidentLink} later, like a pasted one.
 * @param argv - the arguments
 * @returns the link, or undefined when there is none
 */
export function findIncidentLinkArg(argv: readonly string[]): string | undefined {
  const scheme = `${INCIDENT_LINK_SCHEME}:`;
  const found = argv.find((arg) => arg.slice(0, scheme.length).toLowerCase() === scheme);
  return found?.slice(0, INCIDENT_LINK_MAX + 1);
}

/**
 * Whether two sync server addresses name the same server: scheme, host (any case), port (the
 * default one written or not) and path (a trailing "/" or not).
 * @param a - one address
 * @param b - the other
 */
export function sameServer(a: string, b: string): boolean {
  const key = (address: string): string | undefined => {
    try {
      const url = new URL(address.trim());
      return `${url.protocol}//${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}${url.search}`;
    } catch {
      return undefined;
    }
  };
  const left = key(a);
  return left !== undefined && left === key(b);
}

/** `?a=1&b=2` as pairs (URLSearchParams is not declared for src/shared); undefined if garbled. */
function queryParams(search: string): [string, string][] | undefined {
  const pairs: [string, string][] = [];
  try {
    for (const part of search.replace(/^\?/, '').split('&')) {
      if (part === '') continue;
      const at = part.indexOf('=');
      const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
      pairs.push(
        at < 0 ? [decode(part), ''] : [decode(part.slice(0, at)), decode(part.slice(at + 1))],
      );
    }
  } catch {
    return undefined;
  }
  return pairs;
}

function invalid(reason: string): IncidentLinkCheck {
  return { kind: 'invalid', reason };
}
