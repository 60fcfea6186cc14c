import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import type { IncidentSnapshot } from '../../../shared/incident/schema';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { createStatusUpdateReminders } from '../incidents/status-update-reminders';
import { createAckEndingNotifier } from '../notify/ack-ending-notification-policy';
import {
  createAlertNotifier,
  type AlertChange,
  type AlertNotifier,
} from '../notify/alert-notification-policy';
import type { Notifier } from '../notify/notifier';
import { alarmsRinging, type AlarmRinging } from '../../../shared/escalation/alarm-ringing';
import { makeDeadline, type Deadline } from '../../../shared/escalation/deadline';
import {
  reconcileEscalationSteps,
  shiftEscalationSteps,
} from '../../../shared/escalation/escalation-steps';
import type { WhoIsOnCall } from '../../../shared/escalation/policy-plan';
import { doNotDisturbAt, type SchedulerState } from '../../../shared/escalation/scheduler-state';
import { noShiftFeed, type ShiftFeed } from '../../../shared/schedules/layer-shifts';
import type { ShiftChange } from '../../../shared/schedules/shift-change';
import { scheduleWhoIsOnCall } from '../../../shared/schedules/schedule-who-is-on-call';
import { createShiftChangeLog } from '../schedules/shift-change-log';
import { alarmRepeatHandler } from './alarm-repeat';
import { createShiftDeadlines } from './shift-deadlines';
import { escalationStepHandler, type DeliverStep } from './escalation-step';
import { createDeadlineScheduler, type DeadlineScheduler } from './deadline-scheduler';
import { schedulerStateFile, type SchedulerStateFile } from './scheduler-state-file';

/**
 * A snooze asked for an alert with neither an alarm repeating nor an escalation step pending
 * (acknowledged, resolved, or a severity that neither repeats nor escalates).
 */
export class NoAlarmError extends Error {
  constructor(alertId: string) {
    super(
      `${alertId} has no alarm repeating and no escalation step pending (it is acknowledged, resolved, or its severity neither repeats nor escalates); nothing to snooze.`,
    );
    this.name = 'NoAlarmError';
  }
}

/** What the escalation part of the app needs from the rest of it. */
export interface EscalationOptions {
  /** Its directory (`<home>/escalation`). */
  dir: string;
  /** The scheduler's file; the one in `dir` by default (a test may keep it in memory). */
  file?: SchedulerStateFile;
  clock: Clock;
  /** A monotonic clock in ms (`performance.now`). */
  monotonic: () => number;
  notifier: Notifier;
  settings: () => Settings;
  /** Every alert as the sources report it now. */
  alerts: () => readonly Alert[];
  /** Whether an alert's source has answered since start (or is no longer watched). */
  answered: (alertId: string) => boolean;
  /** The open incidents; undefined until the store has read them. */
  incidents: () => readonly IncidentSnapshot[] | undefined;
  /** Who the user is, for their own acknowledgements. */
  actor: () => string;
  log: AppLog;
  heartbeatMs?: number;
  /** Pages a step's targets other than me (the outbound service); no one is paged without it. */
  deliver?: DeliverStep;
  /** Told every change of the alarms ringing (an unacknowledged SEV1 not snoozed). */
  onAlarms?: (ringing: AlarmRinging[]) => void;
  /** Told after every write of the scheduler's state (a step fired, do-not-disturb changed). */
  onWrite?: (state: SchedulerState) => void;
  /**
   * Who is on call in a schedule; by default the `schedules` settings answer (a level whose
   * schedules have nobody on call is skipped at once).
   */
  whoIsOnCall?: WhoIsOnCall;
  /** The shifts of iCalendar feed layers (the feed service); none by default. */
  shiftFeed?: ShiftFeed;
  /** The time zone the user reads times in (the shift reminder's "09:00"); the machine's by default. */
  timeZone?: () => string;
  /** Told each change of who is on call in a layer, once it is in the shift-change log. */
  onShiftChange?: (change: ShiftChange) => void;
}

/** Nobody is on call anywhere (a test's world without schedules). */
export const nobodyOnCall: WhoIsOnCall = () => [];

/** The scheduler and everything on it, as the app (and the escalation harness) runs them. */
export interface Escalation {
  readonly scheduler: DeadlineScheduler;
  readonly alertNotifier: AlertNotifier;
  /** Read the scheduler's file and fire what fell due while the app was not running. */
  open(): Promise<void>;
  /** A poll or push changed the alerts: announce, stop or schedule alarms and reminders. */
  alertsChanged(change: AlertChange): Promise<void>;
  /** An incident changed or the store opened: reschedule status update reminders. */
  incidentsChanged(): Promise<void>;
  /** Reschedule every reminder and fire what is due. */
  recheck(): Promise<void>;
  /** The machine woke from sleep. */
  resume(): Promise<void>;
  /** Every deadline, once the scheduler's file has been read. */
  deadlines(): Promise<readonly Deadline[]>;
  /** Who is on call in a schedule (the `schedules` settings, feeds through `shiftFeed`). */
  readonly whoIsOnCall: WhoIsOnCall;
  /** The schedules or the profile changed: re-plan the shift reminders and changes. */
  schedulesChanged(): Promise<void>;
  /** The shift-change log (for the handoff review), oldest first. */
  shiftChanges(): Promise<ShiftChange[]>;
  /** The alarms ringing now, once the scheduler's file has been read. */
  ringing(): Promise<AlarmRinging[]>;
  /**
   * Pause my alarm and the escalation of one alert: its next repeat moves to `minutes` from now,
   * each pending escalation step moves on by `minutes`, then both go on. Rejects with
   * {@link NoAlarmError} when the alert has neither.
   */
  snooze(alertId: string, minutes: number): Promise<{ until: string }>;
  /**
   * Do-not-disturb on (for `minutes`, until the instant `until`, or until turned off) or off;
   * answers the state.
   */
  doNotDisturb(
    on: boolean,
    minutes?: number,
    until?: string,
  ): Promise<{ on: boolean; until?: string }>;
  close(): Promise<void>;
}

/**
 * Wires the one deadline scheduler to its kinds: the alert notification policy (announcements
 * remembered on disk, my alarm's first repeat), the alarm's repeats, acknowledgement reminders
 * and status update reminders. The composition root and the escalation harness both build it
 * here, so the tests run the app's own wiring.
 * @param options - directory, clocks, notifier and what the rest of the app knows
 */
export function createEscalation(options: EscalationOptions): Escalation {
  const { clock, log, settings, answered } = options;
  const enabled = () => settings().notifications.enabled;
  let lastRinging = '[]';
  const ringingIn = (state: SchedulerState) =>
    alarmsRinging(state.deadlines, options.alerts(), settings().alarm, clock.now());
  // Told only when the set changes, so the page's alarm does not restart on every write.
  const publishAlarms = (state: SchedulerState): void => {
    if (!options.onAlarms) return;
    const ringing = ringingIn(state);
    const text = JSON.stringify(ringing.map((r) => r.alertId));
    if (text === lastRinging) return;
    lastRinging = text;
    options.onAlarms(ringing);
  };
  const scheduler = createDeadlineScheduler({
    file: options.file ?? schedulerStateFile(options.dir, clock, log),
    clock,
    monotonic: options.monotonic,
    log,
    heartbeatMs: options.heartbeatMs,
    onWrite: (state) => {
      publishAlarms(state);
      options.onWrite?.(state);
    },
  });
  const alertNotifier = createAlertNotifier({
    notifier: options.notifier,
    settings,
    clock,
    memory: scheduler,
    answered,
    log: (message) => log('warn', message),
  });
  scheduler.handle(
    'alarm-repeat',
    alarmRepeatHandler({
      alert: (id) => options.alerts().find((alert) => alert.id === id),
      answered,
      settings,
      doNotDisturb: (now) => doNotDisturbAt(scheduler.state(), now),
      send: (notification) =>
        options.notifier.notify(notification).catch((error: unknown) => {
          log(
            'warn',
            `Notifications: "${notification.title}" was not shown: ${error instanceof Error ? error.message : String(error)}`,
          );
        }),
    }),
  );
  // An acknowledgement of the user's about to lapse while its alert fires: said before it does.
  const ackEnding = createAckEndingNotifier({
    clock,
    notifier: options.notifier,
    scheduler,
    answered,
    enabled,
    alerts: options.alerts,
    actor: options.actor,
    log,
  });
  // Escalation to others: each step of an alert's policy a deadline, paged when due.
  const shiftFeed = options.shiftFeed ?? noShiftFeed;
  const whoIsOnCall =
    options.whoIsOnCall ??
    scheduleWhoIsOnCall(
      () => settings().schedules.list,
      () => settings().escalation.people,
      shiftFeed,
    );
  scheduler.handle(
    'escalation-step',
    escalationStepHandler({
      alert: (id) => options.alerts().find((alert) => alert.id === id),
      answered,
      settings,
      whoIsOnCall,
      deliver: options.deliver ?? (async () => undefined),
      log,
    }),
  );
  const planSteps = async (alerts: readonly Alert[]): Promise<void> => {
    try {
      await scheduler.update((state) => {
        const deadlines = reconcileEscalationSteps(state.deadlines, {
          alerts,
          answered,
          escalation: settings().escalation,
          now: clock.now(),
          whoIsOnCall,
        });
        return deadlines === state.deadlines ? state : { ...state, deadlines: [...deadlines] };
      });
    } catch (error) {
      // The next alert change tries again: planning is idempotent.
      log(
        'error',
        `Escalation: could not plan escalation steps: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  const reminders = createStatusUpdateReminders({
    clock,
    notifier: options.notifier,
    scheduler,
    enabled,
    incidents: options.incidents,
    severityScale: () => settings().severityScale,
    log,
  });

  // The reminder before my shift and each change of who is on call.
  const shiftChangeLog = createShiftChangeLog(options.dir, log);
  const shifts = createShiftDeadlines({
    scheduler,
    clock,
    notifier: options.notifier,
    settings,
    me: options.actor,
    timeZone: options.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    feed: shiftFeed,
    changes: shiftChangeLog,
    onChange: options.onShiftChange,
    log,
  });

  return {
    scheduler,
    alertNotifier,
    async open() {
      await scheduler.open();
      await ackEnding.check();
      await shifts.check();
    },
    async alertsChanged(change) {
      await alertNotifier.onAlertsChanged(change);
      await planSteps(change.alerts ?? options.alerts());
      await ackEnding.check();
      // An acknowledgement or resolution changes what rings even when nothing was written.
      publishAlarms(scheduler.state());
    },
    incidentsChanged: () => reminders.check(),
    async recheck() {
      await reminders.check();
      await ackEnding.check();
      await shifts.check();
    },
    schedulesChanged: () => shifts.check(),
    shiftChanges: () => shiftChangeLog.list(),
    resume: () => scheduler.resume(),
    whoIsOnCall,
    async deadlines() {
      await scheduler.update(() => undefined);
      return scheduler.state().deadlines;
    },
    async ringing() {
      // Waits for the file to be read (a window may ask before the app has opened it).
      await scheduler.update(() => undefined);
      return ringingIn(scheduler.state());
    },
    async snooze(alertId, minutes) {
      const until = new Date(clock.now().getTime() + minutes * 60_000).toISOString();
      await scheduler.update((state) => {
        const pending = state.deadlines.find(
          (d) => d.kind === 'alarm-repeat' && d.subject === alertId && d.firedAt === undefined,
        );
        const shifted = shiftEscalationSteps(state.deadlines, alertId, minutes * 60_000);
        if (!pending && shifted.moved === 0) throw new NoAlarmError(alertId);
        const deadlines = pending
          ? [
              ...shifted.deadlines.filter((d) => d.id !== pending.id),
              makeDeadline({ ...pending, dueAt: until }),
            ]
          : shifted.deadlines;
        return { ...state, deadlines };
      });
      return { until };
    },
    async doNotDisturb(on, minutes, at) {
      const now = clock.now();
      const until = !on
        ? undefined
        : minutes !== undefined
          ? new Date(now.getTime() + minutes * 60_000).toISOString()
          : at;
      await scheduler.update((state) => {
        const { doNotDisturb: _, ...rest } = state;
        return on
          ? { ...rest, doNotDisturb: { since: now.toISOString(), ...(until ? { until } : {}) } }
          : rest;
      });
      return on ? { on, ...(until ? { until } : {}) } : { on };
    },
    async close() {
      reminders.stop();
      ackEnding.stop();
      shifts.stop();
      await scheduler.close();
    },
  };
}
