import { z } from 'zod';

/** Longest an acknowledgement, snooze or silence made from the app may last: one week. */
export const MAX_ACTION_MINUTES = 7 * 24 * 60;

const minutesSchema = z.number().int().min(1).max(MAX_ACTION_MINUTES);

/**
 * Something a person does to an alert, carried out at its source of truth so the whole team
 * sees it (an Alertmanager silence, a PagerDuty acknowledge). Which of these a source can do is
 * in its status (`actions`).
 */
export const alertActionSchema = z.discriminatedUnion('type', [
  /** Acknowledge; `minutes` is how long it holds where the source needs a length (a silence). */
  z.object({ type: z.literal('acknowledge'), minutes: minutesSchema.optional() }).strict(),
  /** Undo an acknowledgement (Alertmanager: expire its silence). */
  z.object({ type: z.literal('unacknowledge') }).strict(),
  /** Extend an acknowledgement that is about to lapse by `minutes` from now. */
  z.object({ type: z.literal('extend'), minutes: minutesSchema }).strict(),
  /** Quiet it for `minutes`, then page again if it still fires. */
  z.object({ type: z.literal('snooze'), minutes: minutesSchema }).strict(),
  /** Mark it resolved at the source. */
  z.object({ type: z.literal('resolve') }).strict(),
  /**
   * Silence it for `minutes` (Alertmanager): on `matchers` when given (label → exact value),
   * else on the alert's exact label set; `comment` says why.
   */
  z
    .object({
      type: z.literal('silence'),
      minutes: minutesSchema,
      comment: z.string().trim().min(1).max(1000),
      matchers: z.record(z.string().min(1).max(200), z.string().max(1000)).optional(),
    })
    .strict(),
]);

/** Something a person does to an alert. */
export type AlertAction = z.infer<typeof alertActionSchema>;

/** The kinds of action, for a source's list of what it can do. */
export const alertActionTypeSchema = z.enum([
  'acknowledge',
  'unacknowledge',
  'extend',
  'snooze',
  'resolve',
  'silence',
]);

/** A kind of action. */
export type AlertActionType = z.infer<typeof alertActionTypeSchema>;

/** What came of an action on one alert. */
export const alertActionResultSchema = z.object({
  alertId: z.string(),
  ok: z.boolean(),
  /** On failure: what went wrong, in words a person can act on. */
  error: z.string().optional(),
});

/** What came of an action on one alert. */
export type AlertActionResult = z.infer<typeof alertActionResultSchema>;
