import { Temporal } from 'temporal-polyfill';

/**
 * True when `zone` is an IANA time zone this runtime knows (`Europe/Berlin`, `UTC`); an offset
 * such as `+01:00` is refused, since it would not follow the zone's daylight saving changes.
 * @param zone - the name to check
 */
export function isKnownTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    Temporal.Now.zonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * An instant as `Mon 09:00` in a time zone, as a responder reads a handoff time.
 * @param epochMs - the instant
 * @param zone - an IANA time zone
 * @param withDay - include the weekday (for an instant not today)
 */
export function wallClockText(epochMs: number, zone: string, withDay: boolean): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  const time = `${String(zoned.hour).padStart(2, '0')}:${String(zoned.minute).padStart(2, '0')}`;
  return withDay ? `${WEEKDAY_SHORT[zoned.dayOfWeek - 1]} ${time}` : time;
}

const WEEKDAY_SHORT = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Whether two instants fall on the same calendar day in a time zone.
 * @param a - one instant, epoch ms
 * @param b - the other
 * @param zone - an IANA time zone
 */
export function sameDay(a: number, b: number, zone: string): boolean {
  const day = (ms: number) =>
    Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).toPlainDate().toString();
  return day(a) === day(b);
}

const MONTH_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/**
 * A coming instant as a responder reads it in a zone: `Mon 09:00` within the next six days,
 * `Mon 6 Apr 09:00` further off.
 * @param epochMs - the instant
 * @param nowMs - now
 * @param zone - an IANA time zone
 */
export function comingTimeText(epochMs: number, nowMs: number, zone: string): string {
  const text = wallClockText(epochMs, zone, true);
  if (epochMs - nowMs < 6 * 86_400_000) return text;
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  const [day, time] = text.split(' ');
  return `${day} ${zoned.day} ${MONTH_SHORT[zoned.month - 1]} ${time}`;
}
