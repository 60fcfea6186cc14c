import type { EscalationLevel, EscalationPolicy, EscalationTarget } from './policy-schema';

/** Who is on call in a schedule at an instant: person ids, none when nobody is. */
export type WhoIsOnCall = (scheduleId: string, at: Date) => readonly string[];

/** A time the escalation was paused: snoozed from `from` until `until`. */
export interface EscalationPause {
  readonly from: Date;
  readonly until: Date;
}

/** What the planner needs to know about one alert's escalation. */
export interface PlanInput {
  readonly policy: EscalationPolicy;
  /** When the alert started firing: the first level is paged then. */
  readonly firingSince: Date;
  /** When it was acknowledged (here or at its source), if it was: nothing is paged from then. */
  readonly acknowledgedAt?: Date;
  /** When it resolved, if it did: nothing is paged from then. */
  readonly resolvedAt?: Date;
  /**
   * Snoozes: each pauses the escalation, and what was still to come moves on by its length, so
   * it resumes where it stopped.
   */
  readonly pauses?: readonly EscalationPause[];
  /** Who is on call in a schedule at a given time (the schedules service, or a test's table). */
  readonly whoIsOnCall: WhoIsOnCall;
}

/** A target as paged at a step: a schedule is resolved to the people on call then. */
export type ResolvedTarget =
  | { readonly kind: 'me' }
  | { readonly kind: 'person'; readonly id: string }
  | { readonly kind: 'schedule'; readonly id: string; readonly people: readonly string[] }
  | { readonly kind: 'channel'; readonly id: string };

/** One step of an escalation: a level paged at an absolute time. */
export interface PlannedStep {
  /** Which run of the policy: 0 the first, 1 its first repeat, … */
  readonly repeat: number;
  /** The level, counted from 1 as people say "level 2". */
  readonly level: number;
  /** When it is due (wall clock). */
  readonly at: Date;
  /** Who is paged; empty when the level is skipped. */
  readonly targets: readonly ResolvedTarget[];
  /** Targets nobody could be found for: "nobody is on call in schedule secondary". */
  readonly unreached: readonly string[];
  /** Set when nobody at all could be paged at this level: it is skipped at once. */
  readonly skipped?: string;
}

const MINUTE_MS = 60_000;

function resolveTarget(
  target: EscalationTarget,
  at: Date,
  whoIsOnCall: WhoIsOnCall,
): ResolvedTarget | string {
  if (target.kind !== 'schedule') return target;
  const people = whoIsOnCall(target.id, at);
  if (people.length === 0) return `nobody is on call in schedule "${target.id}"`;
  return { kind: 'schedule', id: target.id, people: [...people] };
}

/**
 * Who one level pages at an instant: its targets, each schedule resolved to the people on call
 * then, and what could not be reached ("nobody is on call in schedule …").
 * @param level - the level
 * @param at - the instant
 * @param whoIsOnCall - the schedules
 */
export function resolveLevel(
  level: Pick<EscalationLevel, 'targets'>,
  at: Date,
  whoIsOnCall: WhoIsOnCall,
): { targets: ResolvedTarget[]; unreached: string[] } {
  const targets: ResolvedTarget[] = [];
  const unreached: string[] = [];
  for (const target of level.targets) {
    const resolved = resolveTarget(target, at, whoIsOnCall);
    if (typeof resolved === 'string') unreached.push(resolved);
    else targets.push(resolved);
  }
  return { targets, unreached };
}

/** Wall time of an instant of escalation time, once every pause before it is added. */
function wallTime(escalationMs: number, pauses: readonly EscalationPause[]): number {
  let wall = escalationMs;
  for (const pause of pauses) {
    const from = pause.from.getTime();
    const length = pause.until.getTime() - from;
    if (length > 0 && wall >= from) wall += length;
  }
  return wall;
}

/**
 * Every step of an alert's escalation as absolute deadlines: each level of the policy in order,
 * the whole policy `repeat` more times, the first level at `firingSince` and each next one
 * `delayMinutes` after the one before. A level whose targets reach nobody (every schedule it
 * pages has nobody on call then) is returned as skipped and costs no time: the next level is
 * due at once, not after the skipped level's minutes (target/goalert#4548). Snoozes move what
 * follows them on by their length. Steps due at or after an acknowledgement or the resolution
 * are not returned: those stop the escalation.
 *
 * Pure: schedules are asked through `whoIsOnCall` at each step's time; the same input always
 * gives the same steps, so the scheduler can re-plan after a restart and find the same
 * deadlines.
 * @param input - the policy, the alert's times and the schedules
 * @returns the steps in time order
 */
export function planEscalation(input: PlanInput): PlannedStep[] {
  const { policy, whoIsOnCall } = input;
  const pauses = [...(input.pauses ?? [])].sort((a, b) => a.from.getTime() - b.from.getTime());
  const stops = [input.acknowledgedAt, input.resolvedAt]
    .filter((at): at is Date => at !== undefined)
    .map((at) => at.getTime());
  const stopAt = stops.length > 0 ? Math.min(...stops) : Infinity;
  const steps: PlannedStep[] = [];
  let cursor = input.firingSince.getTime();
  for (let repeat = 0; repeat <= policy.repeat; repeat += 1) {
    for (const [index, level] of policy.levels.entries()) {
      const at = new Date(wallTime(cursor, pauses));
      if (at.getTime() >= stopAt) return steps;
      const { targets, unreached } = resolveLevel(level, at, whoIsOnCall);
      const step = { repeat, level: index + 1, at, targets, unreached };
      if (targets.length === 0) {
        steps.push({ ...step, skipped: `skipped: ${unreached.join('; ')}` });
        continue;
      }
      steps.push(step);
      cursor += level.delayMinutes * MINUTE_MS;
    }
  }
  return steps;
}
