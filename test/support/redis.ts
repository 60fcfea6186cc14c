import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { freePort } from './free-port';
import { dropDir, peerProcess, scratchDir } from './peer-process';

/** The Debian package's binary; `npm run system-deps` installs it. */
export const REDIS_BINARY = '/usr/bin/redis-server';

/** A real redis-server for the sync servers' Redis extension. */
export interface RealRedis {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  /** Stop it and delete its directory; call in afterAll. */
  dispose(): Promise<void>;
}

/**
 * Start Debian's redis-server on a free loopback port, with nothing saved to disk (the sync
 * servers keep the documents; Redis only carries messages and locks between them).
 */
export async function startRedis(): Promise<RealRedis> {
  if (!existsSync(REDIS_BINARY)) {
    throw new Error(
      `${REDIS_BINARY} is missing; run \`npm run system-deps\` (installs redis-server)`,
    );
  }
  const port = await freePort();
  const dir = scratchDir('oncall-redis-');
  const { start, stop } = peerProcess({
    name: 'redis-server',
    binary: REDIS_BINARY,
    // Flags rather than a config file: one line says everything this test relies on.
    args: [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
    ],
    ready: () => answersPing(port),
  });
  try {
    await start();
  } catch (error) {
    dropDir(dir);
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    async dispose() {
      await stop();
      dropDir(dir);
    },
  };
}

/** True once redis answers PING with PONG. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let answer = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
      if (answer.includes('\r\n')) done(answer.startsWith('+PONG'));
    });
  });
}
