import { describe, expect, it } from 'vitest';
import { describeConnectError } from '../../../../../src/main/services/sync/observed-websocket';

const failure = (message: string, code?: string) => Object.assign(new Error(message), { code });

describe('describeConnectError', () => {
  const server = 'wss://sync.example.org';
  it('says what a failed connection attempt met', () => {
    expect(describeConnectError(failure('Unexpected server response: 404'), server)).toBe(
      'wss://sync.example.org answered HTTP 404, not as a sync server; is the address right?',
    );
    expect(describeConnectError(failure('connect ECONNREFUSED', 'ECONNREFUSED'), server)).toBe(
      'nothing listens at wss://sync.example.org',
    );
    expect(describeConnectError(failure('getaddrinfo ENOTFOUND', 'ENOTFOUND'), server)).toBe(
      'wss://sync.example.org: host not found',
    );
    expect(describeConnectError(failure('self-signed certificate'), server)).toBe(
      'wss://sync.example.org: self-signed certificate',
    );
  });
});
