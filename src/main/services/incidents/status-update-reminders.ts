import { severityLabel, type SeverityScale } from '../../../shared/domain/severity';
import type { DeadlineInput } from '../../../shared/escalation/deadline';
import { reconcileDeadlines } from '../../../shared/escalation/scheduler-state';
import type { IncidentSnapshot } from '../../../shared/incident/schema';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import type { DeadlineScheduler } from '../escalation/deadline-scheduler';
import type { Notifier } from '../notify/notifier';
import { statusUpdateReminderText } from './status-update-reminder-text';

/** Reminds the user, once per due time, that an incident's status update is due. */
export interface StatusUpdateReminders {
  /**
   * Bring the scheduled reminders in line with the incidents (after a change, on open) and fire
   * what is due. Never rejects.
   */
  check(): Promise<void>;
  /** No more reminders from this instance. */
  stop(): void;
}

/** What {@link createStatusUpdateReminders} needs. */
export interface StatusUpdateReminderOptions {
  clock: Clock;
  notifier: Notifier;
  /** The persisted scheduler that holds each due time as a `status-update` deadline. */
  scheduler: DeadlineScheduler;
  /** Whether notifications are on (settings), read when a reminder is due. */
  enabled: () => boolean;
  /** The open incidents as they are now (the store's, as made durable); undefined until read. */
  incidents: () => readonly IncidentSnapshot[] | undefined;
  /** The team's severity words, for the notification. */
  severityScale: () => SeverityScale;
  log: AppLog;
}

/**
 * For each open incident, its next status update's due time is a `status-update` deadline of the
 * scheduler, subject the incident id: on disk before it is armed, fired once (marked fired
 * before the notification is sent), and remembered while it is the incident's due time, so a
 * restart or a crash neither repeats nor loses a reminder. Posting an update sets a new due
 * time, which gets its own reminder when it passes; a closed incident loses its deadline. While
 * notifications are off a due reminder waits, so turning them on reminds of an update that is
 * still overdue. A reminder noticed late (after sleep, or at start) says how late.
 * @param options - clock, notifier, scheduler, the incidents and the settings they depend on
 */
export function createStatusUpdateReminders(
  options: StatusUpdateReminderOptions,
): StatusUpdateReminders {
  const { clock, log, scheduler } = options;
  let stopped = false;

  const openIncident = (id: string): IncidentSnapshot | undefined =>
    options.incidents()?.find((incident) => incident.id === id && incident.status !== 'closed');

  scheduler.handle('status-update', ({ deadline }, now) => {
    if (stopped || options.incidents() === undefined) return { do: 'wait' };
    const incident = openIncident(deadline.subject);
    if (incident?.nextUpdateDueAt !== deadline.dueAt) return { do: 'drop' };
    if (!options.enabled()) return { do: 'wait' };
    const text = statusUpdateReminderText(incident, now, (severity) =>
      severityLabel(severity, options.severityScale()),
    );
    return {
      do: 'fire',
      act: async () => {
        try {
          await options.notifier.notify({
            ...text,
            urgency: incident.severity === 'sev1' ? 'critical' : 'normal',
          });
        } catch (error) {
          // Not retried: it is marked fired (at most once), so a dead notifier is logged once.
          log(
            'warn',
            `Could not remind of the status update of incident ${incident.id}: ${
              error instanceof Error ? error.message : String(error)
            }`,
          );
        }
      },
    };
  });

  const reconcile = async (): Promise<void> => {
    const incidents = options.incidents();
    if (stopped || incidents === undefined) return;
    const desired: DeadlineInput[] = incidents.flatMap((incident) =>
      incident.status === 'closed' || incident.nextUpdateDueAt === undefined
        ? []
        : [{ kind: 'status-update', subject: incident.id, dueAt: incident.nextUpdateDueAt }],
    );
    await scheduler.update((state) => {
      const deadlines = reconcileDeadlines(state.deadlines, 'status-update', desired);
      return deadlines === state.deadlines ? undefined : { ...state, deadlines: [...deadlines] };
    });
  };

  return {
    check: () =>
      reconcile().catch((error: unknown) => {
        log(
          'error',
          `Status update reminders could not be scheduled at ${clock.now().toISOString()}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }),
    stop() {
      stopped = true;
    },
  };
}
