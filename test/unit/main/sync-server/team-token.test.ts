import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTeamToken, tokensMatch } from '../../../../src/main/sync-server/team-token';

describe('the team token', () => {
  it('comes from the token file before ONCALL_SYNC_TOKEN, trimmed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'oncall-token-'));
    const file = path.join(dir, 'token');
    await writeFile(file, '  from-the-file-0123456789\n');
    await expect(
      readTeamToken({ ONCALL_SYNC_TOKEN: 'from-the-env-0123456789' }, file),
    ).resolves.toBe('from-the-file-0123456789');
    await expect(readTeamToken({ ONCALL_SYNC_TOKEN: 'from-the-env-0123456789' })).resolves.toBe(
      'from-the-env-0123456789',
    );
  });

  it('is refused when missing, unreadable or short, saying what to do', async () => {
    await expect(readTeamToken({})).rejects.toThrow('No team token: set ONCALL_SYNC_TOKEN');
    await expect(readTeamToken({}, '/nonexistent/token')).rejects.toThrow(
      'The token file /nonexistent/token could not be read',
    );
    await expect(readTeamToken({ ONCALL_SYNC_TOKEN: 'short' })).rejects.toThrow(
      'is 5 characters; use at least 16',
    );
  });

  it('matches only itself, whatever the lengths', () => {
    expect(tokensMatch('team-token-0123456789', 'team-token-0123456789')).toBe(true);
    expect(tokensMatch('team-token-012345678', 'team-token-0123456789')).toBe(false);
    expect(tokensMatch('', 'team-token-0123456789')).toBe(false);
  });
});
