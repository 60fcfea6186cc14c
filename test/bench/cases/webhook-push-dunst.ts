import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startNotificationDaemon } from '../../support/notification-daemon';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { watchNotifyArrivals } from '../notify/notify-arrivals';
import { startPushApp } from '../notify/push-app';

const run = promisify(execFile);
const ITERATIONS = 100;
const ARRIVAL_LIMIT_MS = 10_000;
const measured: number[] = [];
const floor: number[] = [];

/**
 * Alertmanager's webhook POST of one new critical alert to the app (services wired as browser
 * mode wires them), until dunst has taken the notification (answered the Notify call, see
 * notify/notify-arrivals.ts), next to a raw `notify-send` of the same text until dunst has it.
 * Both on a private dunst, Xvfb and session bus.
 */
export const benchCase: BenchCase = {
  // The table has one median column; p99 goes into the label, read after the runs.
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `webhook push of a new critical alert → taken by dunst${tail}`;
  },
  floor: 'notify-send of the same text → taken by dunst',
  iterations: ITERATIONS,
  sample: 'value',
  async setup() {
    // Whatever was started, newest first: run at teardown, or at once if setup fails.
    const stops: Array<() => Promise<void> | void> = [];
    const stopAll = async () => {
      for (const stop of stops.splice(0).reverse()) await stop();
    };
    try {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-push-dunst-bench-'));
      stops.push(() => fs.rmSync(home, { recursive: true, force: true }));
      const daemon = await startNotificationDaemon();
      stops.push(() => daemon.stop());
      const env = { ...process.env, ...daemon.env };
      // node-notifier runs notify-send with this process's environment.
      const saved = { DISPLAY: process.env.DISPLAY, BUS: process.env.DBUS_SESSION_BUS_ADDRESS };
      Object.assign(process.env, daemon.env);
      stops.push(() => {
        restore('DISPLAY', saved.DISPLAY);
        restore('DBUS_SESSION_BUS_ADDRESS', saved.BUS);
      });
      const arrivals = await watchNotifyArrivals(daemon.env.DBUS_SESSION_BUS_ADDRESS);
      stops.push(() => arrivals.stop());

      const notifySend = async (summary: string, body: string) => {
        // As the app's adapter sends a critical alert; notify-send unescapes backslashes.
        const args = ['-u', 'critical', '-a', 'On-Call Companion', '-t', '0'];
        await run('notify-send', [...args, summary, body.replace(/\\/g, '\\\\')], { env });
      };
      // The monitor is attached once it sees a notification: a readiness wait, untimed.
      for (let probe = 1; ; probe++) {
        await notifySend(`bench probe ${probe}`, 'probe');
        try {
          await arrivals.arrival(`bench probe ${probe}`, 500);
          break;
        } catch (error) {
          if (probe === 20) throw error;
        }
      }

      const app = await startPushApp(home);
      stops.push(() => app.stop());
      // One untimed push shows what the app's notification says, so the floor sends the same.
      const primed = 'DiskAlmostFull-prime';
      if ((await app.push(primed)) !== 200) throw new Error(`push refused: ${app.log()}`);
      const shown = await waitForShown(() => daemon.history(), primed, app.log);
      const summaryOf = (alertname: string) => shown.summary.replace(primed, alertname);

      const closeAll = () => run('dunstctl', ['close-all'], { env });
      const since = (start: number, at: number) => {
        const took = at - start;
        if (took < 0) throw new Error(`dunst's answer is stamped ${-took} ms before the start`);
        return took;
      };
      let runs = 0;
      return {
        async measured() {
          const alertname = `DiskAlmostFull-p${(runs += 1)}`;
          const start = wallClock();
          const [status, at] = await Promise.all([
            app.push(alertname),
            arrivals.arrival(summaryOf(alertname), ARRIVAL_LIMIT_MS),
          ]);
          if (status !== 200) throw new Error(`push: HTTP ${status}: ${app.log()}`);
          // Untimed: critical notifications stay until closed, and a growing stack would slow
          // dunst's drawing for the runs that follow.
          await closeAll();
          const took = since(start, at);
          measured.push(took);
          return took;
        },
        async floor() {
          const summary = summaryOf(`DiskAlmostFull-r${runs}`);
          const start = wallClock();
          const [, at] = await Promise.all([
            notifySend(summary, shown.body),
            arrivals.arrival(summary, ARRIVAL_LIMIT_MS),
          ]);
          await closeAll();
          const took = since(start, at);
          floor.push(took);
          return took;
        },
        teardown: stopAll,
      };
    } catch (error) {
      await stopAll();
      throw error;
    }
  },
};

/**
 * The wall clock busctl stamps with, to the microsecond: Node's start on it plus the monotonic
 * time since. They part only if the clock is stepped meanwhile, and a negative span is refused.
 */
function wallClock(): number {
  return performance.timeOrigin + performance.now();
}

async function waitForShown(
  history: () => Promise<Array<{ summary: string; body: string }>>,
  alertname: string,
  log: () => string,
): Promise<{ summary: string; body: string }> {
  const deadline = Date.now() + ARRIVAL_LIMIT_MS;
  for (;;) {
    const shown = (await history()).find((n) => n.summary.includes(alertname));
    if (shown) return shown;
    if (Date.now() > deadline) {
      throw new Error(`dunst never showed the pushed alert ${alertname}; app log:\n${log()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function restore(key: string, value: string | undefined): void {
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
}

// Warm-up runs are recorded too; the percentiles use the timed runs only.
function p99(samples: number[]): string {
  return percentile(samples.slice(-ITERATIONS), 0.99).toFixed(2);
}
