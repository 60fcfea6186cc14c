/**
 * What a client sends the sync server as its Hocuspocus token: the team token and who it is.
 * Hocuspocus 3 carries one token string per document and no other parameters, so the name
 * travels inside it as JSON; the server reads the name from here once the token matched.
 */
export interface SyncCredential {
  /** The team's shared secret. */
  token: string;
  /** Who this member is, as the team knows them (shown to teammates). */
  name: string;
}

/** The longest credential the server reads; anything longer is refused without parsing. */
export const MAX_CREDENTIAL_LENGTH = 8192;

/**
 * The token string a client sends.
 * @param credential - the team token and the member's name
 */
export function encodeSyncCredential(credential: SyncCredential): string {
  return JSON.stringify({ v: 1, token: credential.token, name: credential.name });
}

/**
 * Read what a client sent. A bare string (not our JSON) is taken as a token with no name, so a
 * plain Hocuspocus client holding the team token can still connect.
 * @param sent - the token string as received
 * @returns the credential, or undefined when it is too long to be one
 */
export function decodeSyncCredential(sent: string): SyncCredential | undefined {
  if (sent.length > MAX_CREDENTIAL_LENGTH) return undefined;
  if (sent.startsWith('{')) {
    try {
      const parsed = JSON.parse(sent) as { token?: unknown; name?: unknown };
      if (typeof parsed.token === 'string') {
        const name = typeof parsed.name === 'string' ? parsed.name.trim().slice(0, 200) : '';
        return { token: parsed.token, name };
      }
    } catch {
      // Not our JSON: a token that happens to start with a brace.
    }
  }
  return { token: sent, name: '' };
}
