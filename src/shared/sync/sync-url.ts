/** A sync server address that may be used, or why not. */
export type SyncUrlCheck =
  { ok: true; url: string; loopback: boolean } | { ok: false; reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * True for a host name that stays on this machine: `localhost`, 127.0.0.0/8 or ::1.
 * @param hostname - a URL's hostname (IPv6 in brackets or not)
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Check a sync server address: `ws://` or `wss://` only, and `wss://` for anything not on this
 * machine, because the team token and every incident travel over it. Plain `ws://` to another
 * host is refused unless the user accepted it explicitly (`sync.allowInsecure`), e.g. on a
 * network they trust.
 * @param raw - the address from the settings
 * @param allowInsecure - the user's explicit acceptance of plain `ws://` to another host
 */
export function checkSyncUrl(raw: string, allowInsecure: boolean): SyncUrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return {
      ok: false,
      reason: `"${raw}" is not an address; write it as wss://sync.example.org or ws://127.0.0.1:1234.`,
    };
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return {
      ok: false,
      reason: `The sync server address must start with wss:// (or ws:// on this machine), not ${url.protocol}//.`,
    };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason:
        'The sync server address must not hold a user name or password; the team token goes in the secret store.',
    };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'ws:' && !loopback && !allowInsecure) {
    return {
      ok: false,
      reason:
        `Plain ws:// to ${url.host} would send the team token and the incidents unencrypted; ` +
        'use wss:// (a TLS proxy in front of the sync server), or accept the risk with sync.allowInsecure.',
    };
  }
  return { ok: true, url: url.toString(), loopback };
}
