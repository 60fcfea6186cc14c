import { rotationShifts, MAX_SHIFTS } from './rotation-shifts';
import {
  feedRefOf,
  type Schedule,
  type ScheduleLayerName,
  type ScheduleOverride,
} from './schedule-schema';
import type { Shift } from './shift';

/**
 * Where an iCalendar layer's shifts come from: the feed service, which fetches each feed off the
 * main loop and keeps its last good copy. Answers the shifts of the feed `ref` (its id, or a
 * plain URL not yet moved into the secret store; see `feedRefOf`) overlapping
 * `[from, to)`, from what it has now (never waits). The app has none until the feed service
 * is wired, and then a feed layer has nobody on call.
 */
export type ShiftFeed = (ref: string, from: Date, to: Date) => readonly Shift[];

/** No feed service: every iCalendar layer is empty. */
export const noShiftFeed: ShiftFeed = () => [];

/** Takes each override's span out of the shifts and gives it to the override's person. */
function applyOverrides(
  shifts: readonly Shift[],
  overrides: readonly ScheduleOverride[],
  from: number,
  to: number,
): Shift[] {
  const spans = overrides
    .map((o) => ({ person: o.person, start: Date.parse(o.from), end: Date.parse(o.to) }))
    .filter((o) => o.end > o.start && o.end > from && o.start < to);
  if (spans.length === 0) return [...shifts];
  const out: Shift[] = [];
  for (const shift of shifts) {
    let pieces: Shift[] = [shift];
    for (const span of spans) {
      pieces = pieces.flatMap((piece) => {
        if (span.end <= piece.start || span.start >= piece.end) return [piece];
        const left = { ...piece, end: span.start };
        const right = { ...piece, start: span.end };
        return [left, right].filter((p) => p.end > p.start);
      });
    }
    out.push(...pieces);
  }
  return [...out, ...spans];
}

/** Adjacent shifts of one person become one, so a boundary always means a change of person. */
function merge(shifts: readonly Shift[]): Shift[] {
  const sorted = [...shifts].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Shift[] = [];
  for (const shift of sorted) {
    const last = out.at(-1);
    if (last && last.person === shift.person && shift.start <= last.end) {
      out[out.length - 1] = { ...last, end: Math.max(last.end, shift.end) };
    } else {
      out.push(shift);
    }
  }
  return out;
}

/**
 * The shifts of one layer of a schedule overlapping `[from, to)`, in order: the rotation's or
 * the feed's, with the layer's overrides replacing whoever was on for their spans, and adjacent
 * shifts of the same person joined (so a shift's end is a change of person, or a gap). Empty
 * when the schedule has no such layer. Shifts may begin before `from` and end after `to`.
 * @param schedule - a valid schedule
 * @param layer - which layer
 * @param from - window start
 * @param to - window end (exclusive)
 * @param feed - the iCalendar feed service
 */
export function layerShifts(
  schedule: Schedule,
  layer: ScheduleLayerName,
  from: Date,
  to: Date,
  feed: ShiftFeed = noShiftFeed,
): Shift[] {
  const source = schedule.layers[layer];
  if (!source) return [];
  const fromMs = from.getTime();
  const toMs = to.getTime();
  const base =
    source.kind === 'rotation'
      ? rotationShifts(source, schedule.timeZone, fromMs, toMs)
      : feed(feedRefOf(source), from, to)
          .filter((s) => s.end > fromMs && s.start < toMs && s.end > s.start)
          .slice(0, MAX_SHIFTS);
  const overrides = schedule.overrides.filter((o) => o.layer === layer);
  return merge(applyOverrides(base, overrides, fromMs, toMs));
}
