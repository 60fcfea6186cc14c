import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { severityRank } from '../../../shared/domain/severity';
import { alarmRepeatMs, nextRepeatAt } from '../../../shared/escalation/alarm-settings';
import { latenessText } from '../../../shared/escalation/due-deadlines';
import { alertNotification } from '../notify/alert-notification-text';
import type { AppNotification } from '../notify/notifier';
import type { DeadlineHandler } from './deadline-scheduler';

/** What the alarm's repeats need to know at the moment one is due. */
export interface AlarmRepeatOptions {
  /** The alert with this id as its source reports it now, if it does. */
  alert: (alertId: string) => Alert | undefined;
  /** Whether the alert's source has answered since start (or is gone): only then is absence news. */
  answered: (alertId: string) => boolean;
  settings: () => Settings;
  /** Shows the notification; failures are the caller's to log. */
  send: (notification: AppNotification) => Promise<unknown>;
  /** True while do-not-disturb holds: a step of an alert below sev1 passes without a sound. */
  doNotDisturb?: (now: Date) => boolean;
}

/**
 * The handler of `alarm-repeat` deadlines: my alarm repeats while the alert fires unacknowledged.
 * It stops (the deadline is dropped) once the alert is acknowledged here or at its source, is
 * silenced or inhibited there (a teammate's silence shows as suppressed on the next poll),
 * resolves, or its severity's alarm no longer repeats; it waits while the alert's source has not
 * answered since the app started, so a restart neither drops nor repeats a step. A step that
 * fires late says how late, and the next is due a whole period after the missed one.
 * @param options - the alerts now, the settings and the notifier
 */
export function alarmRepeatHandler(options: AlarmRepeatOptions): DeadlineHandler {
  return ({ deadline, lateMs }, now) => {
    const alert = options.alert(deadline.subject);
    if (!alert) return options.answered(deadline.subject) ? { do: 'drop' } : { do: 'wait' };
    if (alert.status !== 'firing' || alert.ack) return { do: 'drop' };
    const settings = options.settings();
    const period = alarmRepeatMs(settings.alarm, alert.severity);
    const { enabled, minSeverity } = settings.notifications;
    if (
      period === undefined ||
      !enabled ||
      severityRank(alert.severity) > severityRank(minSeverity)
    ) {
      return { do: 'drop' };
    }
    const step = deadline.step ?? 1;
    const next = nextRepeatAt(new Date(deadline.dueAt), period, now);
    const notification = alarmRepeatNotification(alert, settings, step, lateMs);
    const then = [
      {
        kind: 'alarm-repeat' as const,
        subject: alert.id,
        dueAt: next.toISOString(),
        step: step + 1,
      },
    ];
    // Do-not-disturb never stops the rhythm, only the sound: the chain goes on for afterwards.
    if (alert.severity !== 'sev1' && options.doNotDisturb?.(now)) return { do: 'fire', then };
    return { do: 'fire', then, act: () => options.send(notification).then(() => undefined) };
  };
}

/**
 * The repeated alarm: the alert's own notification, titled "Still firing" with the repeat's
 * number, and how late it is when it is.
 * @param alert - the alert
 * @param settings - the team's words and source names
 * @param step - which repeat (1 for the first)
 * @param lateMs - how late the repeat fires
 */
export function alarmRepeatNotification(
  alert: Alert,
  settings: Settings,
  step: number,
  lateMs: number,
): AppNotification {
  const base = alertNotification(alert, settings);
  const late = latenessText(lateMs);
  return {
    ...base,
    title: `Still firing: ${base.title}`,
    body: `${base.body}\nRepeat ${step}${late ? ` (${late})` : ''}: acknowledge to stop it.`,
  };
}
