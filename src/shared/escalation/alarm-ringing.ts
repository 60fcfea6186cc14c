import { z } from 'zod';
import { isoTimeSchema, type Alert } from '../domain/alert';
import { alarmRepeatMs, type AlarmSettings } from './alarm-settings';
import type { Deadline } from './deadline';
import { isEscalating } from './escalation-steps';

/**
 * An alarm ringing in the page (and the shell's alarm window): an unacknowledged SEV1 whose
 * alarm repeats, not snoozed. It stops when the alert is acknowledged here or at its source,
 * resolves, or is snoozed.
 */
export const alarmRingingSchema = z.object({
  alertId: z.string().min(1).max(1024),
  /** The alert's title, bounded: shown as text, never as HTML. */
  title: z.string().max(500),
  /** When its next repeat is due. */
  nextRepeatAt: isoTimeSchema,
});

/** An alarm ringing. */
export type AlarmRinging = z.infer<typeof alarmRingingSchema>;

/** Every alarm ringing now, as `alarm:ringing` answers and `alarm:changed` pushes it. */
export const alarmsRingingSchema = z.object({ ringing: z.array(alarmRingingSchema).max(1000) });

/**
 * The alarms ringing now: each SEV1 alert firing unacknowledged whose alarm repeats (settings
 * `alarm`, mode `repeat`) and has its next repeat pending within one period. A snooze moves the
 * repeat further away, so a snoozed alarm is quiet until the snooze ends and its repeat fires.
 * @param deadlines - the scheduler's deadlines
 * @param alerts - every alert as the sources report it now
 * @param alarm - the alarm settings
 * @param now - the time
 */
export function alarmsRinging(
  deadlines: readonly Deadline[],
  alerts: readonly Alert[],
  alarm: AlarmSettings,
  now: Date,
): AlarmRinging[] {
  const period = alarmRepeatMs(alarm, 'sev1');
  if (period === undefined) return [];
  const next = new Map<string, string>();
  for (const d of deadlines) {
    if (d.kind === 'alarm-repeat' && d.firedAt === undefined) next.set(d.subject, d.dueAt);
  }
  const ringing: AlarmRinging[] = [];
  for (const alert of alerts) {
    if (alert.severity !== 'sev1' || !isEscalating(alert)) continue;
    const dueAt = next.get(alert.id);
    if (dueAt === undefined || Date.parse(dueAt) > now.getTime() + period) continue;
    ringing.push({ alertId: alert.id, title: alert.title.slice(0, 500), nextRepeatAt: dueAt });
  }
  return ringing;
}

/**
 * The alarms in the order the alarm shows them, worst first. Every ringing alarm is a SEV1, so
 * the worst is the one whose repeat is most overdue (the earliest `nextRepeatAt`); ties keep the
 * sources' order. The page's alarm and the shell's alarm window both show the first.
 * @param ringing - the alarms ringing now
 * @returns a new array, worst first
 */
export function worstAlarmFirst(ringing: readonly AlarmRinging[]): AlarmRinging[] {
  return [...ringing].sort((a, b) => Date.parse(a.nextRepeatAt) - Date.parse(b.nextRepeatAt));
}
