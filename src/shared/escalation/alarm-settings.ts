import { z } from 'zod';
import type { Severity } from '../domain/severity';

/** Shortest repeat: a faster alarm would be noise the user learns to ignore. */
export const MIN_ALARM_REPEAT_SECONDS = 10;

/**
 * What my alarm does for one severity: `repeat` notifies when the alert fires and again every
 * `repeatSeconds` until it is acknowledged (here or at its source) or resolves; `once` notifies
 * when it fires; `silent` raises no notification (the alert is in the list and the tray).
 */
export const alarmLevelSchema = z.object({
  mode: z.enum(['repeat', 'once', 'silent']),
  /** Seconds between repeats, for `repeat`. */
  repeatSeconds: z.number().int().min(MIN_ALARM_REPEAT_SECONDS).max(86_400).default(60),
});

/** My alarm for one severity. */
export type AlarmLevel = z.infer<typeof alarmLevelSchema>;

/** The product's alarm: sev1 every minute, sev2 every 5 minutes, sev3 once, sev4 silent. */
export const DEFAULT_ALARM: Readonly<Record<Severity, AlarmLevel>> = {
  sev1: { mode: 'repeat', repeatSeconds: 60 },
  sev2: { mode: 'repeat', repeatSeconds: 300 },
  sev3: { mode: 'once', repeatSeconds: 60 },
  sev4: { mode: 'silent', repeatSeconds: 60 },
};

/** The `alarm` settings key: one {@link AlarmLevel} per severity, each with its default. */
export const alarmSettingsSchema = z.object({
  sev1: alarmLevelSchema.default(DEFAULT_ALARM.sev1),
  sev2: alarmLevelSchema.default(DEFAULT_ALARM.sev2),
  sev3: alarmLevelSchema.default(DEFAULT_ALARM.sev3),
  sev4: alarmLevelSchema.default(DEFAULT_ALARM.sev4),
});

/** My alarm per severity. */
export type AlarmSettings = z.infer<typeof alarmSettingsSchema>;

/**
 * Milliseconds between repeats of the alarm for `severity`, or undefined when it does not repeat.
 * @param alarm - the settings
 * @param severity - the alert's severity
 */
export function alarmRepeatMs(alarm: AlarmSettings, severity: Severity): number | undefined {
  const level = alarm[severity];
  return level.mode === 'repeat' ? level.repeatSeconds * 1000 : undefined;
}

/**
 * The due time of the next repeat after one due at `dueAt`: a whole number of periods later,
 * at least half a period after `now`, so an alarm that was asleep for an hour repeats once
 * (saying how late), not sixty times in a burst, and a late repeat is not followed by another
 * a moment later. Staying on the original grid keeps the rhythm from drifting.
 * @param dueAt - when the step that fires now was due
 * @param periodMs - the repeat period
 * @param now - the time of firing
 */
export function nextRepeatAt(dueAt: Date, periodMs: number, now: Date): Date {
  const behind = Math.max(0, now.getTime() - dueAt.getTime());
  let next = dueAt.getTime() + (Math.floor(behind / periodMs) + 1) * periodMs;
  if (next - now.getTime() < periodMs / 2) next += periodMs;
  return new Date(next);
}
