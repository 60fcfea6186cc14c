/** What `npm run sync-server -- …` was asked to do. */
export interface SyncServerArgs {
  port: number;
  host: string;
  dataDir: string;
  redisUrl?: string;
  tokenFile?: string;
}

/** The port the sync server listens on by default, next to the app's webhook port 9097. */
export const DEFAULT_SYNC_PORT = 9098;

const USAGE =
  'usage: npm run sync-server -- [--port N] [--host ADDR] [--data DIR] [--redis URL] [--token-file FILE]';

/**
 * Read the command line; throws with the usage line on anything not understood.
 * @param argv - the arguments after the script
 * @param defaultDataDir - where documents go without `--data`
 */
export function parseSyncServerArgs(
  argv: readonly string[],
  defaultDataDir: string,
): SyncServerArgs {
  const args: SyncServerArgs = {
    port: DEFAULT_SYNC_PORT,
    host: '127.0.0.1',
    dataDir: defaultDataDir,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    if (value === undefined || value.startsWith('--')) {
      throw new Error(`${flag ?? ''} needs a value.\n${USAGE}`);
    }
    i++;
    switch (flag) {
      case '--port': {
        const port = Number(value);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new Error(`--port ${value}: use a port from 1 to 65535 (0 picks a free one).`);
        }
        args.port = port;
        break;
      }
      case '--host':
        args.host = value;
        break;
      case '--data':
        args.dataDir = value;
        break;
      case '--redis':
        if (!/^rediss?:\/\//.test(value)) {
          throw new Error(
            `--redis ${value}: write it as redis://host:6379 (or rediss:// for TLS).`,
          );
        }
        args.redisUrl = value;
        break;
      case '--token-file':
        args.tokenFile = value;
        break;
      default:
        throw new Error(`Unknown option ${flag}.\n${USAGE}`);
    }
  }
  return args;
}
