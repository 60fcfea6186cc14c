import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { startBrowserMode } from '../../support/browser-mode';
import { seedIncident } from '../../support/seed-incident';
import { syncServerProcess, TEST_SYNC_TOKEN } from '../../support/sync-server';
import { requestHeapReport, reportOptions, type HeapFigures } from './node-report';
import { ratesBetween, readProc, type IdleRates, type ProcReading } from './proc-figures';

/**
 * The first part of the run, from the address line on: BENCH_IDLE_SETTLE_SECONDS, 60 by default.
 * It holds the start-up's tail (the first failed polls backing off, the "not receiving alerts"
 * notification, V8's clean-up a few seconds after start), reported but not held to the budget.
 */
export const SETTLE_SECONDS = seconds('BENCH_IDLE_SETTLE_SECONDS', 60);
/** The steady idle window after it, held to the budget: BENCH_IDLE_SECONDS, 60 by default. */
export const IDLE_SECONDS = seconds('BENCH_IDLE_SECONDS', 60);

/** The default source's address (src/shared/domain/source.ts), unreachable in the window. */
const DEFAULT_SOURCE = { host: '127.0.0.1', port: 9093 };

/** One process over the run. */
export interface IdleFigures extends IdleRates {
  /** CPU and wake-ups over the first {@link SETTLE_SECONDS}, and the RSS at its end. */
  readonly startUp: IdleRates & { readonly rss: number };
  /** Memory at the end. */
  readonly memory: ProcReading;
  readonly heap: HeapFigures;
}

/** Browser mode and the floor, measured over the same windows. */
export interface IdleWindow {
  readonly app: IdleFigures;
  /**
   * A second browser mode, with team sync connected to a real local sync server (Hocuspocus)
   * and sharing one incident, over the same windows.
   */
  readonly synced: IdleFigures;
  readonly floor: IdleFigures;
  /** Whether the default source answered (then the figures are not the unreachable case). */
  readonly sourceReachable: boolean;
}

let shared: Promise<IdleWindow> | undefined;
let measured: IdleWindow | undefined;

/**
 * Browser mode on a fresh home, left alone with its default source unreachable, next to an idle
 * `node -e 'setInterval(()=>{},1<<30)'` started with it and read the same way over the same
 * windows. Measured once per bench run; the idle-* cases each show one figure of it.
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
  const dir = mkdtempSync(join(tmpdir(), 'oncall-idle-bench-'));
  const home = join(dir, 'home');
  const reports = {
    app: join(dir, 'app-reports'),
    synced: join(dir, 'synced-reports'),
    floor: join(dir, 'floor-reports'),
  };
  // Node writes a report into its directory but does not make it.
  for (const reportDir of Object.values(reports)) mkdirSync(reportDir);
  const floor = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], {
    env: { ...process.env, NODE_OPTIONS: reportOptions(reports.floor) },
    stdio: 'ignore',
  });
  const floorExited = new Promise<void>((resolve) => floor.once('exit', () => resolve()));
  const floorPid = floor.pid;
  if (floorPid === undefined) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error('the idle node process did not start');
  }
  const server = await syncServerProcess();
  try {
    await server.start();
    const syncedHome = join(dir, 'synced-home');
    mkdirSync(syncedHome);
    writeFileSync(
      join(syncedHome, 'settings.json'),
      JSON.stringify({ profile: { name: 'Idle Member' }, sync: { url: server.url } }),
    );
    await seedIncident(syncedHome, {
      id: 'inc-20261205-060000-1d1e',
      title: 'Shared and quiet',
      entries: 20,
      endsAt: new Date(Date.now() - 60_000),
    });
    // One after the other, each next to the floor: started together on two cores, each one's
    // start-up would spill into the other's first window.
    const app = await measureOne(home, reports.app, {}, floorPid);
    const synced = await measureOne(
      syncedHome,
      reports.synced,
      { ONCALL_SYNC_TOKEN: TEST_SYNC_TOKEN },
      floorPid,
      // Still connected at the end: the figures are of a live connection, not of retries.
      (stderr) => {
        if (!establishedTo(server.port))
          throw new Error(`the synced browser mode is not connected:\n${stderr}`);
      },
    );
    return {
      app: app.figures,
      synced: synced.figures,
      floor: { ...app.floor, heap: await requestHeapReport(floorPid, reports.floor) },
      sourceReachable: app.sourceReachable,
    };
  } finally {
    await server.stop();
    floor.kill();
    await floorExited;
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One browser mode over the two windows, and the floor over the same windows. */
async function measureOne(
  home: string,
  reportDir: string,
  env: Record<string, string>,
  floorPid: number,
  checkAtEnd?: (stderr: string) => void,
): Promise<{ figures: IdleFigures; floor: Omit<IdleFigures, 'heap'>; sourceReachable: boolean }> {
  const app = await startBrowserMode({
    home,
    env: { NODE_OPTIONS: reportOptions(reportDir), ...env },
  });
  try {
    const read = () => ({ app: readProc(app.pid), floor: readProc(floorPid) });
    const start = read();
    await delay(SETTLE_SECONDS * 1000);
    const settled = read();
    const sourceReachable = await answers(DEFAULT_SOURCE);
    await delay(IDLE_SECONDS * 1000);
    const end = read();
    // After the windows: writing a report is work they must not see.
    const heap = await requestHeapReport(app.pid, reportDir);
    checkAtEnd?.(app.stderr());
    const figures = (side: 'app' | 'floor') => ({
      ...ratesBetween(settled[side], end[side]),
      startUp: { ...ratesBetween(start[side], settled[side]), rss: settled[side].rss },
      memory: end[side],
    });
    return { figures: { ...figures('app'), heap }, floor: figures('floor'), sourceReachable };
  } finally {
    await app.stop();
  }
}

function seconds(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of seconds, not "${process.env[name]}"`);
  return value;
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

// An established TCP connection to 127.0.0.1:port (Linux: /proc/net/tcp, addresses in hex).
function establishedTo(port: number): boolean {
  const remote = `0100007F:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .slice(1)
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[2] === remote && fields[3] === '01';
    });
}
