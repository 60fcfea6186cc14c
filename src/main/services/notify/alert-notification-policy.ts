import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { severityRank } from '../../../shared/domain/severity';
import { alarmRepeatMs } from '../../../shared/escalation/alarm-settings';
import { makeDeadline } from '../../../shared/escalation/deadline';
import {
  boundAnnounced,
  doNotDisturbAt,
  type Announced,
  type SchedulerState,
} from '../../../shared/escalation/scheduler-state';
import { systemClock, type Clock } from '../clock/clock';
import {
  inMemorySchedulerState,
  type SchedulerStateStore,
} from '../escalation/scheduler-state-store';
import { alertNotification, summaryNotification } from './alert-notification-text';
import type { AppNotification, Notifier } from './notifier';

/** More new alerts than this in one change are announced by one summary notification. */
export const SUMMARY_THRESHOLD = 3;

/** What changed in the alert list (an AlertDiff fits). */
export interface AlertChange {
  /** Alerts seen for the first time; the only ones that can raise a notification… */
  readonly added: readonly Alert[];
  /** …except a known alert that was suppressed (silenced, acknowledged) and fires again. */
  readonly changed?: readonly Alert[];
  /** Alerts that ended; if one fires again later, it is new again. */
  readonly resolved?: readonly Alert[];
  /** Every alert known now, all sources; with `answered`, lets the memory forget what is gone. */
  readonly alerts?: readonly Alert[];
}

/** Why the last notification failed, for the UI to say notifications are not reaching the user. */
export interface NotificationFailure {
  message: string;
  at: string;
}

/** Decides which alert changes deserve an OS notification, and sends them. */
export interface AlertNotifier {
  /** Announce the new firing alerts of a change. Never rejects; failures go to the log and {@link AlertNotifier.lastError}. */
  onAlertsChanged(change: AlertChange): Promise<void>;
  /** The last failure to notify, cleared by the next success. */
  lastError(): NotificationFailure | undefined;
  /** Send a test notification (`notifications:test`). */
  sendTest(): Promise<{ delivered: boolean; error?: string }>;
}

/** What {@link createAlertNotifier} needs. */
export interface AlertNotifierOptions {
  notifier: Notifier;
  /** The current settings, read on every change so edits apply at once. */
  settings: () => Settings;
  log: (message: string) => void;
  clock?: Clock;
  /**
   * Where what was announced is remembered (the deadline scheduler, on disk), together with the
   * alarm's first repeat. In memory when absent: a restart then announces every alert again.
   */
  memory?: SchedulerStateStore;
  /**
   * Whether an alert's source has answered since the app started (or is gone): only then does
   * its absence from `alerts` mean it ended while the app was not watching.
   */
  answered?: (alertId: string) => boolean;
}

/**
 * The alert notification policy (docs/architecture.md, data flow 4): one notification per new
 * firing alert, or one summary when more than {@link SUMMARY_THRESHOLD} arrive together; never
 * repeated while the alert stays active, also across restarts when `memory` is the scheduler
 * (the announcement is on disk before the notification is sent: at most once); respects
 * `notifications.enabled`, `minSeverity` and the alarm's `silent`. An alert whose alarm repeats
 * gets its first repeat scheduled in the same write.
 */
export function createAlertNotifier(options: AlertNotifierOptions): AlertNotifier {
  const { notifier, log } = options;
  const clock = options.clock ?? systemClock;
  const memory = options.memory ?? inMemorySchedulerState();
  const answered = options.answered ?? (() => false);
  let failure: NotificationFailure | undefined;

  const send = async (notification: AppNotification): Promise<boolean> => {
    try {
      await notifier.notify(notification);
      failure = undefined;
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failure = { message, at: clock.now().toISOString() };
      log(`Notifications: "${notification.title}" was not shown: ${message}`);
      return false;
    }
  };

  const loudEnough = (alert: Alert, settings: Settings): boolean =>
    settings.notifications.enabled &&
    severityRank(alert.severity) <= severityRank(settings.notifications.minSeverity) &&
    settings.alarm[alert.severity].mode !== 'silent';

  /** Which alerts to announce now, and the state that remembers them (and their alarms). */
  const decide = (
    state: SchedulerState,
    change: AlertChange,
    settings: Settings,
    now: Date,
  ): { next: SchedulerState; firing: Alert[] } => {
    // Active alerts already considered, so a source that re-reports them (a restart, a changed
    // source list) does not announce them twice. Forgotten when they resolve.
    const announced: Record<string, Announced> = { ...state.announced };
    const stopAlarm = new Set<string>();
    for (const alert of change.resolved ?? []) {
      delete announced[alert.id];
      stopAlarm.add(alert.id);
    }
    const firing: Alert[] = [];
    // After a restart every alert is `added`: one already announced is news only if it was
    // suppressed and fires again, as if it had been `changed`.
    const known = (change.changed ?? []).concat(
      change.added.filter((alert) => announced[alert.id] !== undefined),
    );
    for (const alert of change.added) {
      if (alert.status === 'resolved' || announced[alert.id]) continue;
      const suppressed = alert.status === 'suppressed';
      announced[alert.id] = { at: now.toISOString(), ...(suppressed ? { suppressed } : {}) };
      if (!suppressed) firing.push(alert);
    }
    for (const alert of known) {
      const before = announced[alert.id];
      if (!before) continue;
      if (alert.status === 'suppressed') {
        // Known alerts currently suppressed: when one fires again the user needs to hear it.
        if (!before.suppressed) announced[alert.id] = { ...before, suppressed: true };
        stopAlarm.add(alert.id);
      } else if (alert.status === 'firing' && before.suppressed) {
        announced[alert.id] = { at: before.at };
        firing.push(alert);
      }
    }
    // An alert that ended while the app was closed never shows up as resolved: once its source
    // has answered, its absence says so.
    if (change.alerts) {
      const present = new Set(change.alerts.map((alert) => alert.id));
      for (const id of Object.keys(announced)) {
        if (!present.has(id) && answered(id)) {
          delete announced[id];
          stopAlarm.add(id);
        }
      }
    }
    const alarmed = firing.filter((alert) => loudEnough(alert, settings));
    // Do-not-disturb silences all but sev1; their alarms are scheduled all the same, so they
    // are heard once it ends.
    const quiet = doNotDisturbAt(state, now);
    const loud = alarmed.filter((alert) => !quiet || alert.severity === 'sev1');
    const repeats = alarmed.flatMap((alert) => {
      const period = alarmRepeatMs(settings.alarm, alert.severity);
      if (period === undefined) return [];
      const dueAt = new Date(now.getTime() + period).toISOString();
      return [{ kind: 'alarm-repeat' as const, subject: alert.id, dueAt, step: 1 }];
    });
    const restarted = new Set(repeats.map((r) => r.subject));
    const kept = state.deadlines.filter(
      (d) => d.kind !== 'alarm-repeat' || !(stopAlarm.has(d.subject) || restarted.has(d.subject)),
    );
    const deadlines = [...kept, ...repeats.map(makeDeadline)];
    return {
      next: { ...state, announced: boundAnnounced(announced), deadlines },
      firing: loud,
    };
  };

  return {
    async onAlertsChanged(change) {
      try {
        const settings = options.settings();
        let loud: Alert[] = [];
        await memory.update((state) => {
          const decided = decide(state, change, settings, clock.now());
          loud = decided.firing;
          return decided.next;
        });
        if (loud.length === 0) return;
        if (loud.length > SUMMARY_THRESHOLD) {
          await send(summaryNotification(loud, settings));
        } else {
          await Promise.all(loud.map((alert) => send(alertNotification(alert, settings))));
        }
      } catch (error) {
        // The caller is the poller's pipeline: a bug here must not stop alerts from updating.
        log(
          `Notifications: could not handle an alert change: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    },
    lastError: () => (failure ? { ...failure } : undefined),
    async sendTest() {
      const delivered = await send({
        title: 'On-Call Companion',
        body: 'Test notification: alerts will reach you like this.',
        urgency: 'normal',
      });
      return delivered ? { delivered } : { delivered, error: failure?.message ?? 'unknown error' };
    },
  };
}
