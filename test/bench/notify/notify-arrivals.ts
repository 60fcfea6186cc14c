// When the notification daemon took a notification: its answer to the Notify call, seen on the
// daemon's D-Bus session bus.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Notify calls answered by the daemon, by summary. */
export interface NotifyArrivals {
  /**
   * When the daemon answered the Notify call with this summary (it had queued the notification
   * and given it an id), in ms since the epoch; waits for it.
   * @throws when it has not arrived within `timeoutMs`
   */
  arrival(summary: string, timeoutMs: number): Promise<number>;
  /** Stop watching. */
  stop(): Promise<void>;
}

/** One message of `busctl monitor --json=short`, the fields used here. */
interface BusMessage {
  type?: string;
  cookie?: number;
  reply_cookie?: number;
  sender?: string;
  destination?: string;
  member?: string;
  'timestamp-realtime'?: number;
  payload?: { data?: unknown[] };
}

const NOTIFY = "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";

/**
 * Watch the bus at `address` for Notify calls and the daemon's answers.
 *
 * Why a bus monitor and not polling `dunstctl history`: each poll spawns dunstctl (and busctl)
 * on the two-core machine being measured, dunst 1.9 lists only closed notifications, and the
 * answer comes as late as the poll interval. A monitor sees the daemon's reply as it crosses the
 * bus, and stamps it with the wall clock as soon as its own process reads it, so this process's
 * event loop (busy with the app being measured) is not in the figure. Why `busctl monitor` and
 * not `dbus-monitor`: both stamp the same way (on read, in userspace; busctl sets no
 * SO_TIMESTAMP), but busctl writes one JSON object per message with the summary as a parsed
 * string, while dbus-monitor prints strings unescaped, so a body with a quote or a newline
 * would have to be guessed apart.
 * @param address - the bus (`DBUS_SESSION_BUS_ADDRESS` of the daemon)
 */
export async function watchNotifyArrivals(address: string): Promise<NotifyArrivals> {
  const monitor = spawn(
    'busctl',
    [
      'monitor',
      `--address=${address}`,
      '--json=short',
      `--match=${NOTIFY}`,
      "--match=type='method_return'",
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  monitor.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => monitor.once('close', () => resolve()));
  let failure: Error | undefined;
  monitor.once('error', (error) => (failure = error));

  // Notify calls still waiting for their answer, by caller and serial; then answered ones.
  const calls = new Map<string, string>();
  const arrived = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  createInterface({ input: monitor.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as BusMessage;
    if (message.type === 'method_call' && message.member === 'Notify') {
      const summary = message.payload?.data?.[3];
      if (typeof summary === 'string') calls.set(`${message.sender}/${message.cookie}`, summary);
      return;
    }
    if (message.type !== 'method_return') return;
    const key = `${message.destination}/${message.reply_cookie}`;
    const summary = calls.get(key);
    if (summary === undefined) return;
    calls.delete(key);
    const stamp = message['timestamp-realtime'];
    if (stamp === undefined) {
      failure = new Error('busctl monitor gave no kernel receive time (timestamp-realtime)');
    } else {
      arrived.set(summary, stamp / 1000);
    }
    waiters.get(summary)?.();
  });

  return {
    async arrival(summary, timeoutMs) {
      if (!arrived.has(summary) && !failure) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          waiters.set(summary, () => {
            clearTimeout(timer);
            resolve();
          });
        });
        waiters.delete(summary);
      }
      if (failure) throw failure;
      const at = arrived.get(summary);
      if (at === undefined) {
        const state = monitor.exitCode === null ? 'running' : `exited (${monitor.exitCode})`;
        throw new Error(
          `the notification daemon did not answer a Notify of "${summary}" within ${timeoutMs} ms ` +
            `(busctl monitor ${state}${stderr ? `: ${stderr.trim()}` : ''})`,
        );
      }
      arrived.delete(summary);
      return at;
    },
    async stop() {
      if (monitor.exitCode === null && monitor.signalCode === null) monitor.kill('SIGTERM');
      await exited;
    },
  };
}
