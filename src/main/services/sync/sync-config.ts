import type { Settings } from '../../../shared/domain/settings';
import { checkSyncUrl } from '../../../shared/sync/sync-url';

/** The secret store key of the team's sync token. */
export const SYNC_TOKEN_KEY = 'sync:token';

/** The environment variable that overrides the stored team token. */
export const SYNC_TOKEN_ENV = 'ONCALL_SYNC_TOKEN';

/** What the settings, the secret store and the environment make of team sync. */
export type SyncConfig =
  | { kind: 'off' }
  | { kind: 'refused'; server: string; reason: string }
  | { kind: 'on'; server: string; url: string; name: string; token: string };

/**
 * Decide whether and how to sync: off without a server address; refused (with the reason, and
 * nothing sent) for an address the URL rules refuse or a missing token; else on.
 * @param settings - the current settings
 * @param storedToken - the token in the secret store, if any
 * @param env - the environment (ONCALL_SYNC_TOKEN wins over the stored token)
 * @param fallbackName - who the user is when neither `sync.name` nor the profile says
 */
export function resolveSyncConfig(
  settings: Settings,
  storedToken: string | undefined,
  env: Record<string, string | undefined>,
  fallbackName: string,
): SyncConfig {
  const server = settings.sync.url;
  if (server === undefined) return { kind: 'off' };
  const checked = checkSyncUrl(server, settings.sync.allowInsecure);
  if (!checked.ok) return { kind: 'refused', server, reason: checked.reason };
  const token = env[SYNC_TOKEN_ENV]?.trim() || storedToken;
  if (token === undefined || token === '') {
    return {
      kind: 'refused',
      server,
      reason: `no team token: set it in Settings (team sync) or in ${SYNC_TOKEN_ENV}`,
    };
  }
  const name = settings.sync.name ?? settings.profile.name ?? fallbackName;
  return { kind: 'on', server, url: checked.url, name, token };
}
