import { resolveTimeZone, wallDate, type TimeZone } from '../../../shared/incident/event-time';

// Incident times are shown in the profile's time zone, the same zone a typed `14:23` is read in,
// so what the scribe types and what the timeline shows always agree (the machine's zone may
// differ, e.g. a laptop still on home time while the team works in another).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The zone incident times are read and shown in: the profile's, else the machine's, else UTC.
 * @param profileZone - `settings.profile.timeZone`
 * @param machineZone - the machine's IANA zone (Intl), when known
 */
export function incidentTimeZone(profileZone: string | undefined, machineZone?: string): string {
  for (const spec of [profileZone, machineZone]) {
    if (spec !== undefined && spec !== '' && resolveTimeZone(spec) !== undefined) return spec;
  }
  return 'UTC';
}

/**
 * The zone's name as a time's label says it: `Europe/Berlin`, `UTC`, `+05:30`.
 * @param zoneSpec - the zone
 */
export function zoneName(zoneSpec: string): string {
  return /^(?:Z|GMT|UTC)$/i.test(zoneSpec.trim()) ? 'UTC' : zoneSpec.trim();
}

/** Where the zone incident times are shown in came from. */
export type ZoneSource = 'profile' | 'machine' | 'utc';

/**
 * Which setting gave the zone of {@link incidentTimeZone}, so the view can say it.
 * @param profileZone - `settings.profile.timeZone`
 * @param machineZone - the machine's IANA zone, when known
 */
export function incidentZoneSource(
  profileZone: string | undefined,
  machineZone?: string,
): ZoneSource {
  const zone = incidentTimeZone(profileZone, machineZone);
  if (profileZone !== undefined && zone === profileZone) return 'profile';
  if (machineZone !== undefined && zone === machineZone) return 'machine';
  return 'utc';
}

/**
 * `Times in Europe/Berlin, your profile's zone`: the label the incident view puts on its times.
 * @param zoneSpec - the zone shown
 * @param source - where it came from
 */
export function zoneLabel(zoneSpec: string, source: ZoneSource): string {
  const where =
    source === 'profile'
      ? "your profile's zone"
      : source === 'machine'
        ? "this computer's zone (set yours in Settings → You)"
        : 'no zone is set (set yours in Settings → You)';
  return `Times in ${zoneName(zoneSpec)}, ${where}`;
}

/** The machine's IANA time zone, or undefined when Intl cannot say. */
export function machineTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Calendar fields of an instant as the zone's clock shows it. */
function wall(iso: string, zone: TimeZone) {
  const ms = Date.parse(iso);
  const shifted = new Date(ms + zone.offsetAt(ms));
  return {
    date: shifted.toISOString().slice(0, 10),
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    hm: shifted.toISOString().slice(11, 16),
    hms: shifted.toISOString().slice(11, 19),
  };
}

function zoneOf(spec: string): TimeZone {
  return resolveTimeZone(spec) ?? (resolveTimeZone('UTC') as TimeZone);
}

/**
 * `14:23` in the zone.
 * @param iso - the instant
 * @param zoneSpec - the zone
 */
export function formatZonedClock(iso: string, zoneSpec: string): string {
  return wall(iso, zoneOf(zoneSpec)).hm;
}

/**
 * `2025-03-04 14:23:05 (Europe/Berlin)`, for titles (hover) and anywhere the day matters.
 * @param iso - the instant
 * @param zoneSpec - the zone
 */
export function formatZonedFull(iso: string, zoneSpec: string): string {
  const w = wall(iso, zoneOf(zoneSpec));
  return `${w.date} ${w.hms} (${zoneSpec})`;
}

/**
 * The day of an instant when it is not the day of `now`: `3 Mar`, or `3 Mar 2024` in another
 * year; undefined on the day of `now`.
 * @param iso - the instant
 * @param zoneSpec - the zone
 * @param nowMs - the current moment
 */
export function formatZonedOtherDay(
  iso: string,
  zoneSpec: string,
  nowMs: number,
): string | undefined {
  const zone = zoneOf(zoneSpec);
  const w = wall(iso, zone);
  const today = wallDate(nowMs, zone);
  if (w.date === today) return undefined;
  const year = String(w.year) === today.slice(0, 4) ? '' : ` ${w.year}`;
  return `${w.day} ${MONTHS[w.month] ?? ''}${year}`;
}

/**
 * `14:23` on the day of `now`, `3 Mar 14:23` on another day, `3 Mar 2024 14:23` in another
 * year: short, yet never ambiguous about the day.
 * @param iso - the instant
 * @param zoneSpec - the zone
 * @param nowMs - the current moment
 */
export function formatZonedShort(iso: string, zoneSpec: string, nowMs: number): string {
  const day = formatZonedOtherDay(iso, zoneSpec, nowMs);
  const hm = formatZonedClock(iso, zoneSpec);
  return day === undefined ? hm : `${day} ${hm}`;
}

/**
 * Which day an instant falls on, relative to now, in words: `today`, `yesterday`, `tomorrow`
 * (a time typed just before midnight, a little ahead), or the date.
 * @param iso - the instant
 * @param zoneSpec - the zone
 * @param nowMs - the current moment
 */
export function zonedDayWord(iso: string, zoneSpec: string, nowMs: number): string {
  const zone = zoneOf(zoneSpec);
  const day = wall(iso, zone).date;
  const today = wallDate(nowMs, zone);
  if (day === today) return 'today';
  if (day === wallDate(nowMs - 86_400_000, zone)) return 'yesterday';
  if (day === wallDate(nowMs + 86_400_000, zone)) return 'tomorrow';
  const w = wall(iso, zone);
  return `${w.day} ${MONTHS[w.month] ?? ''} ${w.year}`;
}
