import { z } from 'zod';

/*
 * Event times as a scribe types them during a bridge call.
 *
 * The rule (what the UI's help text says):
 *
 * - `HH:MM` or `HH:MM:SS`, 24-hour clock (`9:05` is fine, `24:00` and `2:23pm` are not), is a
 *   wall-clock time in the scribe's time zone, read in this order:
 *   1. a moment up to {@link EVENT_TIME_GRACE_SECONDS} (15 minutes) ahead of now is meant as is:
 *      clocks differ and people round up, so `17:13` typed at 17:12:44 is today's 17:13, and
 *      `00:05` typed at 23:58 is the coming 00:05;
 *   2. else today's, when it has passed: typed at 14:30, `14:23` and `03:00` are today's;
 *   3. else (today's lies further ahead) the previous day's, when that was less than
 *      {@link PREVIOUS_DAY_HOURS} hours ago: typed at 00:05, `23:50` is yesterday's 23:50;
 *   4. else it is refused, saying how far ahead it is and how to type an earlier day with its
 *      date: typed at 17:12, `17:30` is neither a slightly fast clock nor plausibly yesterday.
 *   The grace period can be set (`graceSeconds`); 15 minutes when left out.
 * - Around daylight-saving changes: a wall time that happens twice (clocks going back) means the
 *   later of the two that is not in the future; a wall time that does not exist (clocks going
 *   forward) is read with the offset from before the change, so `02:30` on the night New York
 *   jumps from 02:00 to 03:00 means 03:30 EDT.
 * - When a recorded time is corrected, a time of day means the occurrence nearest the time being
 *   corrected (still never in the future), so a fix made the next morning stays on the right day.
 * - `YYYY-MM-DD HH:MM[:SS]` (or with `T`) without an offset is that wall clock time in the
 *   scribe's time zone; with `Z` or `±HH:MM` it is that instant. Either is refused when it lies
 *   further ahead than the grace period.
 *
 * Times are parsed with integer arithmetic and `Date.UTC`, never with `Date.parse` on what was
 * typed, so the outcome does not depend on the JavaScript engine.
 */

/**
 * A time zone: an IANA name (`Europe/Berlin`), `UTC` (or `Z`, `GMT`), or a fixed offset from
 * UTC (`+02:00`, `-0530`, `+01`).
 */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((spec) => resolveTimeZone(spec) !== undefined, {
    error: 'is not a time zone: use an IANA name such as Europe/Berlin, UTC, or an offset +02:00',
  });

/** A time zone resolved for arithmetic: its UTC offset at any instant. */
export interface TimeZone {
  /** The spec it was resolved from. */
  readonly spec: string;
  /**
   * Offset from UTC at an instant, in milliseconds (positive east of Greenwich).
   * @param epochMs - the instant
   */
  offsetAt(epochMs: number): number;
}

/** How a typed event time was read. */
export type EventTimeForm = 'time-of-day' | 'local-date-time' | 'instant';

/** The outcome of {@link parseEventTime}: the instant as ISO 8601 UTC, or why not. */
export type EventTimeResult =
  { ok: true; at: string; form: EventTimeForm } | { ok: false; error: string };

/** Options for {@link parseEventTime}. */
export interface EventTimeOptions {
  /** The moment the time is read against: nothing may lie after it. */
  now: Date | string;
  /** The scribe's time zone; UTC when left out. */
  timeZone?: string | undefined;
  /**
   * How far after `now` a time may still lie (clocks differ, people round up);
   * {@link EVENT_TIME_GRACE_SECONDS} when left out.
   */
  graceSeconds?: number | undefined;
  /**
   * For a time of day: take the occurrence nearest this instant (ISO 8601) instead of the most
   * recent one, still never in the future. Used when correcting a time already recorded, so
   * `14:05` typed the next morning still means the day of the original entry.
   */
  near?: string | undefined;
}

/**
 * How far ahead of now a typed time may lie and still be taken as meant, in seconds (15 min):
 * people's clocks differ and they round up, so a time a minute ahead is today's, not yesterday's.
 */
export const EVENT_TIME_GRACE_SECONDS = 15 * 60;

/**
 * A time of day further ahead than the grace period means the previous day's only when that was
 * less than this many hours ago (`23:50` typed at 00:05); otherwise it is refused as ambiguous.
 */
export const PREVIOUS_DAY_HOURS = 12;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;

const zoneCache = new Map<string, TimeZone | undefined>();

/**
 * Resolve a time zone spec, or `undefined` when it names none.
 * @param spec - an IANA name, `UTC`/`Z`/`GMT`, or an offset such as `+02:00`, `-0530`, `UTC+1`
 */
export function resolveTimeZone(spec: string): TimeZone | undefined {
  const key = spec.trim();
  if (zoneCache.has(key)) return zoneCache.get(key);
  const zone = buildZone(key);
  if (zoneCache.size > 256) zoneCache.clear();
  zoneCache.set(key, zone);
  return zone;
}

function buildZone(spec: string): TimeZone | undefined {
  if (/^(?:UTC|GMT|Z)$/i.test(spec)) return fixedZone(spec, 0);
  const fixed = FIXED_OFFSET.exec(spec);
  if (fixed) {
    const hours = Number(fixed[2]);
    const minutes = Number(fixed[3] ?? '0');
    if (hours > 14 || minutes > 59) return undefined;
    const sign = fixed[1] === '-' ? -1 : 1;
    return fixedZone(spec, sign * (hours * HOUR + minutes * MINUTE));
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: spec,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
  } catch {
    return undefined;
  }
  return {
    spec,
    offsetAt(epochMs: number): number {
      const whole = Math.floor(epochMs / 1000) * 1000;
      const parts: Record<string, string> = {};
      for (const part of format.formatToParts(whole)) parts[part.type] = part.value;
      const year = Number(parts.year) * (parts.era === 'BC' || parts.era === 'B' ? -1 : 1);
      const wall = Date.UTC(
        year,
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour) % 24,
        Number(parts.minute),
        Number(parts.second),
      );
      return wall - whole;
    },
  };
}

function fixedZone(spec: string, offset: number): TimeZone {
  return { spec, offsetAt: () => offset };
}

/** A wall-clock reading: calendar fields as in a zone, without the zone. */
interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function wallAsUtc(wall: Wall): number {
  return Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
    wall.ms,
  );
}

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone.
 * @param epochMs - the instant
 * @param zone - the zone
 */
export function wallDate(epochMs: number, zone: TimeZone): string {
  return new Date(epochMs + zone.offsetAt(epochMs)).toISOString().slice(0, 10);
}

/**
 * Every instant at which the zone's clock reads `wall`: usually one, two when clocks go back,
 * none when clocks jump over it.
 */
function instantsOf(wall: Wall, zone: TimeZone): number[] {
  const local = wallAsUtc(wall);
  // Transitions are far more than two days apart, so the offsets a day either side are the
  // only candidates.
  const offsets = new Set([zone.offsetAt(local - DAY), zone.offsetAt(local + DAY)]);
  const found: number[] = [];
  for (const offset of offsets) {
    const instant = local - offset;
    if (zone.offsetAt(instant) === offset) found.push(instant);
  }
  return found.sort((a, b) => a - b);
}

/**
 * The instants a wall-clock reading means: those at which the clock shows it, or, in a gap (the
 * clocks jumped over it), the one read with the offset from before the jump.
 */
function resolveWall(wall: Wall, zone: TimeZone): number[] {
  const found = instantsOf(wall, zone);
  if (found.length > 0) return found;
  return [wallAsUtc(wall) - zone.offsetAt(wallAsUtc(wall) - DAY)];
}

/** The instants a wall time of day has on the days `offsets` away from `aroundMs`'s date. */
function occurrencesAround(
  aroundMs: number,
  dayOffsets: readonly number[],
  hour: number,
  minute: number,
  second: number,
  zone: TimeZone,
): number[] {
  const date = wallDate(aroundMs, zone);
  const base = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return dayOffsets.flatMap((offset) => {
    const day = new Date(base + offset * DAY);
    return resolveWall(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour,
        minute,
        second,
        ms: 0,
      },
      zone,
    );
  });
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function toEpoch(now: Date | string): number | undefined {
  const ms = typeof now === 'string' ? Date.parse(now) : now.getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

function formatIso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A wall-clock time of day. */
interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant a time of day typed at `nowMs` means (steps 1–3 of the rule at the top of this
 * file), or undefined when it is refused (step 4).
 */
function mostLikelyOccurrence(
  nowMs: number,
  latest: number,
  clock: TimeOfDay,
  zone: TimeZone,
): number | undefined {
  const at = (days: readonly number[]): number[] =>
    occurrencesAround(nowMs, days, clock.hour, clock.minute, clock.second, zone);
  // 1. Slightly ahead (today's, or the coming day's just before midnight).
  const slightlyAhead = at([0, 1]).filter((t) => t > nowMs && t <= latest);
  if (slightlyAhead.length > 0) return Math.min(...slightlyAhead);
  // 2. Today's, passed.
  const today = at([0]).filter((t) => t <= nowMs);
  if (today.length > 0) return Math.max(...today);
  // 3. An earlier day's, when recent: the day before, or two days back when a daylight-saving
  //    gap pushed the wall time past midnight.
  const earlier = at([-1, -2]).filter((t) => t <= nowMs);
  if (earlier.length === 0) return undefined;
  const recent = Math.max(...earlier);
  return nowMs - recent < PREVIOUS_DAY_HOURS * HOUR ? recent : undefined;
}

/** `HH:MM` of an instant on the zone's clock. */
function wallClock(epochMs: number, zone: TimeZone): string {
  return new Date(epochMs + zone.offsetAt(epochMs)).toISOString().slice(11, 16);
}

/** Why a time of day further ahead than the grace period is refused, and what to type instead. */
function aheadError(
  text: string,
  nowMs: number,
  latest: number,
  clock: TimeOfDay,
  zone: TimeZone,
): string {
  const ahead = occurrencesAround(nowMs, [0], clock.hour, clock.minute, clock.second, zone).find(
    (t) => t > nowMs,
  );
  const graceMinutes = Math.round((latest - nowMs) / MINUTE);
  const previous = occurrencesAround(nowMs, [-1], clock.hour, clock.minute, clock.second, zone);
  const previousDate = previous.length > 0 ? wallDate(Math.max(...previous), zone) : undefined;
  const minutesAhead = ahead === undefined ? undefined : Math.ceil((ahead - nowMs) / MINUTE);
  const howFar =
    minutesAhead === undefined ? 'is ahead of now' : `is ${describeMinutes(minutesAhead)} ahead`;
  const example = previousDate === undefined ? '' : `, e.g. ${previousDate} ${text}`;
  return (
    `"${text}" ${howFar} (it is ${wallClock(nowMs, zone)} ${zone.spec}); a time may be at most ` +
    `${graceMinutes} min ahead. For an earlier day, type the date too${example}`
  );
}

/** `18 min`, `2 h 5 min`. */
function describeMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * Read an event time as a scribe typed it (see the rule at the top of this file).
 * @param input - what was typed: `14:23`, `14:23:05`, `2025-03-04 14:23`, or an ISO instant
 * @param options - the moment it is read against, the scribe's time zone and a grace period
 * @returns the instant as ISO 8601 UTC and how it was read, or a sentence saying what is wrong
 */
export function parseEventTime(input: string, options: EventTimeOptions): EventTimeResult {
  const nowMs = toEpoch(options.now);
  if (nowMs === undefined) return { ok: false, error: 'the current time is not a valid time' };
  const zoneSpec = options.timeZone ?? 'UTC';
  const zone = resolveTimeZone(zoneSpec);
  if (!zone) return { ok: false, error: `"${zoneSpec}" is not a time zone` };
  const latest = nowMs + Math.max(0, options.graceSeconds ?? EVENT_TIME_GRACE_SECONDS) * 1000;
  const text = input.trim();
  if (text === '') return { ok: false, error: 'no time given; type it as HH:MM or HH:MM:SS' };

  const timeOfDay = TIME_OF_DAY.exec(text);
  if (timeOfDay) {
    const hour = Number(timeOfDay[1]);
    const minute = Number(timeOfDay[2]);
    const second = Number(timeOfDay[3] ?? '0');
    if (hour > 23 || minute > 59 || second > 59) {
      return { ok: false, error: `"${text}" is not a time of day (00:00 to 23:59:59)` };
    }
    const nearMs = options.near === undefined ? undefined : toEpoch(options.near);
    let best: number | undefined;
    if (nearMs !== undefined) {
      // The occurrence nearest `near` (the day before, the same day or the day after).
      let bestDistance = Infinity;
      for (const t of occurrencesAround(nearMs, [-1, 0, 1], hour, minute, second, zone)) {
        const distance = Math.abs(t - nearMs);
        if (t > latest) continue;
        if (distance < bestDistance || (distance === bestDistance && t > (best ?? -Infinity))) {
          best = t;
          bestDistance = distance;
        }
      }
    } else {
      best = mostLikelyOccurrence(nowMs, latest, { hour, minute, second }, zone);
    }
    if (best === undefined) {
      return { ok: false, error: aheadError(text, nowMs, latest, { hour, minute, second }, zone) };
    }
    return { ok: true, at: formatIso(best), form: 'time-of-day' };
  }

  const dateTime = DATE_TIME.exec(text);
  if (dateTime) {
    const [, y, mo, d, h, mi, s, frac, offset] = dateTime;
    const wall: Wall = {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h),
      minute: Number(mi),
      second: Number(s ?? '0'),
      ms: Number(((frac ?? '') + '000').slice(0, 3)),
    };
    if (
      !validDate(wall.year, wall.month, wall.day) ||
      wall.hour > 23 ||
      wall.minute > 59 ||
      wall.second > 59
    ) {
      return { ok: false, error: `"${text}" is not a valid date and time` };
    }
    let at: number;
    let form: EventTimeForm;
    if (offset !== undefined) {
      const offsetZone = resolveTimeZone(offset.toUpperCase());
      if (!offsetZone) return { ok: false, error: `"${offset}" is not a valid UTC offset` };
      at = wallAsUtc(wall) - offsetZone.offsetAt(0);
      form = 'instant';
    } else {
      const candidates = resolveWall(wall, zone);
      const past = candidates.filter((t) => t <= latest);
      at = past.length > 0 ? Math.max(...past) : Math.min(...candidates);
      form = 'local-date-time';
    }
    if (at > latest) {
      return {
        ok: false,
        error: `"${text}" is in the future (it is now ${formatIso(nowMs)}); event times are when something happened`,
      };
    }
    return { ok: true, at: formatIso(at), form };
  }

  return {
    ok: false,
    error: `"${text}" is not a time; type HH:MM or HH:MM:SS (24-hour), or a date and time such as 2025-03-04 14:23`,
  };
}

/**
 * Split a line the scribe typed into a leading time and the rest, so `14:23 rolled back the
 * deploy` (or `14:23 - rolled back`, `14:23: rolled back`) carries its own event time, and
 * `2025-03-03 23:50 paged the DBA` one on another day.
 * @param line - the line as typed
 * @returns the time token, if the line starts with one, and the text after it
 */
export function splitLeadingTime(line: string): { time?: string; text: string } {
  const match =
    /^\s*((?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}:\d{2}(?::\d{2})?)(?:\s*[-–—:]\s+|\s+|$)([\s\S]*)$/.exec(
      line,
    );
  if (!match || match[1] === undefined) return { text: line.trim() };
  return { time: match[1], text: (match[2] ?? '').trim() };
}
