import { severityLabel, type SeverityScale } from '../../../shared/domain/severity';
import type { IncidentSnapshot } from '../../../shared/incident/schema';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { Notifier } from '../notify/notifier';
import { statusUpdateReminderText } from './status-update-reminder-text';

/**
 * The longest the reminders sleep between checks while an incident awaits an update. The
 * wake-up timer aims at the next due time, but timers drift and stop while the machine sleeps;
 * the clock is the truth (design §4), so a check at least this often catches a due time the
 * timer missed. With nothing awaited there is no timer at all: a change to an incident checks.
 */
export const REMINDER_RECHECK_MS = 30_000;

/** Reminds the user, once per due time, that an incident's status update is due. */
export interface StatusUpdateReminders {
  /** Remind for every update that has fallen due, and set the next wake-up. Never rejects. */
  check(): Promise<void>;
  /** No more wake-ups. */
  stop(): void;
}

/** What {@link createStatusUpdateReminders} needs. */
export interface StatusUpdateReminderOptions {
  clock: Clock;
  notifier: Notifier;
  /** Whether notifications are on (settings), read at every check. */
  enabled: () => boolean;
  /** The incidents as they are now (the store's, as made durable). */
  incidents: () => readonly IncidentSnapshot[];
  /** The team's severity words, for the notification. */
  severityScale: () => SeverityScale;
  log: AppLog;
  recheckMs?: number;
}

/**
 * For each open incident whose next status update is due (its `nextUpdateDueAt` has passed),
 * one OS notification, once per due time: posting an update sets a new due time, which gets its
 * own reminder when it passes. Time comes from the Clock; the timer is only a wake-up hint.
 * While notifications are off nothing is marked as reminded, so turning them on reminds of an
 * update that is still overdue.
 * @param options - clock, notifier, the incidents and the settings they depend on
 */
export function createStatusUpdateReminders(
  options: StatusUpdateReminderOptions,
): StatusUpdateReminders {
  const { clock, log } = options;
  const recheckMs = options.recheckMs ?? REMINDER_RECHECK_MS;
  /** The due time each incident was last reminded of. */
  const reminded = new Map<string, string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  // Checks run one after another, so a slow notifier never lets one due time be announced twice.
  let queue: Promise<void> = Promise.resolve();

  const run = async (): Promise<void> => {
    const now = clock.now();
    const incidents = options.incidents().filter((incident) => incident.status !== 'closed');
    const present = new Set(incidents.map((incident) => incident.id));
    for (const id of reminded.keys()) if (!present.has(id)) reminded.delete(id);

    // Undefined while no reminder is ahead: then the app sleeps until an incident changes.
    let nextWake: number | undefined;
    const wakeWithin = (ms: number) => (nextWake = Math.min(nextWake ?? recheckMs, ms));
    for (const incident of incidents) {
      const dueAt = incident.nextUpdateDueAt;
      if (dueAt === undefined) continue;
      const dueMs = Date.parse(dueAt);
      if (dueMs > now.getTime()) {
        wakeWithin(dueMs - now.getTime());
        continue;
      }
      if (reminded.get(incident.id) === dueAt) continue;
      if (!options.enabled()) {
        // Turning notifications on is a settings change, which does not call check().
        wakeWithin(recheckMs);
        continue;
      }
      reminded.set(incident.id, dueAt);
      const text = statusUpdateReminderText(incident, now, (severity) =>
        severityLabel(severity, options.severityScale()),
      );
      try {
        await options.notifier.notify({
          ...text,
          urgency: incident.severity === 'sev1' ? 'critical' : 'normal',
        });
      } catch (error) {
        // Not retried: a notifier that fails now would fail every 30 s, filling the log.
        log(
          'warn',
          `Could not remind of the status update of incident ${incident.id}: ${
            error instanceof Error ? error.message : String(error)
          }`,
        );
      }
    }
    arm(nextWake);
  };

  const arm = (ms: number | undefined): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stopped || ms === undefined) return;
    // A few ms late, so the clock reads "due" when the timer fires.
    timer = setTimeout(() => void check(), Math.max(0, ms) + 5);
    timer.unref?.();
  };

  const check = (): Promise<void> => {
    queue = queue.then(run).catch((error: unknown) => {
      log(
        'error',
        `Status update reminders failed: ${error instanceof Error ? error.stack : String(error)}`,
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
