import { createHash, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';

/** The environment variable that holds the team token (server and app alike). */
export const SYNC_TOKEN_ENV = 'ONCALL_SYNC_TOKEN';

/** Fewer characters than this is a password a bridge-call attendee could guess. */
export const MIN_TOKEN_LENGTH = 16;

/** The team token could not be found or is unusable; the message says what to do. */
export class TeamTokenError extends Error {
  override readonly name = 'TeamTokenError';
}

/**
 * The team token: from the token file when one is given, else from ONCALL_SYNC_TOKEN. Refused
 * (with what to do) when missing, empty or too short.
 * @param env - the environment (process.env)
 * @param tokenFile - the `--token-file` path, if given
 */
export async function readTeamToken(
  env: Record<string, string | undefined>,
  tokenFile?: string,
): Promise<string> {
  let token: string | undefined;
  let from: string;
  if (tokenFile !== undefined) {
    from = tokenFile;
    try {
      token = (await readFile(tokenFile, 'utf8')).trim();
    } catch (error) {
      throw new TeamTokenError(
        `The token file ${tokenFile} could not be read (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  } else {
    from = SYNC_TOKEN_ENV;
    token = env[SYNC_TOKEN_ENV]?.trim();
  }
  if (token === undefined || token === '') {
    throw new TeamTokenError(
      `No team token: set ${SYNC_TOKEN_ENV} or pass --token-file FILE (one line, at least ` +
        `${MIN_TOKEN_LENGTH} characters; e.g. \`openssl rand -hex 32\`). Every member's app needs the same token.`,
    );
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new TeamTokenError(
      `The team token from ${from} is ${token.length} characters; use at least ${MIN_TOKEN_LENGTH} (e.g. \`openssl rand -hex 32\`).`,
    );
  }
  return token;
}

/**
 * Compare a token sent by a client with the team token in constant time: both are hashed first,
 * so neither the content nor the length leaks through timing.
 * @param sent - what the client sent
 * @param team - the team token
 */
export function tokensMatch(sent: string, team: string): boolean {
  const a = createHash('sha256').update(sent, 'utf8').digest();
  const b = createHash('sha256').update(team, 'utf8').digest();
  return timingSafeEqual(a, b);
}
