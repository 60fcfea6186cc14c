import { describe, expect, it } from 'vitest';
import { DEFAULT_SYNC_PORT, parseSyncServerArgs } from '../../../../src/main/sync-server/cli-args';

describe('npm run sync-server -- …', () => {
  it('listens on loopback at the default port, documents in the default folder', () => {
    expect(parseSyncServerArgs([], '/srv/data')).toEqual({
      port: DEFAULT_SYNC_PORT,
      host: '127.0.0.1',
      dataDir: '/srv/data',
    });
  });

  it('takes every option', () => {
    expect(
      parseSyncServerArgs(
        [
          '--port',
          '0',
          '--host',
          '0.0.0.0',
          '--data',
          '/d',
          '--redis',
          'redis://r:6379',
          '--token-file',
          '/t',
        ],
        '/srv/data',
      ),
    ).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/d',
      redisUrl: 'redis://r:6379',
      tokenFile: '/t',
    });
  });

  it('says what is wrong with a bad option', () => {
    expect(() => parseSyncServerArgs(['--port', '70000'], '/d')).toThrow(
      '--port 70000: use a port from 1 to 65535',
    );
    expect(() => parseSyncServerArgs(['--redis', 'localhost:6379'], '/d')).toThrow(
      'write it as redis://host:6379',
    );
    expect(() => parseSyncServerArgs(['--data'], '/d')).toThrow('--data needs a value');
    expect(() => parseSyncServerArgs(['--verbose', 'yes'], '/d')).toThrow(
      'Unknown option --verbose',
    );
  });
});
