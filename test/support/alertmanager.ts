import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

/** The Debian package's binary; `npm run system-deps` installs it. */
export const ALERTMANAGER_BINARY = '/usr/bin/prometheus-alertmanager';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

/** An alert as POST /api/v2/alerts takes it (`postableAlert` in the spec). */
export interface PostableAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

/** A real Alertmanager process started for a test. */
export interface RealAlertmanager {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Send alerts as Prometheus would. */
  postAlerts(alerts: PostableAlert[]): Promise<void>;
  /** Kill the process; the port and storage stay reserved for {@link start}. */
  stop(): Promise<void>;
  /** Start it again on the same port (after {@link stop}). Resolves once it is ready. */
  start(): Promise<void>;
  /** Stop it and delete its files; call in afterAll. */
  dispose(): Promise<void>;
}

// Every process we started, so a crashed or interrupted test run still kills them.
const live = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** How to start it. */
export interface AlertmanagerOptions {
  /** The whole alertmanager.yml; one `null` receiver by default. */
  readonly config?: string;
}

/**
 * Start a real Prometheus Alertmanager on a free loopback port, clustering off, one `null`
 * receiver (or the given config), and wait until it reports ready.
 * @param options - the config to run with
 */
export async function startAlertmanager(
  options: AlertmanagerOptions = {},
): Promise<RealAlertmanager> {
  if (!existsSync(ALERTMANAGER_BINARY)) {
    throw new Error(
      `${ALERTMANAGER_BINARY} is missing; run \`npm run system-deps\` (installs prometheus-alertmanager)`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'oncall-alertmanager-'));
  dirs.add(dir);
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(
    configFile,
    options.config ??
      ['route:', '  receiver: "null"', 'receivers:', '  - name: "null"', ''].join('\n'),
  );
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const args = [
    `--config.file=${configFile}`,
    `--storage.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--cluster.listen-address=', // empty turns clustering (and its gossip port) off
    '--log.level=warn',
  ];
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) throw new Error('Alertmanager is already running');
    const proc = spawn(ALERTMANAGER_BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    live.add(proc);
    let stderr = '';
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    proc.once('exit', () => live.delete(proc));
    proc.once('error', (error) => {
      // e.g. the binary is not executable; without a listener this would crash the run.
      stderr += `\n${error.message}`;
      live.delete(proc);
    });
    try {
      await waitReady(url, proc, () => stderr);
    } catch (error) {
      await stop();
      throw error;
    }
  };

  const stop = async () => {
    const proc = child;
    child = undefined;
    if (!proc || !live.has(proc)) return; // never started, or already gone
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  await start();
  return {
    url,
    async postAlerts(alerts) {
      const response = await fetch(`${url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      if (!response.ok) {
        throw new Error(
          `Alertmanager refused the alerts: HTTP ${response.status} ${await response.text()}`,
        );
      }
    },
    stop,
    start,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}

async function waitReady(url: string, proc: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null || !live.has(proc)) {
      throw new Error(
        `Alertmanager exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${stderr()}`,
      );
    }
    try {
      const response = await fetch(`${url}/-/ready`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `Alertmanager at ${url} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${stderr()}`,
  );
}
