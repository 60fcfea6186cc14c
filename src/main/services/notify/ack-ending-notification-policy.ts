import { ACK_ENDING_SOON_MS, ackMsLeft } from '../../../shared/domain/ack-ending';
import type { Alert } from '../../../shared/domain/alert';
import { sortAlerts } from '../../../shared/domain/alert-order';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { SUMMARY_THRESHOLD } from './alert-notification-policy';
import { urgencyFor } from './alert-notification-text';
import type { AppNotification, Notifier } from './notifier';

/**
 * The longest the check sleeps while an acknowledgement with an end holds. The wake-up aims at
 * the next acknowledgement to come within {@link ACK_ENDING_SOON_MS} of its end, but timers
 * drift and stop while the machine sleeps. With none holding there is no timer at all: a change
 * to the alerts checks.
 */
export const ACK_RECHECK_MS = 30_000;

/** Surfaces the user's acknowledgements that are about to lapse while their alerts still fire. */
export interface AckEndingNotifier {
  /** Announce what has come within reach of its end, and set the next wake-up. Never rejects. */
  check(): Promise<void>;
  /** No more wake-ups. */
  stop(): void;
}

/** What {@link createAckEndingNotifier} needs. */
export interface AckEndingNotifierOptions {
  clock: Clock;
  notifier: Notifier;
  /** Whether notifications are on (settings), read at every check. */
  enabled: () => boolean;
  /** Every alert as the sources report it now. */
  alerts: () => readonly Alert[];
  /** Who the user is (the profile name): only their own acknowledgements are theirs to extend. */
  actor: () => string;
  log: AppLog;
  recheckMs?: number;
}

/**
 * One OS notification per acknowledgement (per alert, silence and end time) by this user that
 * will lapse within ten minutes while its alert still fires: "Acknowledgement of X ends in 9 min
 * — it still fires". Users forget acknowledgement silences (prymitive/karma#6314); this says so
 * while there is time to extend it. Extending moves the end, so the new end gets its own notice.
 * Several at once make one summary. A teammate's acknowledgement is theirs to be reminded of.
 * @param options - clock, notifier, the alerts and who the user is
 */
export function createAckEndingNotifier(options: AckEndingNotifierOptions): AckEndingNotifier {
  const { clock, log } = options;
  const recheckMs = options.recheckMs ?? ACK_RECHECK_MS;
  const announced = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // Checks run one after another, so a slow notifier never lets one lapse be announced twice.
  let queue: Promise<void> = Promise.resolve();

  const run = async (): Promise<void> => {
    const now = clock.now();
    const actor = options.actor();
    const due: { alert: Alert; key: string; left: number }[] = [];
    const current = new Set<string>();
    // Undefined while no acknowledgement with an end holds: then the app sleeps until the
    // alerts change. A teammate's keeps it awake too: the profile name may change to theirs.
    let nextWake: number | undefined;
    for (const alert of options.alerts()) {
      const left = ackMsLeft(alert, now);
      if (left === undefined) continue;
      nextWake ??= recheckMs;
      if (alert.ack?.by !== actor) continue;
      const key = `${alert.id}|${alert.ack.ref ?? ''}|${alert.ack.until ?? ''}`;
      current.add(key);
      if (left > ACK_ENDING_SOON_MS) {
        nextWake = Math.min(nextWake, left - ACK_ENDING_SOON_MS);
      } else if (!announced.has(key)) {
        due.push({ alert, key, left });
      }
    }
    // Forget what no longer applies (extended, lapsed, resolved), so memory stays bounded.
    for (const key of announced) if (!current.has(key)) announced.delete(key);

    if (due.length > 0 && options.enabled()) {
      for (const { key } of due) announced.add(key);
      const notifications =
        due.length > SUMMARY_THRESHOLD
          ? [summary(due.map((d) => d.alert))]
          : due.map(({ alert, left }) => single(alert, left));
      for (const notification of notifications) {
        try {
          await options.notifier.notify(notification);
        } catch (error) {
          // Not retried: a notifier that fails now would fail every 30 s, filling the log.
          log(
            'warn',
            `Could not notify "${notification.title}": ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
    }
    arm(nextWake);
  };

  const arm = (ms: number | undefined): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || ms === undefined) return;
    // A few ms late, so the clock reads "within ten minutes" when the timer fires.
    timer = setTimeout(() => void check(), Math.max(0, ms) + 5);
    timer.unref?.();
  };

  const check = (): Promise<void> => {
    queue = queue.then(run).catch((error: unknown) => {
      log(
        'error',
        `Acknowledgement reminders failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
    });
    return queue;
  };

  return {
    check,
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
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
