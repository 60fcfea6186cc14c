import type { DeadlineInput } from '../escalation/deadline';
import { layerShifts, noShiftFeed, type ShiftFeed } from './layer-shifts';
import { isMe, nextLayerChange, ON_CALL_HORIZON_MS } from './on-call';
import type { Schedule, ScheduleLayerName } from './schedule-schema';
import { sameDay, wallClockText } from './zone';

const LAYERS: readonly ScheduleLayerName[] = ['primary', 'secondary'];

/** What a shift deadline's subject says: the schedule, the layer, and (a reminder) the shift start. */
export interface ShiftSubject {
  readonly scheduleId: string;
  readonly layer: ScheduleLayerName;
  /** A reminder's shift start, epoch ms. */
  readonly start?: number;
}

/**
 * The subject of a shift deadline: `<schedule>|<layer>` for a shift change (one chain per
 * layer, so the scheduler keeps only its newest fired mark), `<schedule>|<layer>|<start ms>` for
 * a reminder (so a reminder that fired is remembered while its shift is still to come).
 * @param subject - schedule, layer and, for a reminder, the shift's start
 */
export function shiftSubject(subject: ShiftSubject): string {
  const base = `${subject.scheduleId}|${subject.layer}`;
  return subject.start === undefined ? base : `${base}|${subject.start}`;
}

/**
 * Reads a subject written by {@link shiftSubject}; undefined for anything else.
 * @param text - the deadline's subject
 */
export function parseShiftSubject(text: string): ShiftSubject | undefined {
  const [scheduleId, layer, start] = text.split('|');
  if (!scheduleId || (layer !== 'primary' && layer !== 'secondary')) return undefined;
  if (start === undefined) return { scheduleId, layer };
  const ms = Number(start);
  return Number.isSafeInteger(ms) ? { scheduleId, layer, start: ms } : undefined;
}

/**
 * The next change of person in every layer of every schedule, as `shift-change` deadlines.
 * @param schedules - valid schedules
 * @param now - now
 * @param feed - the iCalendar feed service
 */
export function desiredShiftChanges(
  schedules: readonly Schedule[],
  now: Date,
  feed: ShiftFeed = noShiftFeed,
): DeadlineInput[] {
  return schedules.flatMap((schedule) =>
    LAYERS.filter((layer) => schedule.layers[layer]).flatMap((layer) => {
      const at = nextLayerChange(schedule, layer, now, feed);
      return at === undefined
        ? []
        : [
            {
              kind: 'shift-change' as const,
              subject: shiftSubject({ scheduleId: schedule.id, layer }),
              dueAt: new Date(at).toISOString(),
            },
          ];
    }),
  );
}

/**
 * A reminder `minutes` before my next shift in each layer of each schedule (a shift of mine
 * still to start), as `shift-reminder` deadlines. None without a name for me or with 0 minutes.
 * @param schedules - valid schedules
 * @param me - the profile's name
 * @param now - now
 * @param minutes - how long before the shift
 * @param feed - the iCalendar feed service
 */
export function desiredShiftReminders(
  schedules: readonly Schedule[],
  me: string | undefined,
  now: Date,
  minutes: number,
  feed: ShiftFeed = noShiftFeed,
): DeadlineInput[] {
  if (me === undefined || minutes <= 0) return [];
  const t = now.getTime();
  return schedules.flatMap((schedule) =>
    LAYERS.filter((layer) => schedule.layers[layer]).flatMap((layer) => {
      const shifts = layerShifts(schedule, layer, now, new Date(t + ON_CALL_HORIZON_MS), feed);
      const mine = shifts.find((s) => s.start > t && isMe(s.person, me));
      return mine
        ? [
            {
              kind: 'shift-reminder' as const,
              subject: shiftSubject({ scheduleId: schedule.id, layer, start: mine.start }),
              dueAt: new Date(mine.start - minutes * 60_000).toISOString(),
            },
          ]
        : [];
    }),
  );
}

/**
 * Whether my shift still starts at `start` in that layer (the schedule may have changed since
 * the reminder was planned).
 * @param schedule - the schedule
 * @param layer - the layer
 * @param start - the shift's start, epoch ms
 * @param me - the profile's name
 * @param feed - the iCalendar feed service
 */
export function myShiftStartsAt(
  schedule: Schedule,
  layer: ScheduleLayerName,
  start: number,
  me: string | undefined,
  feed: ShiftFeed = noShiftFeed,
): boolean {
  const around = layerShifts(schedule, layer, new Date(start - 1), new Date(start + 1), feed);
  return around.some((s) => s.start === start && isMe(s.person, me));
}

/**
 * The reminder before my shift: "Your on-call shift starts at 09:00 (primary, Platform)", the
 * time in `zone`, with the weekday when it is not today there.
 * @param schedule - the schedule
 * @param layer - the layer
 * @param start - the shift's start, epoch ms
 * @param now - now
 * @param zone - the zone the user reads times in
 */
export function shiftReminderText(
  schedule: Pick<Schedule, 'name'>,
  layer: ScheduleLayerName,
  start: number,
  now: Date,
  zone: string,
): { title: string; body: string } {
  const when = wallClockText(start, zone, !sameDay(start, now.getTime(), zone));
  return {
    title: `Your on-call shift starts at ${when} (${layer}, ${schedule.name})`,
    body: `You are ${layer} on call for ${schedule.name} from ${when}.`,
  };
}
