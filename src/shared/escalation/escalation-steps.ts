import type { Alert } from '../domain/alert';
import { makeDeadline, type Deadline, type DeadlineInput } from './deadline';
import { planAlertEscalation } from './policy-for-alert';
import type { WhoIsOnCall } from './policy-plan';
import type { EscalationSettings } from './policy-settings';

/**
 * Whether an alert escalates: it fires and nobody has acknowledged it, here or at its source (a
 * silence, a teammate's included, makes it `suppressed`).
 * @param alert - the alert as its source reports it now
 */
export function isEscalating(alert: Pick<Alert, 'status' | 'ack'>): boolean {
  return alert.status === 'firing' && !alert.ack;
}

/** What {@link reconcileEscalationSteps} needs to know besides the deadlines. */
export interface EscalationStepsInput {
  /** Every alert known now, all sources. */
  readonly alerts: readonly Alert[];
  /** Whether an alert's source has answered since start: only then is its absence news. */
  readonly answered: (alertId: string) => boolean;
  readonly escalation: EscalationSettings;
  readonly now: Date;
  readonly whoIsOnCall: WhoIsOnCall;
}

/**
 * The `escalation-step` deadlines of one alert that starts escalating: its policy's steps from
 * the time it started firing. Steps already past are not paged one after another: the
 * escalation starts at the level it has reached (the last past step that pages someone, due at
 * once and marked late; levels skipped after it cost nothing), and the rest follow at their
 * times.
 * @param alert - the alert, firing unacknowledged
 * @param input - settings, time and schedules
 */
export function escalationStepInputs(
  alert: Alert,
  input: Pick<EscalationStepsInput, 'escalation' | 'now' | 'whoIsOnCall'>,
): DeadlineInput[] {
  const { steps } = planAlertEscalation(input.escalation, alert, {
    whoIsOnCall: input.whoIsOnCall,
  });
  const now = input.now.getTime();
  const past = steps.filter((step) => step.at.getTime() <= now).length;
  // The level reached is the last past one that pages someone; skipped levels after it page
  // nobody and are kept as they are.
  let from = past - 1;
  while (from > 0 && (steps[from]?.targets.length ?? 0) === 0) from -= 1;
  return steps
    .filter((_, index) => index >= Math.max(0, from))
    .map((step) => ({
      kind: 'escalation-step' as const,
      subject: alert.id,
      dueAt: step.at.toISOString(),
      level: step.level,
      repeat: step.repeat,
    }));
}

/**
 * The deadlines after an alert change: an alert that escalates and has no step yet (pending or
 * fired) gets its whole plan, persisted before any timer is armed; one that no longer escalates
 * (acknowledged here or at its source, silenced, resolved, or gone once its source answered)
 * loses every step at once. An alert whose steps exist keeps them as they are, so a restart
 * neither plans a sent step again nor loses a pending one. Other kinds are left alone.
 * @param deadlines - every deadline
 * @param input - the alerts now, settings, time and schedules
 * @returns the new list, or the same array when nothing changed
 */
export function reconcileEscalationSteps(
  deadlines: readonly Deadline[],
  input: EscalationStepsInput,
): readonly Deadline[] {
  const byId = new Map(input.alerts.map((alert) => [alert.id, alert]));
  const planned = new Set<string>();
  let changed = false;
  const kept = deadlines.filter((d) => {
    if (d.kind !== 'escalation-step') return true;
    const alert = byId.get(d.subject);
    const keep = alert ? isEscalating(alert) : !input.answered(d.subject);
    if (keep) planned.add(d.subject);
    else changed = true;
    return keep;
  });
  for (const alert of input.alerts) {
    if (!isEscalating(alert) || planned.has(alert.id)) continue;
    const steps = escalationStepInputs(alert, input);
    if (steps.length === 0) continue;
    kept.push(...steps.map(makeDeadline));
    changed = true;
  }
  return changed ? kept : deadlines;
}

/**
 * A snooze of an alert's escalation: each of its pending steps moves on by the snooze's length,
 * so it resumes where it stopped (as the planner's pauses do). Steps already fired stay.
 * @param deadlines - every deadline
 * @param alertId - the alert
 * @param ms - the snooze's length
 * @returns the new list, and how many steps moved
 */
export function shiftEscalationSteps(
  deadlines: readonly Deadline[],
  alertId: string,
  ms: number,
): { deadlines: Deadline[]; moved: number } {
  let moved = 0;
  const next = deadlines.map((d) => {
    if (d.kind !== 'escalation-step' || d.subject !== alertId || d.firedAt !== undefined) return d;
    moved += 1;
    return makeDeadline({
      kind: d.kind,
      subject: d.subject,
      dueAt: new Date(Date.parse(d.dueAt) + ms).toISOString(),
      ...(d.level !== undefined && { level: d.level }),
      ...(d.repeat !== undefined && { repeat: d.repeat }),
    });
  });
  return { deadlines: next, moved };
}
