import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startBrowserMode } from '../../support/browser-mode';
import { requestHeapReport, reportOptions, type HeapFigures } from './node-report';
import { ratesBetween, readProc, type IdleRates, type ProcReading } from './proc-figures';

/** How long the idle window lasts: BENCH_IDLE_SECONDS, 30 s by default. */
export const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 30);
/** The wait between the address line and the window: BENCH_IDLE_SETTLE_SECONDS, 5 s by default. */
export const SETTLE_SECONDS = Number(process.env.BENCH_IDLE_SETTLE_SECONDS ?? 5);

/** The default source's address (src/shared/domain/source.ts), unreachable in the window. */
const DEFAULT_SOURCE = { host: '127.0.0.1', port: 9093 };

/** One process over the idle window. */
export interface IdleFigures extends IdleRates {
  /** Memory at the end of the window. */
  readonly memory: ProcReading;
  readonly heap: HeapFigures;
}

/** Browser mode and the floor, measured over the same window. */
export interface IdleWindow {
  readonly app: IdleFigures;
  readonly floor: IdleFigures;
  /** Whether the default source answered (then the figures are not the unreachable case). */
  readonly sourceReachable: boolean;
}

let shared: Promise<IdleWindow> | undefined;
let measured: IdleWindow | undefined;

/**
 * Browser mode on a fresh home, left alone with its default source unreachable, next to an idle
 * `node -e 'setInterval(()=>{},1<<30)'` started with it and read the same way over the same
 * window. Measured once per bench run; the idle-* cases each show one figure of it.
 */
export function idleWindow(): Promise<IdleWindow> {
  shared ??= measure().then((window) => (measured = window));
  return shared;
}

/** The window once {@link idleWindow} has measured it, for labels read after the runs. */
export function measuredIdleWindow(): IdleWindow | undefined {
  return measured;
}

async function measure(): Promise<IdleWindow> {
  if (!Number.isFinite(IDLE_SECONDS) || IDLE_SECONDS <= 0)
    throw new Error(
      `BENCH_IDLE_SECONDS must be a positive number, not "${process.env.BENCH_IDLE_SECONDS}"`,
    );
  const dir = mkdtempSync(join(tmpdir(), 'oncall-idle-bench-'));
  const home = join(dir, 'home');
  const reports = { app: join(dir, 'app-reports'), floor: join(dir, 'floor-reports') };
  // Node writes a report into its directory but does not make it.
  for (const reportDir of Object.values(reports)) mkdirSync(reportDir);
  const floor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], {
    env: { ...process.env, NODE_OPTIONS: reportOptions(reports.floor) },
    stdio: 'ignore',
  });
  const floorExited = new Promise<void>((resolve) => floor.once('exit', () => resolve()));
  try {
    const app = await startBrowserMode({
      home,
      env: { NODE_OPTIONS: reportOptions(reports.app) },
    });
    try {
      if (floor.pid === undefined) throw new Error('the idle node process did not start');
      await delay(SETTLE_SECONDS * 1000);
      const sourceReachable = await answers(DEFAULT_SOURCE);
      const start = { app: readProc(app.pid), floor: readProc(floor.pid) };
      await delay(IDLE_SECONDS * 1000);
      const end = { app: readProc(app.pid), floor: readProc(floor.pid) };
      // After the window: writing a report is work the window must not see.
      const heap = {
        app: await requestHeapReport(app.pid, reports.app),
        floor: await requestHeapReport(floor.pid, reports.floor),
      };
      return {
        app: { ...ratesBetween(start.app, end.app), memory: end.app, heap: heap.app },
        floor: { ...ratesBetween(start.floor, end.floor), memory: end.floor, heap: heap.floor },
        sourceReachable,
      };
    } finally {
      await app.stop();
    }
  } finally {
    floor.kill();
    await floorExited;
    rmSync(dir, { recursive: true, force: true });
  }
}

// A TCP connection is enough: anything listening there makes polls succeed or fail differently.
function answers(address: { host: string; port: number }): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(address.port, address.host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
