import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;

// Every process and directory a test started, so a crashed or interrupted run still cleans up.
const live = new Set<ChildProcess>();
const dirs = new Set<string>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A scratch directory removed when the test process exits, or earlier by {@link dropDir}. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

/** Remove a directory made by {@link scratchDir}. */
export function dropDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** How to run one real peer (a Debian package's daemon) for a test. */
export interface PeerProcessOptions {
  /** Its name in error messages, e.g. `Alertmanager`. */
  readonly name: string;
  readonly binary: string;
  readonly args: readonly string[];
  /** A URL that answers 200 once it is ready, e.g. `http://127.0.0.1:9093/-/ready`. */
  readonly readyUrl?: string;
  /** For a peer that speaks no HTTP (redis-server): true once it answers. */
  readonly ready?: () => Promise<boolean>;
}

/** A real peer process that can be stopped and started again with the same arguments. */
export interface PeerProcess {
  /** Start it; resolves once {@link PeerProcessOptions.readyUrl} answers 200. */
  start(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period; resolves once it has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash); resolves once it has exited. */
  kill(): Promise<void>;
}

/** A handle on a peer process; nothing runs until {@link PeerProcess.start}. */
export function peerProcess(options: PeerProcessOptions): PeerProcess {
  const { name, binary, args } = options;
  const ready = options.ready ?? (() => answers200(options.readyUrl ?? ''));
  const where = options.readyUrl ?? name;
  let child: ChildProcess | undefined;

  const stop = async (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') => {
    const proc = child;
    child = undefined;
    if (!proc || !live.has(proc)) return; // never started, or already gone
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  const start = async () => {
    if (child) throw new Error(`${name} is already running`);
    const proc = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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
      await waitReady(name, where, ready, proc, () => stderr);
    } catch (error) {
      await stop();
      throw error;
    }
  };

  return { start, stop: () => stop(), kill: () => stop('SIGKILL') };
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}

async function waitReady(
  name: string,
  url: string,
  ready: () => Promise<boolean>,
  proc: ChildProcess,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null || !live.has(proc)) {
      throw new Error(
        `${name} exited (${proc.exitCode ?? proc.signalCode}) before it was ready:\n${stderr()}`,
      );
    }
    if (await ready()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `${name} at ${url} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${stderr()}`,
  );
}
