import { z } from 'zod';
import { isoTimeSchema } from '../domain/alert';
import { severityLabel, type SeverityScale } from '../domain/severity';
import { doNotDisturbAt, type SchedulerState } from './scheduler-state';
import { resolveTimeZone, wallDate, type TimeZone } from '../incident/event-time';

/** Do-not-disturb as the app reports it: on (until `until`, or until turned off) or off. */
export const doNotDisturbStateSchema = z.object({
  on: z.boolean(),
  /** ISO 8601 UTC end; absent while on until turned off. */
  until: isoTimeSchema.optional(),
});

/** Do-not-disturb as the app reports it. */
export type DoNotDisturbState = z.infer<typeof doNotDisturbStateSchema>;

/** The wall-clock hour "until tomorrow morning" ends at, in the profile's zone. */
export const DND_MORNING_HOUR = 8;

/** One choice of the do-not-disturb menu, as the app sends it with `alarm:doNotDisturb`. */
export type DoNotDisturbChoice =
  | { kind: 'for'; minutes: number; label: string }
  | { kind: 'until'; until: string; label: string }
  | { kind: 'on'; label: string }
  | { kind: 'off'; label: string };

const HOUR_MS = 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Do-not-disturb as the scheduler's state holds it at `now`: off once a timed one has ended.
 * @param state - the scheduler's state
 * @param now - the current moment
 */
export function doNotDisturbOf(
  state: Pick<SchedulerState, 'doNotDisturb'>,
  now: Date,
): DoNotDisturbState {
  const until = state.doNotDisturb?.until;
  if (!doNotDisturbAt(state, now)) return { on: false };
  return until === undefined ? { on: true } : { on: true, until };
}

/**
 * What do-not-disturb means, in the team's severity names: "Silences my alarms except SEV1;
 * others are still paged." (the tray says the same).
 * @param scale - the team's severity vocabulary
 */
export function doNotDisturbMeaning(scale: SeverityScale): string {
  return `Silences my alarms except ${severityLabel('sev1', scale)}; others are still paged.`;
}

/**
 * True while do-not-disturb holds at `now` (a timed one ends by itself, with nothing written).
 * @param state - as reported
 * @param nowMs - the current moment
 */
export function doNotDisturbActive(state: DoNotDisturbState | undefined, nowMs: number): boolean {
  if (state?.on !== true) return false;
  return state.until === undefined || Date.parse(state.until) > nowMs;
}

/**
 * The next `hour`:00 on the zone's wall clock strictly after `nowMs` (today's when it is still
 * ahead, else tomorrow's), as ISO 8601 UTC; right across a DST change.
 * @param nowMs - the current moment
 * @param zoneSpec - the profile's zone (IANA name or offset); UTC when it names none
 * @param hour - the wall-clock hour, 0-23
 */
export function nextWallClockHour(nowMs: number, zoneSpec: string, hour: number): string {
  const zone = zoneOf(zoneSpec);
  const [y, m, d] = wallDate(nowMs, zone).split('-').map(Number) as [number, number, number];
  for (let add = 0; add < 3; add += 1) {
    const at = instantOfWall(Date.UTC(y, m - 1, d + add, hour), zone);
    if (at > nowMs) return new Date(at).toISOString();
  }
  // Unreachable for a real zone: three days always hold one hour ahead.
  return new Date(nowMs + 24 * HOUR_MS).toISOString();
}

/**
 * The header's words: "Do not disturb until 07:00", "… until 07:00 tomorrow", "… until 3 Mar
 * 07:00", "Do not disturb" (until turned off); undefined while it is off.
 * @param state - as reported
 * @param nowMs - the current moment
 * @param zoneSpec - the profile's zone the time reads in
 */
export function doNotDisturbText(
  state: DoNotDisturbState | undefined,
  nowMs: number,
  zoneSpec: string,
): string | undefined {
  if (!doNotDisturbActive(state, nowMs)) return undefined;
  return state?.until === undefined
    ? 'Do not disturb'
    : `Do not disturb until ${untilText(state.until, nowMs, zoneSpec)}`;
}

/**
 * The menu's choices at `nowMs`: for 1 h, until 08:00 (today or tomorrow, whichever comes
 * first), until I turn it off, and Turn off while it is on.
 * @param active - do-not-disturb is on now
 * @param nowMs - the current moment
 * @param zoneSpec - the profile's zone the morning is read in
 */
export function doNotDisturbChoices(
  active: boolean,
  nowMs: number,
  zoneSpec: string,
): DoNotDisturbChoice[] {
  const morning = nextWallClockHour(nowMs, zoneSpec, DND_MORNING_HOUR);
  const choices: DoNotDisturbChoice[] = [
    { kind: 'for', minutes: 60, label: 'For 1 hour' },
    { kind: 'until', until: morning, label: `Until ${untilText(morning, nowMs, zoneSpec)}` },
    { kind: 'on', label: 'Until I turn it off' },
  ];
  return active ? [...choices, { kind: 'off', label: 'Turn off' }] : choices;
}

/**
 * `07:00` today, `07:00 tomorrow`, else `3 Mar 07:00`, on the zone's wall clock.
 * @param iso - the instant
 * @param nowMs - the current moment
 * @param zoneSpec - the zone
 */
export function untilText(iso: string, nowMs: number, zoneSpec: string): string {
  const zone = zoneOf(zoneSpec);
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return 'later';
  const shifted = new Date(ms + zone.offsetAt(ms));
  const hm = shifted.toISOString().slice(11, 16);
  const day = wallDate(ms, zone);
  if (day === wallDate(nowMs, zone)) return hm;
  if (day === wallDate(nowMs + 24 * HOUR_MS, zone)) return `${hm} tomorrow`;
  return `${shifted.getUTCDate()} ${MONTHS[shifted.getUTCMonth()] ?? ''} ${hm}`;
}

function zoneOf(spec: string): TimeZone {
  return resolveTimeZone(spec) ?? (resolveTimeZone('UTC') as TimeZone);
}

/** The instant whose wall clock in `zone` reads `wallMs` (as if UTC); in a gap, just after. */
function instantOfWall(wallMs: number, zone: TimeZone): number {
  const first = wallMs - zone.offsetAt(wallMs);
  return wallMs - zone.offsetAt(first);
}
