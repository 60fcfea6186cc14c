import { z } from 'zod';
import { feedStatusSchema } from './feed-status';
import { layerShifts, noShiftFeed, type ShiftFeed } from './layer-shifts';
import { scheduleLayerNameSchema, type Schedule, type ScheduleLayerName } from './schedule-schema';
import type { Shift } from './shift';

/** How far ahead "next" looks: a year and a month, longer than any rotation's shift. */
export const ON_CALL_HORIZON_MS = 400 * 86_400_000;

const LAYERS: readonly ScheduleLayerName[] = ['primary', 'secondary'];

/** A shift as the renderer gets it. */
export const shiftSchema = z.object({
  person: z.string(),
  start: z.number(),
  end: z.number(),
});

/** Who is on call in one layer now, and who takes over next and when. */
export const layerOnCallSchema = z.object({
  layer: scheduleLayerNameSchema,
  /** The shift going on now; absent when nobody is on call in the layer. */
  now: shiftSchema.optional(),
  /** The next shift after now (of someone else, or after a gap). */
  next: shiftSchema.optional(),
  /** An iCalendar feed layer's feed: read or not, and the copy in use. */
  feed: feedStatusSchema.optional(),
});

/** Who is on call in one layer now and next. */
export type LayerOnCall = z.infer<typeof layerOnCallSchema>;

/** One shift of mine, where it is. */
export const myShiftSchema = z.object({
  scheduleId: z.string(),
  scheduleName: z.string(),
  timeZone: z.string(),
  layer: scheduleLayerNameSchema,
  shift: shiftSchema,
});

/** One shift of mine. */
export type MyShift = z.infer<typeof myShiftSchema>;

/** Who is on call now and next in every schedule, and my next shift (`schedules:onCall`). */
export const onCallSummarySchema = z.object({
  /** When it was worked out, epoch ms. */
  at: z.number(),
  /** The profile's name the summary looked for as "me"; absent when none is set. */
  me: z.string().optional(),
  schedules: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      timeZone: z.string(),
      layers: z.array(layerOnCallSchema),
    }),
  ),
  /** My shifts going on now. */
  mineNow: z.array(myShiftSchema),
  /** My next shift to start. */
  myNext: myShiftSchema.optional(),
});

/** Who is on call now and next, and my next shift. */
export type OnCallSummary = z.infer<typeof onCallSummarySchema>;

/**
 * Who is on call in one layer at `at`, and the next shift after that one.
 * @param schedule - a valid schedule
 * @param layer - the layer
 * @param at - the instant
 * @param feed - the iCalendar feed service
 */
export function layerOnCall(
  schedule: Schedule,
  layer: ScheduleLayerName,
  at: Date,
  feed: ShiftFeed = noShiftFeed,
): LayerOnCall {
  const t = at.getTime();
  const shifts = layerShifts(schedule, layer, at, new Date(t + ON_CALL_HORIZON_MS), feed);
  return nowAndNext(layer, shifts, t);
}

function nowAndNext(layer: ScheduleLayerName, shifts: readonly Shift[], t: number): LayerOnCall {
  const now = shifts.find((s) => s.start <= t && t < s.end);
  const next = shifts.find((s) => s.start > t);
  return { layer, ...(now && { now }), ...(next && { next }) };
}

/**
 * The person on call in one layer at an instant, if anyone.
 * @param schedule - a valid schedule
 * @param layer - the layer
 * @param at - the instant
 * @param feed - the iCalendar feed service
 */
export function personOnCall(
  schedule: Schedule,
  layer: ScheduleLayerName,
  at: Date,
  feed: ShiftFeed = noShiftFeed,
): string | undefined {
  const t = at.getTime();
  return layerShifts(schedule, layer, at, new Date(t + 1), feed).find(
    (s) => s.start <= t && t < s.end,
  )?.person;
}

/**
 * Whether a schedule's person is me: the same name, ignoring case and surrounding spaces.
 * @param person - as the schedule names them
 * @param me - the profile's name
 */
export function isMe(person: string, me: string | undefined): boolean {
  return me !== undefined && person.trim().toLowerCase() === me.trim().toLowerCase();
}

/**
 * Who is on call now and next in every schedule and layer, my shifts going on now, and my next
 * shift to start (the earliest across schedules and layers).
 * @param schedules - valid schedules
 * @param me - the profile's name; without it nothing is "mine"
 * @param at - now
 * @param feed - the iCalendar feed service
 */
export function onCallSummary(
  schedules: readonly Schedule[],
  me: string | undefined,
  at: Date,
  feed: ShiftFeed = noShiftFeed,
): OnCallSummary {
  const t = at.getTime();
  const mineNow: MyShift[] = [];
  let myNext: MyShift | undefined;
  const rows = schedules.map((schedule) => {
    const layers = LAYERS.filter((layer) => schedule.layers[layer] !== undefined).map((layer) => {
      const where = {
        scheduleId: schedule.id,
        scheduleName: schedule.name,
        timeZone: schedule.timeZone,
        layer,
      };
      const shifts = layerShifts(schedule, layer, at, new Date(t + ON_CALL_HORIZON_MS), feed);
      const row = nowAndNext(layer, shifts, t);
      if (row.now && isMe(row.now.person, me)) mineNow.push({ ...where, shift: row.now });
      const mine = shifts.find((s) => s.start > t && isMe(s.person, me));
      if (mine && (!myNext || mine.start < myNext.shift.start)) myNext = { ...where, shift: mine };
      return row;
    });
    return { id: schedule.id, name: schedule.name, timeZone: schedule.timeZone, layers };
  });
  return {
    at: t,
    ...(me !== undefined && { me }),
    schedules: rows,
    mineNow,
    ...(myNext && { myNext }),
  };
}

/**
 * The next time after `after` that who is on call in a layer changes (a handoff, an override
 * beginning or ending, the end of a gap), within {@link ON_CALL_HORIZON_MS}.
 * @param schedule - a valid schedule
 * @param layer - the layer
 * @param after - the instant
 * @param feed - the iCalendar feed service
 */
export function nextLayerChange(
  schedule: Schedule,
  layer: ScheduleLayerName,
  after: Date,
  feed: ShiftFeed = noShiftFeed,
): number | undefined {
  const t = after.getTime();
  const horizon = t + ON_CALL_HORIZON_MS;
  const shifts: Shift[] = layerShifts(schedule, layer, after, new Date(horizon), feed);
  const times = shifts.flatMap((s) => [s.start, s.end]).filter((x) => x > t && x < horizon);
  return times.length > 0 ? Math.min(...times) : undefined;
}
