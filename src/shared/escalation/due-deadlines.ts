import type { Deadline } from './deadline';

/** A deadline that is due, with how late it is at the moment it was found due. */
export interface DueDeadline {
  readonly deadline: Deadline;
  /** `now - dueAt` in ms, never negative. */
  readonly lateMs: number;
}

/**
 * The pending deadlines due at `now`, earliest first (ties by id, so the order is stable).
 * @param deadlines - every deadline, pending and fired
 * @param now - the wall-clock time of the check
 */
export function dueDeadlines(deadlines: readonly Deadline[], now: Date): DueDeadline[] {
  const at = now.getTime();
  return deadlines
    .filter((d) => d.firedAt === undefined && Date.parse(d.dueAt) <= at)
    .sort(byDueThenId)
    .map((deadline) => ({ deadline, lateMs: Math.max(0, at - Date.parse(deadline.dueAt)) }));
}

/**
 * The earliest pending deadline, for the one wake-up timer; undefined when none is pending.
 * @param deadlines - every deadline, pending and fired
 */
export function earliestPending(deadlines: readonly Deadline[]): Deadline | undefined {
  let best: Deadline | undefined;
  for (const d of deadlines) {
    if (d.firedAt !== undefined) continue;
    if (best === undefined || byDueThenId(d, best) < 0) best = d;
  }
  return best;
}

/**
 * How long to sleep before the next check: until the earliest pending deadline still to come,
 * but never longer than `maxSleepMs` (the heartbeat that notices a wall-clock jump). Deadlines
 * already due but left pending (their handler waits for something, such as a source's first
 * answer) do not count: their owner asks for a check when it is ready, and the heartbeat
 * catches them otherwise; counting them would wake the scheduler in a busy loop.
 * @param deadlines - every deadline
 * @param now - the wall-clock time
 * @param maxSleepMs - the heartbeat
 */
export function sleepBeforeNextCheck(
  deadlines: readonly Deadline[],
  now: Date,
  maxSleepMs: number,
): number {
  const at = now.getTime();
  let sleep = maxSleepMs;
  for (const d of deadlines) {
    if (d.firedAt !== undefined) continue;
    const left = Date.parse(d.dueAt) - at;
    if (left > 0 && left < sleep) sleep = left;
  }
  return sleep;
}

/**
 * How a late step says it is late: undefined when within `toleranceMs` (timer jitter), else
 * "3 min late" / "2 h 5 min late" / "40 s late".
 * @param lateMs - how late, in ms
 * @param toleranceMs - lateness nobody needs to hear about
 */
export function latenessText(lateMs: number, toleranceMs = 5_000): string | undefined {
  if (lateMs <= toleranceMs) return undefined;
  const seconds = Math.round(lateMs / 1000);
  if (seconds < 60) return `${seconds} s late`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min late`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h late` : `${hours} h ${rest} min late`;
}

function byDueThenId(a: Deadline, b: Deadline): number {
  const diff = Date.parse(a.dueAt) - Date.parse(b.dueAt);
  if (diff !== 0) return diff;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
