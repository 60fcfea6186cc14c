import { describe, expect, it } from 'vitest';
import {
  decodeSyncCredential,
  encodeSyncCredential,
  MAX_CREDENTIAL_LENGTH,
} from '../../../../src/shared/sync/sync-credential';

describe('the credential a client sends', () => {
  it('carries the team token and the member’s name', () => {
    const sent = encodeSyncCredential({ token: 'team-token', name: 'Ana' });
    expect(decodeSyncCredential(sent)).toEqual({ token: 'team-token', name: 'Ana' });
  });

  it('takes a bare token from a plain client, with no name', () => {
    expect(decodeSyncCredential('{not json')).toEqual({ token: '{not json', name: '' });
    expect(decodeSyncCredential('team-token')).toEqual({ token: 'team-token', name: '' });
  });

  it('refuses anything too long to be one', () => {
    expect(decodeSyncCredential('x'.repeat(MAX_CREDENTIAL_LENGTH + 1))).toBeUndefined();
  });
});
