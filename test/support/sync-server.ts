import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';
import { peerProcess, scratchDir, type PeerProcess } from './peer-process';

const CLI = fileURLToPath(new URL('../../src/main/sync-server/cli.ts', import.meta.url));

/** A team token long enough for the server. */
export const TEST_SYNC_TOKEN = 'test-team-token-0123456789';

/** A real sync server process (`npm run sync-server`), restartable on the same port and data. */
export interface RealSyncServer extends PeerProcess {
  /** `ws://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** SIGKILL: no chance to close anything (a crash or power loss of the server). */
  kill(): Promise<void>;
}

/** How to run it. */
export interface SyncServerProcessOptions {
  /** Share documents with other processes through this Redis. */
  redisUrl?: string;
  /** Reuse a data directory (another process must not use it at the same time). */
  dataDir?: string;
  token?: string;
}

/**
 * A sync server as a team runs it: its own Node process (`src/main/sync-server/cli.ts` through
 * tsx), on a free loopback port, its documents in a scratch directory. Not started until
 * {@link PeerProcess.start}.
 * @param options - Redis, data directory, token
 */
export async function syncServerProcess(
  options: SyncServerProcessOptions = {},
): Promise<RealSyncServer> {
  const port = await freePort();
  const dir = scratchDir('oncall-sync-server-');
  const dataDir = options.dataDir ?? join(dir, 'data');
  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, `${options.token ?? TEST_SYNC_TOKEN}\n`, { mode: 0o600 });
  const args = [
    '--import',
    'tsx',
    CLI,
    '--port',
    String(port),
    '--data',
    dataDir,
    '--token-file',
    tokenFile,
    ...(options.redisUrl ? ['--redis', options.redisUrl] : []),
  ];
  const peer = peerProcess({
    name: 'Sync server',
    binary: process.execPath,
    args,
    // Hocuspocus answers plain HTTP with 200 once it listens.
    readyUrl: `http://127.0.0.1:${port}/`,
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    dataDir,
    start: () => peer.start(),
    stop: () => peer.stop(),
    kill: () => peer.kill(),
  };
}

/**
 * Run the sync server CLI once with the given arguments and environment, for its refusals.
 * @returns its exit code and stderr
 */
export function runSyncServerCli(
  args: readonly string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number | null; stderr: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}
