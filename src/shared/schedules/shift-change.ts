import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { scheduleLayerNameSchema } from './schedule-schema';

/**
 * A change of who is on call in one layer of a schedule, as the shift-change log keeps it for
 * the handoff review: who handed over to whom, when.
 */
export const shiftChangeSchema = z.object({
  /** The deadline that recorded it: the same change is never recorded twice. */
  id: z.string().min(1),
  scheduleId: z.string(),
  scheduleName: z.string(),
  layer: scheduleLayerNameSchema,
  /** When the change happened (the handoff time). */
  at: isoTimeSchema,
  /** Who was on call before; absent after a gap. */
  from: z.string().optional(),
  /** Who is on call after; absent when a gap begins. */
  to: z.string().optional(),
  /** How late the app noticed (it was not running, or asleep), in ms. */
  lateMs: z.number().nonnegative().optional(),
});

/** A change of who is on call. */
export type ShiftChange = z.infer<typeof shiftChangeSchema>;

/** Most changes the log keeps; the oldest go first. */
export const MAX_SHIFT_CHANGES = 500;
