// `npm run sync-server -- [--port N] [--data DIR] [--redis URL] [--token-file FILE]`: the team's
// sync server, in plain Node, outside the Electron shell.
import path from 'node:path';
import { parseSyncServerArgs } from './cli-args';
import { startSyncServer } from './sync-server';
import { readTeamToken, TeamTokenError } from './team-token';

const log = (line: string): void => {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
};

async function main(): Promise<void> {
  const args = parseSyncServerArgs(process.argv.slice(2), path.resolve('oncall-sync-data'));
  const token = await readTeamToken(process.env, args.tokenFile);
  let server;
  try {
    server = await startSyncServer({
      port: args.port,
      host: args.host,
      dataDir: args.dataDir,
      token,
      redisUrl: args.redisUrl,
      log,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${args.port} on ${args.host} is in use (another sync server?); pick another with --port N.`,
        { cause: error },
      );
    }
    throw error;
  }
  // The first line on stdout is the address, for scripts and tests.
  process.stdout.write(`Sync server listening on ${server.url}\n`);
  log(
    `Documents in ${args.dataDir}${args.redisUrl ? `; sharing them through Redis at ${args.redisUrl}` : ''}.`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    log('Sync server: stopping (every journal is closed after its pending writes).');
    void server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`Sync server: stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${error instanceof TeamTokenError ? '' : 'sync-server: '}${message}\n`);
  process.exit(2);
});
