// The process test/integration/escalation-crash.test.ts and escalation-outbound-crash.test.ts
// kill: the app's escalation wiring (createEscalation) on a home directory, driven line by line
// on stdin. Each line is a JSON command `{ wall, mono, op, alerts? }`: set the clocks, then
// `poll` (the source answers `alerts`), `check` (the timer woke) or `resume` (the machine woke);
// `ok` on stdout once done. Every notification is appended to a capture file synchronously, the
// moment it is "shown", so a kill leaves exactly what the user would have seen. With an outbound
// setup file (JSON `{ escalation, secrets }`: the escalation settings, and each channel's URL or
// routing key by its secret key) the steps past "me" page through the app's outbound service as
// the composition root wires it, and an alert gone is resolved at PagerDuty. Usage:
//   node test/support/escalation-child.ts <home> <capture-file> [<outbound-setup-file>]
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createEscalation } from '../../src/main/services/escalation/create-escalation';
import type { Alert } from '../../src/shared/domain/alert';
import { diffAlerts } from '../../src/shared/domain/alert-diff';
import { defaultSettings } from '../../src/shared/domain/settings';
import { escalationSettingsSchema } from '../../src/shared/escalation/policy-settings';
import {
  createOutboundService,
  type OutboundService,
} from '../../src/main/services/outbound/outbound-service';

interface Command {
  wall: number;
  mono: number;
  op: 'poll' | 'check' | 'resume';
  alerts?: Alert[];
}

const [home, captureFile, outboundFile] = process.argv.slice(2);
if (home === undefined || captureFile === undefined) {
  throw new Error('usage: escalation-child.ts <home> <capture-file>');
}

let wall = 0;
let mono = 0;
let seen: Alert[] = [];
let polled = false;
const capture = fs.openSync(captureFile, 'a');
const settings = defaultSettings();
const log = (level: string, line: string) => process.stderr.write(`${level}: ${line}\n`);
const clock = { now: () => new Date(wall) };
let outbound: OutboundService | undefined;
if (outboundFile !== undefined) {
  const setup = JSON.parse(fs.readFileSync(outboundFile, 'utf8')) as {
    escalation: unknown;
    secrets: Record<string, string>;
  };
  settings.escalation = escalationSettingsSchema.parse(setup.escalation);
  outbound = createOutboundService({
    home,
    clock,
    settings: () => settings,
    secrets: { get: async (key) => setup.secrets[key] },
    log,
    // The receivers answer at once; a failed page is not what this child is for.
    retry: {
      retries: 1,
      minTimeoutMs: 10,
      maxTimeoutMs: 20,
      maxRetryAfterMs: 0,
      attemptTimeoutMs: 5_000,
    },
  });
}

const escalation = createEscalation({
  dir: path.join(home, 'escalation'),
  clock,
  monotonic: () => mono,
  notifier: {
    async notify(notification) {
      fs.writeSync(capture, `${JSON.stringify({ ...notification, at: wall })}\n`);
    },
  },
  settings: () => settings,
  alerts: () => seen,
  answered: () => polled,
  incidents: () => [],
  actor: () => 'me',
  log,
  heartbeatMs: 3_600_000,
  ...(outbound && { deliver: outbound.deliver }),
});

let opened = false;
const lines = readline.createInterface({ input: process.stdin });
// One command at a time, in order, as the parent waits for each `ok`.
let queue: Promise<void> = Promise.resolve();
lines.on('line', (line) => {
  const command = JSON.parse(line) as Command;
  queue = queue.then(async () => {
    wall = command.wall;
    mono = command.mono;
    if (!opened) {
      opened = true;
      await escalation.open();
    }
    if (command.op === 'poll') {
      const next = command.alerts ?? [];
      const diff = diffAlerts(new Map(seen.map((a) => [a.id, a])), next, new Date(wall));
      seen = next;
      polled = true;
      await escalation.alertsChanged({ ...diff, alerts: next });
      // As the composition root does, awaited here so `ok` means they went out.
      await outbound?.acknowledgeAcked(next);
      await outbound?.resolveGone(next, () => polled);
    } else if (command.op === 'resume') {
      await escalation.resume();
    } else {
      await escalation.scheduler.check();
    }
    process.stdout.write('ok\n');
  });
});
lines.on('close', () => {
  void queue
    .then(() => escalation.close())
    .then(() => outbound?.close())
    .then(() => process.exit(0));
});
