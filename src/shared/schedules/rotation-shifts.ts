import { Temporal } from 'temporal-polyfill';
import { WEEKDAYS, type RotationLayer } from './schedule-schema';
import type { Shift } from './shift';

/**
 * Most shifts one expansion returns: a window is asked of a rotation whose shifts are a day at
 * the shortest, so this covers years; it bounds the work a hostile settings file can cause.
 */
export const MAX_SHIFTS = 5000;

const DAY_MS = 86_400_000;

function periodDays(layer: RotationLayer): number {
  return layer.every === 'week' ? 7 : layer.days;
}

/** The local date and time of the first handoff: the start date, or the handoff day after it. */
function firstHandoff(layer: RotationLayer): Temporal.PlainDateTime {
  const [hour = 0, minute = 0] = layer.handoffTime.split(':').map(Number);
  let date = Temporal.PlainDate.from(layer.startDate);
  if (layer.every === 'week') {
    const wanted = WEEKDAYS.indexOf(layer.handoffDay) + 1;
    date = date.add({ days: (wanted - date.dayOfWeek + 7) % 7 });
  }
  return date.toPlainDateTime({ hour, minute });
}

/**
 * The shifts of a rotation that overlap `[from, to)`, in order. Handoffs are computed as local
 * date-times in `zone` and only then turned into instants, so a handoff at 09:00 stays at 09:00
 * local across a daylight saving change, and the shift spanning the change is an hour shorter
 * or longer. A handoff time that does not exist on a day (inside the spring gap) moves forward
 * by the gap, as clocks do. At most {@link MAX_SHIFTS} are returned.
 * @param layer - the rotation
 * @param zone - the schedule's IANA time zone (already validated)
 * @param from - window start, epoch ms
 * @param to - window end (exclusive), epoch ms
 */
export function rotationShifts(
  layer: RotationLayer,
  zone: string,
  from: number,
  to: number,
): Shift[] {
  const first = firstHandoff(layer);
  const days = periodDays(layer);
  const handoff = (k: number): number =>
    first.add({ days: k * days }).toZonedDateTime(zone).epochMilliseconds;
  const firstMs = handoff(0);
  if (to <= firstMs || to <= from) return [];
  // An estimate from the nominal length, corrected for the hour a DST change adds or takes.
  let k = Math.max(0, Math.floor((from - firstMs) / (days * DAY_MS)));
  while (k > 0 && handoff(k) > from) k -= 1;
  while (handoff(k + 1) <= from) k += 1;
  const shifts: Shift[] = [];
  const n = layer.participants.length;
  let start = handoff(k);
  while (start < to && shifts.length < MAX_SHIFTS) {
    const end = handoff(k + 1);
    shifts.push({ person: layer.participants[k % n] as string, start, end });
    k += 1;
    start = end;
  }
  return shifts;
}
