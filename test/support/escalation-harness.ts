// The escalation harness, after GoAlert's smoketest harness (target/goalert smoketest/harness):
// a controllable clock (wall and monotonic apart, so sleeps and time changes can be played),
// the app's own escalation wiring (createEscalation) restarted against the same home directory,
// alerts as a source would report them at each poll, and a capture of every notification and
// every outbound page (the outbound service's deliver port) that a test must claim with
// expectNotification / expectPage; any it did not claim fails assertNoUnexpected.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AppNotification } from '../../src/main/services/notify/notifier';
import {
  createEscalation,
  type Escalation,
} from '../../src/main/services/escalation/create-escalation';
import type { Alert } from '../../src/shared/domain/alert';
import type { PlannedStep } from '../../src/shared/escalation/policy-plan';
import { diffAlerts } from '../../src/shared/domain/alert-diff';
import { defaultSettings, type Settings } from '../../src/shared/domain/settings';
import type { Severity } from '../../src/shared/domain/severity';
import type { IncidentSnapshot } from '../../src/shared/incident/schema';
import type { ShiftFeed } from '../../src/shared/schedules/layer-shifts';
import type { ShiftChange } from '../../src/shared/schedules/shift-change';
import { memorySchedulerFile } from './memory-scheduler';

/** The user of the app under test. */
export const ME = 'me';
const SOURCE = 'prod';

/** A notification as the harness captured it, with the wall-clock time it was shown. */
export interface Captured extends AppNotification {
  at: string;
}

/** An outbound page as the harness captured it: who a step paged for which alert, and when. */
export interface CapturedPage {
  at: string;
  /** The alert's name (its fingerprint). */
  alert: string;
  level: number;
  repeat: number;
  /** When the step was due. */
  dueAt: string;
  /** The people on call in the schedules it paged, as the schedules answered. */
  people: string[];
  /** The targets other than me, as `channel:incident`, `person:bob`, `schedule:secondary`. */
  targets: string[];
}

/** How an alert stands at its source. */
export type WorldState = 'firing' | 'acked-here' | 'silenced-by-teammate';

interface WorldAlert {
  name: string;
  severity: Severity;
  state: WorldState;
  startsAt: string;
  ackUntil?: string;
}

/** Options of {@link startEscalationHarness}. */
export interface HarnessOptions {
  /** Start time of the wall clock. */
  start?: string;
  /** Settings changes (the alarm, notifications). */
  settings?: (settings: Settings) => Settings;
  /** Where log lines go; collected in `logs` otherwise. */
  log?: (line: string) => void;
  /**
   * Keep the scheduler's file in memory (a restart reads it back) instead of on disk: for the
   * property run, where thousands of fsyncs would test the disk, not the logic. The disk and
   * crashes have their own tests.
   */
  inMemory?: boolean;
  /** The time zone the user reads times in (the shift reminder's); UTC unless given. */
  timeZone?: string;
  /** The shifts of iCalendar feed layers, as the feed service would answer; none unless given. */
  shiftFeed?: ShiftFeed;
}

/** Starts the app's escalation in a fresh home directory; `close()` removes it. */
export async function startEscalationHarness(options: HarnessOptions = {}) {
  const home = await mkdtemp(path.join(os.tmpdir(), 'escalation-harness-'));
  let wall = Date.parse(options.start ?? '2026-03-01T10:00:00.000Z');
  let mono = 0;
  const settings = (options.settings ?? ((s) => s))(defaultSettings());
  const world = new Map<string, WorldAlert>();
  let incidents: IncidentSnapshot[] = [];
  const captured: Captured[] = [];
  const claimed = new Set<Captured>();
  const pages: CapturedPage[] = [];
  // Every change of the alarms ringing, as `alarm:changed` pushes it: alert ids.
  const alarms: string[][] = [];
  // Every change of who is on call, as the app announced it (each once, across restarts).
  const shiftChanges: ShiftChange[] = [];
  const claimedPages = new Set<CapturedPage>();
  const logs: string[] = [];
  // What the app saw at its last poll.
  let seen: Alert[] = [];
  let polledSinceStart = false;
  let app: Escalation | undefined;

  const clock = { now: () => new Date(wall) };
  const memoryFile = options.inMemory ? memorySchedulerFile() : undefined;

  const toAlert = (a: WorldAlert): Alert => ({
    id: `${SOURCE}:${a.name}`,
    sourceId: SOURCE,
    fingerprint: a.name,
    status: a.state === 'firing' ? 'firing' : 'suppressed',
    severity: a.severity,
    title: a.name,
    labels: { alertname: a.name },
    annotations: {},
    startsAt: a.startsAt,
    ...(a.state === 'acked-here'
      ? {
          ack: {
            by: ME,
            at: a.startsAt,
            via: 'source' as const,
            ...(a.ackUntil ? { until: a.ackUntil, ref: `ack-${a.name}` } : {}),
          },
        }
      : {}),
    ...(a.state === 'silenced-by-teammate'
      ? {
          silences: [
            {
              id: `sil-${a.name}`,
              createdBy: 'teammate',
              comment: 'looking',
              startsAt: a.startsAt,
              endsAt: new Date(wall + 86_400_000).toISOString(),
            },
          ],
        }
      : {}),
  });

  const boot = async (): Promise<void> => {
    // A started app knows no alert until its sources answer.
    polledSinceStart = false;
    seen = [];
    app = createEscalation({
      dir: path.join(home, 'escalation'),
      ...(memoryFile ? { file: memoryFile } : {}),
      clock,
      monotonic: () => mono,
      notifier: {
        async notify(notification) {
          captured.push({ ...notification, at: new Date(wall).toISOString() });
        },
      },
      settings: () => settings,
      alerts: () => seen,
      answered: () => polledSinceStart,
      incidents: () => incidents,
      actor: () => ME,
      log: (level, line) => (options.log ?? ((l) => logs.push(l)))(`${level}: ${line}`),
      // The harness checks after every step; a real timer would only add nondeterminism.
      heartbeatMs: 3_600_000,
      onAlarms: (ringing) => alarms.push(ringing.map((r) => r.alertId)),
      timeZone: () => options.timeZone ?? 'UTC',
      ...(options.shiftFeed ? { shiftFeed: options.shiftFeed } : {}),
      onShiftChange: (change) => shiftChanges.push(change),
      // The outbound service's port: the page is captured as sent, as a receiver would see it.
      async deliver(step: PlannedStep, alert: Alert) {
        pages.push({
          at: new Date(wall).toISOString(),
          alert: alert.fingerprint,
          level: step.level,
          repeat: step.repeat,
          dueAt: step.at.toISOString(),
          targets: step.targets
            .filter((t) => t.kind !== 'me')
            .map((t) => `${t.kind}:${'id' in t ? t.id : ''}`),
          people: step.targets.flatMap((t) => (t.kind === 'schedule' ? t.people : [])),
        });
        return [];
      },
    });
    await app.open();
  };

  const running = (): Escalation => {
    if (!app) throw new Error('the app is not running: restart() it first');
    return app;
  };

  const harness = {
    home,
    logs,
    captured,
    pages,
    alarms,
    shiftChanges,
    now: () => new Date(wall),
    /** The source answers a poll with the world as it is now; the app sees the change. */
    async poll(): Promise<void> {
      const escalation = running();
      const next = [...world.values()].map(toAlert);
      const diff = diffAlerts(new Map(seen.map((a) => [a.id, a])), next, new Date(wall));
      seen = next;
      polledSinceStart = true;
      await escalation.alertsChanged({ ...diff, alerts: next });
    },
    fire(name: string, severity: Severity): void {
      world.set(name, { name, severity, state: 'firing', startsAt: new Date(wall).toISOString() });
    },
    resolve(name: string): void {
      world.delete(name);
    },
    /** Acknowledged at the source by me (until `untilMs` from now, if given), or by a teammate's silence. */
    ack(name: string, by: 'me' | 'teammate', untilMs?: number): void {
      const alert = world.get(name);
      if (!alert) return;
      alert.state = by === 'me' ? 'acked-here' : 'silenced-by-teammate';
      alert.ackUntil = untilMs === undefined ? undefined : new Date(wall + untilMs).toISOString();
    },
    /** The acknowledgement ended (expired or removed): the alert fires again. */
    unack(name: string): void {
      const alert = world.get(name);
      if (alert) alert.state = 'firing';
    },
    world: () => [...world.values()].map((a) => ({ ...a })),
    /** The alerts as the app saw them at its last poll since it started. */
    observed: (): readonly Alert[] => seen,
    /** True once the app has polled since it (re)started. */
    polled: () => polledSinceStart,
    running: () => app !== undefined,
    setIncidents(next: IncidentSnapshot[]): void {
      incidents = next;
    },
    /** Time passes while the app runs; it wakes and checks, as its timer would. */
    async advance(ms: number): Promise<void> {
      wall += ms;
      mono += ms;
      if (app) await app.scheduler.check();
    },
    /** The wall clock is set `ms` ahead (or back); the monotonic clock did not move. */
    async jump(ms: number): Promise<void> {
      wall += ms;
      if (app) await app.scheduler.check();
    },
    /** The machine sleeps for `ms`, then wakes: powerMonitor says 'resume'. */
    async sleep(ms: number): Promise<void> {
      wall += ms;
      if (app) await app.resume();
    },
    /** The app stops (closed, or its process killed) and starts again on the same home. */
    async restart(downMs = 0): Promise<void> {
      await app?.close();
      app = undefined;
      wall += downMs;
      mono += downMs;
      await boot();
    },
    async stop(): Promise<void> {
      await app?.close();
      app = undefined;
    },
    async start(): Promise<void> {
      await boot();
    },
    /** The running escalation itself, for a caller that drives it as the app does (the tray). */
    escalation: () => running(),
    /** The shift-change log on disk. */
    shiftChangeLog: () => running().shiftChanges(),
    /** Every deadline on the scheduler, fired ones too. */
    deadlines: () => running().scheduler.state().deadlines,
    pending: () =>
      running()
        .scheduler.state()
        .deadlines.filter((d) => d.firedAt === undefined),
    /** Snooze my alarm for an alert, as `alarm:snooze` does. */
    snooze: (name: string, minutes: number) => running().snooze(`${SOURCE}:${name}`, minutes),
    /** Do-not-disturb on (for `minutes`) or off, as `alarm:doNotDisturb` does. */
    doNotDisturb: (on: boolean, minutes?: number) => running().doNotDisturb(on, minutes),
    /** Claim the first unclaimed notification whose title (or body) matches; fails naming what arrived. */
    expectNotification(match: RegExp | string): Captured {
      const test = (n: Captured) =>
        typeof match === 'string'
          ? n.title === match
          : match.test(n.title) || match.test(`${n.title}\n${n.body}`);
      const found = captured.find((n) => !claimed.has(n) && test(n));
      if (!found) {
        throw new Error(
          `expected a notification ${String(match)}, got: ${JSON.stringify(unclaimed(), null, 2)}`,
        );
      }
      claimed.add(found);
      return found;
    },
    /** Claim the first unclaimed page of an alert's level; fails naming what was paged. */
    expectPage(alert: string, level: number): CapturedPage {
      const found = pages.find(
        (p) => !claimedPages.has(p) && p.alert === alert && p.level === level,
      );
      if (!found) {
        throw new Error(
          `expected a page for ${alert} level ${level}, got: ${JSON.stringify(unclaimedPages(), null, 2)}`,
        );
      }
      claimedPages.add(found);
      return found;
    },
    /**
     * Fails on any notification or page no expectNotification / expectPage claimed. Like GoAlert's WaitAndAssert,
     * the app first gets a few more checks, so something about to be sent is caught too.
     */
    async assertNoUnexpected(): Promise<void> {
      for (let i = 0; i < 3; i++) await app?.scheduler.check();
      const left = unclaimed();
      if (left.length > 0) {
        throw new Error(`unexpected notifications: ${JSON.stringify(left, null, 2)}`);
      }
      const leftPages = unclaimedPages();
      if (leftPages.length > 0) {
        throw new Error(`unexpected pages: ${JSON.stringify(leftPages, null, 2)}`);
      }
    },
    async close(): Promise<void> {
      await app?.close();
      app = undefined;
      await rm(home, { recursive: true, force: true });
    },
  };
  const unclaimed = () => captured.filter((n) => !claimed.has(n));
  const unclaimedPages = () => pages.filter((p) => !claimedPages.has(p));
  await boot();
  return harness;
}

/** A running harness. */
export type EscalationHarness = Awaited<ReturnType<typeof startEscalationHarness>>;
