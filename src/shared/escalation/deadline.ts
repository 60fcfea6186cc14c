import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';

/**
 * What a deadline is for. Every due thing of the app is one of these; a kind added later (an
 * escalation step, a snooze ending, a shift starting) is one more entry here and in
 * {@link DEADLINE_DELIVERY}, plus a handler in the scheduler service.
 */
export const deadlineKindSchema = z.enum([
  'alarm-repeat',
  'status-update',
  'ack-ending',
  'escalation-step',
  'shift-reminder',
  'shift-change',
]);

/** What a deadline is for. */
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

/**
 * How a deadline's action relates to its "fired" mark on disk, which is all a crash can leave:
 *
 * - `at-most-once`: the mark (and any follow-on deadline) is written first, then the action
 *   runs. A crash between the two loses that one action but never repeats it, and the next
 *   step, written with the mark, still comes. Right for a local notification: a duplicate is
 *   the bug the user notices, and a repeat follows anyway.
 * - `at-least-once`: the action runs first, the mark after. A crash between the two runs it
 *   again. Right only for an action the receiver deduplicates (an outbound page with a dedup
 *   key), which is why no local kind uses it.
 */
export type DeadlineDelivery = 'at-most-once' | 'at-least-once';

/** The delivery of each kind (see {@link DeadlineDelivery}). */
export const DEADLINE_DELIVERY: Readonly<Record<DeadlineKind, DeadlineDelivery>> = {
  'alarm-repeat': 'at-most-once',
  'status-update': 'at-most-once',
  'ack-ending': 'at-most-once',
  // A page to others: deduplicated by the receiver (PagerDuty's dedup key) and kept in the
  // outbound record, so a crash between the page and its mark shows there as a retry; losing
  // it would leave the next person unpaged.
  'escalation-step': 'at-least-once',
  // A local notification ("your shift starts at 09:00"), and an entry in the shift-change log
  // that is written only once its mark is on disk.
  'shift-reminder': 'at-most-once',
  'shift-change': 'at-most-once',
};

/** One due thing: an absolute wall-clock time, persisted before a timer is armed for it. */
export const deadlineSchema = z.object({
  /** Unique: kind, subject and due time (see {@link deadlineId}). */
  id: z.string().min(1),
  kind: deadlineKindSchema,
  /** What it is about: an alert id, an incident id, an acknowledgement's key. */
  subject: z.string().min(1),
  /** When it is due (UTC). */
  dueAt: isoTimeSchema,
  /** When it fired; absent while pending. A fired deadline is kept so it never fires again. */
  firedAt: isoTimeSchema.optional(),
  /** How late it fired, in ms (0 when on time). */
  lateMs: z.number().nonnegative().optional(),
  /** The 1-based step of a chain (the n-th repeat of an alarm). */
  step: z.number().int().positive().optional(),
  /** The level of an escalation step, counted from 1. */
  level: z.number().int().positive().optional(),
  /** Which run of its policy an escalation step belongs to: 0 the first. */
  repeat: z.number().int().nonnegative().optional(),
});

/** One due thing, pending or fired. */
export type Deadline = z.infer<typeof deadlineSchema>;

/** What a caller asks to be scheduled; the id follows from it. */
export type DeadlineInput = Pick<
  Deadline,
  'kind' | 'subject' | 'dueAt' | 'step' | 'level' | 'repeat'
>;

/**
 * The id of a deadline: the same kind, subject and due time always name the same deadline, so
 * asking again for one that already fired finds its mark instead of scheduling it anew. An
 * escalation step adds its repeat and level: a skipped level costs no time, so two levels of
 * one alert can be due at the same instant.
 * @param input - kind, subject, due time, and an escalation step's level and repeat
 */
export function deadlineId(
  input: Pick<Deadline, 'kind' | 'subject' | 'dueAt' | 'level' | 'repeat'>,
): string {
  const base = `${input.kind}|${input.subject}|${input.dueAt}`;
  return input.level === undefined ? base : `${base}|${input.repeat ?? 0}.${input.level}`;
}

/**
 * A pending deadline from what a caller asked for.
 * @param input - kind, subject, due time and step
 */
export function makeDeadline(input: DeadlineInput): Deadline {
  return { ...input, id: deadlineId(input) };
}
