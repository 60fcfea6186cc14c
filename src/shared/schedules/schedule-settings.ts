import { z } from 'zod';
import { scheduleSchema } from './schedule-schema';
import { scheduleIssues } from './schedule-validation';

/** Most schedules the app keeps. */
export const MAX_SCHEDULES = 50;

/** Minutes before my shift starts that I am reminded, by default. */
export const DEFAULT_SHIFT_REMINDER_MINUTES = 15;

/**
 * The `schedules` settings key: the on-call schedules (none by default) and how long before
 * my shift I am reminded. A list that does not hold together (see `scheduleIssues`) is refused
 * with the reason.
 */
export const scheduleSettingsSchema = z
  .object({
    list: z
      .array(scheduleSchema)
      .max(MAX_SCHEDULES)
      .default(() => []),
    /** Minutes before my shift starts that a notification says so; 0 for none. */
    reminderMinutes: z
      .number({ error: 'must be a number of minutes' })
      .int({ error: 'must be whole minutes' })
      .min(0, { error: 'cannot be negative; 0 turns the reminder off' })
      .max(1440, { error: 'must be at most 1440 (a day)' })
      .default(DEFAULT_SHIFT_REMINDER_MINUTES),
  })
  .strict()
  .superRefine((settings, ctx) => {
    for (const issue of scheduleIssues(settings.list)) {
      ctx.addIssue({ code: 'custom', path: ['list', ...issue.path], message: issue.message });
    }
  });

/** The schedules settings, defaults filled in. */
export type ScheduleSettings = z.output<typeof scheduleSettingsSchema>;

/** The schedules settings as written. */
export type ScheduleSettingsInput = z.input<typeof scheduleSettingsSchema>;
