import { ACK_ENDING_SOON_MS, ackMsLeft } from '../../../shared/domain/ack-ending';
import { reconcileDeadlines } from '../../../shared/escalation/scheduler-state';
import type { Alert } from '../../../shared/domain/alert';
import { sortAlerts } from '../../../shared/domain/alert-order';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { DeadlineScheduler } from '../escalation/deadline-scheduler';
import { SUMMARY_THRESHOLD } from './alert-notification-policy';
import { urgencyFor } from './alert-notification-text';
import type { AppNotification, Notifier } from './notifier';

/** Surfaces the user's acknowledgements that are about to lapse while their alerts still fire. */
export interface AckEndingNotifier {
  /** Bring the scheduled reminders in line with the alerts and fire what is due. Never rejects. */
  check(): Promise<void>;
  /** No more reminders from this instance. */
  stop(): void;
}

/** What {@link createAckEndingNotifier} needs. */
export interface AckEndingNotifierOptions {
  clock: Clock;
  notifier: Notifier;
  /** The persisted scheduler that holds each reminder as an `ack-ending` deadline. */
  scheduler: DeadlineScheduler;
  /** Whether notifications are on (settings), read when a reminder is due. */
  enabled: () => boolean;
  /** Every alert as the sources report it now. */
  alerts: () => readonly Alert[];
  /**
   * Whether the alert's source has answered since the app started (or is gone): until then its
   * alerts are unknown, and their reminders are neither dropped nor scheduled anew. Always by
   * default.
   */
  answered?: (alertId: string) => boolean;
  /** Who the user is (the profile name): only their own acknowledgements are theirs to extend. */
  actor: () => string;
  log: AppLog;
}

/** The deadline subject of one acknowledgement end: alert, silence and end time. */
function ackKey(alert: Alert): string {
  return `${alert.id}|${alert.ack?.ref ?? ''}|${alert.ack?.until ?? ''}`;
}

/**
 * One OS notification per acknowledgement (per alert, silence and end time) by this user that
 * will lapse within ten minutes while its alert still fires: "Acknowledgement of X ends in 9 min
 * — it still fires". Users forget acknowledgement silences (prymitive/karma#6314); this says so
 * while there is time to extend it. Extending moves the end, so the new end gets its own notice.
 * Several due together make one summary. A teammate's acknowledgement is theirs to be reminded
 * of. Each reminder is an `ack-ending` deadline of the scheduler (ten minutes before the end),
 * fired once and remembered on disk while the acknowledgement lasts, so a restart does not
 * repeat it.
 * @param options - clock, notifier, scheduler, the alerts and who the user is
 */
export function createAckEndingNotifier(options: AckEndingNotifierOptions): AckEndingNotifier {
  const { clock, log, scheduler } = options;
  const answered = options.answered ?? (() => true);
  let stopped = false;
  // Reminders due in one check are gathered and sent after it, so many make one summary.
  let batch: { alert: Alert; left: number }[] = [];
  let flushing: Promise<void> | undefined;

  const mine = (): Map<string, Alert> => {
    const actor = options.actor();
    const byKey = new Map<string, Alert>();
    for (const alert of options.alerts()) {
      if (alert.ack?.by === actor && ackMsLeft(alert, clock.now()) !== undefined) {
        byKey.set(ackKey(alert), alert);
      }
    }
    return byKey;
  };

  const flush = async (): Promise<void> => {
    const due = batch;
    batch = [];
    flushing = undefined;
    const notifications =
      due.length > SUMMARY_THRESHOLD
        ? [summary(due.map((d) => d.alert))]
        : due.map(({ alert, left }) => single(alert, left));
    for (const notification of notifications) {
      try {
        await options.notifier.notify(notification);
      } catch (error) {
        // Not retried: it is marked fired (at most once), so a dead notifier is logged once.
        log(
          'warn',
          `Could not notify "${notification.title}": ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  };

  scheduler.handle('ack-ending', ({ deadline }, now) => {
    if (stopped) return { do: 'wait' };
    const alert = mine().get(deadline.subject);
    if (!alert)
      return answered(deadline.subject.split('|')[0] ?? '') ? { do: 'drop' } : { do: 'wait' };
    const left = ackMsLeft(alert, now);
    if (left === undefined) return { do: 'drop' };
    if (!options.enabled()) return { do: 'wait' };
    return {
      do: 'fire',
      act: () => {
        batch.push({ alert, left });
        // The scheduler starts every action of a check before awaiting any: the reminders due
        // together are gathered here and sent as one summary when there are many.
        flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
        return flushing;
      },
    };
  });

  const reconcile = async (): Promise<void> => {
    if (stopped) return;
    const desired = [...mine()].map(([key, alert]) => ({
      kind: 'ack-ending' as const,
      subject: key,
      dueAt: new Date(Date.parse(alert.ack?.until ?? '') - ACK_ENDING_SOON_MS).toISOString(),
    }));
    await scheduler.update((state) => {
      const deadlines = reconcileDeadlines(state.deadlines, 'ack-ending', desired, (d) =>
        answered(d.subject.split('|')[0] ?? ''),
      );
      return deadlines === state.deadlines ? undefined : { ...state, deadlines: [...deadlines] };
    });
  };

  return {
    check: () =>
      reconcile().catch((error: unknown) => {
        log(
          'error',
          `Acknowledgement reminders could not be scheduled: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
    stop() {
      stopped = true;
    },
  };
}

function single(alert: Alert, leftMs: number): AppNotification {
  const minutes = Math.max(1, Math.ceil(leftMs / 60_000));
  return {
    title: `Acknowledgement of ${alert.title} ends in ${minutes} min — it still fires`,
    body: 'Extend it from the alert, or it notifies again when the silence ends.',
    urgency: urgencyFor(alert.severity),
  };
}

function summary(alerts: readonly Alert[]): AppNotification {
  const ordered = sortAlerts(alerts);
  const names = ordered.slice(0, SUMMARY_THRESHOLD).map((alert) => alert.title);
  const rest = ordered.length - names.length;
  return {
    title: `Acknowledgements of ${alerts.length} alerts end within 10 min — they still fire`,
    body: `${names.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}. Extend them, or they notify again when their silences end.`,
    urgency: ordered[0] ? urgencyFor(ordered[0].severity) : 'normal',
  };
}
