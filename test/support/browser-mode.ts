import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;

/** A running `npm run browser` process (the same entry point, without npm's banner). */
export interface BrowserModeProcess {
  /** The address it printed, token included. */
  readonly url: string;
  /** Its process id (the node process that runs the services). */
  readonly pid: number;
  /** Everything it wrote to stderr so far (its log). */
  stderr(): string;
  /** Stop it the way Ctrl+C does, and wait for it to exit. */
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Start browser mode and wait for its first stdout line, `Open http://127.0.0.1:PORT/?token=…`.
 * @param options - its home directory, port and extra environment (e.g. the notification bus)
 */
export async function startBrowserMode(options: {
  home: string;
  port?: number;
  env?: Record<string, string>;
}): Promise<BrowserModeProcess> {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'scripts/browser.mjs'),
      '--home',
      options.home,
      '--port',
      String(options.port ?? 0),
    ],
    { cwd: ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  live.add(child);
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`browser mode printed no address within ${START_TIMEOUT_MS} ms:\n${log}`)),
      START_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}) before printing its address:\n${log}`));
    });
  });
  const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{64})$/.exec(firstLine);
  if (!match?.[1]) throw new Error(`unexpected first line from browser mode: ${firstLine}`);

  if (child.pid === undefined) throw new Error('browser mode has no process id');

  return {
    url: match[1],
    pid: child.pid,
    stderr: () => log,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      live.delete(child);
    },
  };
}
