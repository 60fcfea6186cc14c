// A real notification daemon for the tests (design §6): dunst on a private Xvfb display and a
// private D-Bus session bus, so notify-send has someone to talk to and `dunstctl history`
// shows what arrived. Nothing of the user's desktop, config or bus is touched.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { NotificationUrgency } from '../../src/main/services/notify/notifier';

const run = promisify(execFile);

/** Commands this needs, and the Debian package of each. */
const NEEDED: Readonly<Record<string, string>> = {
  Xvfb: 'xvfb',
  'dbus-daemon': 'dbus',
  'dbus-send': 'dbus',
  dunst: 'dunst',
  dunstctl: 'dunst',
  busctl: 'systemd',
  'notify-send': 'libnotify-bin',
};

/** One notification as the daemon received it. */
export interface DaemonNotification {
  summary: string;
  body: string;
  urgency: NotificationUrgency;
  appname: string;
  /** How long the daemon shows it, in ms; 0 means until dismissed. */
  timeoutMs: number;
}

/** A running private notification daemon. */
export interface NotificationDaemon {
  /** Set these in the environment of whatever should notify (notify-send reads them). */
  env: { DISPLAY: string; DBUS_SESSION_BUS_ADDRESS: string };
  /**
   * Every notification received so far, oldest first. dunst 1.9 lists only closed
   * notifications, so this first closes the ones on screen.
   */
  history(): Promise<DaemonNotification[]>;
  /**
   * Choose an action on a notification shown now, as a user would in dunst's context menu:
   * the first entry containing `entry` (dunst lists them as "#Acknowledge (SEV1 · Down) [7,acknowledge]").
   * False when no shown notification offers it (yet).
   */
  chooseAction(entry: string): Promise<boolean>;
  /** Stop dunst, the bus and the display, and delete the temporary directory. */
  stop(): Promise<void>;
}

// dunst 1.9's history has no urgency field (later versions add one), so a rule per urgency
// stamps it into the category, which the history does list.
// The context menu's "dmenu": a script that picks the entry the test asked for (chooseAction).
const dunstrc = (picker: string): string => `[global]
    dmenu = ${picker}
    notification_limit = 0
    stack_duplicates = false
    history_length = 1000
    idle_threshold = 0
    markup = full

${(['low', 'normal', 'critical'] as const)
  .map(
    (u) =>
      `[oncall_test_urgency_${u}]\n    msg_urgency = ${u}\n    set_category = "oncall-test-urgency-${u}"\n`,
  )
  .join('\n')}`;

function busConfig(socket: string): string {
  // Our own config instead of --session: the standard one also activates services, and Debian's
  // dunst package installs one that would start a second dunst with the user's config.
  return `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=${socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`;
}

/**
 * Start Xvfb, a D-Bus session bus and dunst, and wait until dunst answers.
 * @throws naming the Debian packages when a program is missing
 */
export async function startNotificationDaemon(): Promise<NotificationDaemon> {
  const missing = Object.keys(NEEDED).filter((command) => !onPath(command));
  if (missing.length > 0) {
    const packages = [...new Set(missing.map((c) => NEEDED[c]))].join(' ');
    throw new Error(
      `The notification tests need ${missing.join(', ')} (Debian packages: ${packages}; ` +
        'all of them: dunst xvfb dbus-x11 libnotify-bin). Run `npm run system-deps` to install them.',
    );
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-notify-'));
  const children: ChildProcess[] = [];
  const killAll = (): void => {
    for (const child of [...children].reverse()) if (child.exitCode === null) child.kill('SIGTERM');
  };
  // If the test process ends without stop(), do not leave a display and a bus behind.
  process.once('exit', killAll);

  try {
    // -displayfd: Xvfb picks a free display itself and writes its number, no race with others.
    const xvfb = spawn(
      'Xvfb',
      ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1024x768x24'],
      {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      },
    );
    children.push(xvfb);
    const display = `:${(await firstLine(xvfb, 3, 'Xvfb')).trim()}`;

    const socket = path.join(dir, 'bus');
    fs.writeFileSync(path.join(dir, 'bus.conf'), busConfig(socket));
    const bus = spawn(
      'dbus-daemon',
      [`--config-file=${path.join(dir, 'bus.conf')}`, '--nofork', '--print-address=1'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(bus);
    const address = (await firstLine(bus, 1, 'dbus-daemon')).trim();

    const env = { DISPLAY: display, DBUS_SESSION_BUS_ADDRESS: address };
    const config = path.join(dir, 'dunstrc');
    const picker = path.join(dir, 'pick-action.sh');
    const wanted = path.join(dir, 'wanted-action');
    const picked = path.join(dir, 'picked-action');
    const pickerDone = path.join(dir, 'picker-done');
    // grep -F: the entry is matched as text; what dunst offered is kept for a failure message.
    fs.writeFileSync(
      picker,
      `#!/bin/sh\ntee '${path.join(dir, 'offered-actions')}' | grep -m1 -F -f '${wanted}' > '${picked}'; touch '${pickerDone}'; cat '${picked}'\n`,
      { mode: 0o755 },
    );
    fs.writeFileSync(config, dunstrc(picker));
    const dunstEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...env,
      XDG_CONFIG_HOME: dir,
      XDG_CONFIG_DIRS: dir,
    };
    delete dunstEnv.WAYLAND_DISPLAY; // dunst would prefer a Wayland session of the user's
    const dunstLog = fs.openSync(path.join(dir, 'dunst.log'), 'w');
    const dunst = spawn('dunst', ['-config', config], {
      stdio: ['ignore', dunstLog, dunstLog],
      env: dunstEnv,
    });
    fs.closeSync(dunstLog);
    children.push(dunst);

    const ctlEnv = { ...process.env, ...env };
    const dunstctl = async (...args: string[]): Promise<string> =>
      (await run('dunstctl', args, { env: ctlEnv })).stdout;
    await waitUntilAnswers(() => dunstctl('debug'), dunst, path.join(dir, 'dunst.log'));

    let stopped = false;
    return {
      env,
      async history() {
        await dunstctl('close-all');
        return parseHistory(await dunstctl('history'));
      },
      async chooseAction(entry) {
        fs.writeFileSync(wanted, `${entry}\n`);
        fs.rmSync(picked, { force: true });
        fs.rmSync(pickerDone, { force: true });
        await dunstctl('context');
        // dunst runs the menu after dunstctl returns: wait for the picker (a readiness wait).
        // With no notification offering actions dunst runs no menu at all.
        const until = Date.now() + 5_000;
        while (!fs.existsSync(pickerDone) && Date.now() < until) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return fs.existsSync(picked) && fs.readFileSync(picked, 'utf8').trim() !== '';
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        process.removeListener('exit', killAll);
        await Promise.all(children.map((child) => stopChild(child)));
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    process.removeListener('exit', killAll);
    await Promise.all(children.map((child) => stopChild(child)));
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

interface DunstField {
  type: string;
  data: unknown;
}

/** `dunstctl history` is busctl's JSON of an `aa{sv}`: one array of notifications, newest first. */
function parseHistory(json: string): DaemonNotification[] {
  const parsed = JSON.parse(json) as { data: Array<Array<Record<string, DunstField | undefined>>> };
  const entries = parsed.data[0] ?? [];
  const text = (entry: Record<string, DunstField | undefined>, key: string): string => {
    const value = entry[key]?.data;
    return typeof value === 'string' ? value : '';
  };
  return entries
    .map((entry) => ({
      id: Number(entry.id?.data ?? 0),
      summary: text(entry, 'summary'),
      body: text(entry, 'body'),
      urgency: urgencyOf(text(entry, 'urgency') || text(entry, 'category')),
      appname: text(entry, 'appname'),
      // busctl reports dunst's timeout in microseconds.
      timeoutMs: Number(entry.timeout?.data ?? 0) / 1000,
    }))
    .sort((a, b) => a.id - b.id)
    .map(({ id: _id, ...notification }) => notification);
}

function urgencyOf(value: string): NotificationUrgency {
  const word = value.toLowerCase().replace('oncall-test-urgency-', '');
  if (word === 'low' || word === 'normal' || word === 'critical') return word;
  throw new Error(`dunst reported a notification without a known urgency ("${value}")`);
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The first line a child writes to one of its pipes, or a failure naming what it said on stderr. */
function firstLine(child: ChildProcess, fd: number, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdio[2]?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const stream = child.stdio[fd];
    if (!stream) return reject(new Error(`${name}: no pipe on fd ${fd}`));
    stream.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready: ${err.trim()}`)),
    );
  });
}

/** Poll until dunst answers on the bus: a readiness wait, not a timing assertion. */
async function waitUntilAnswers(
  ask: () => Promise<unknown>,
  dunst: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await ask();
      return;
    } catch (error) {
      const log = (): string => fs.readFileSync(logFile, 'utf8').trim();
      if (dunst.exitCode !== null) {
        throw new Error(`dunst exited (${dunst.exitCode}): ${log()}`, { cause: error });
      }
      if (Date.now() > deadline) {
        throw new Error(`dunst did not answer on D-Bus: ${String(error)}; log: ${log()}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
