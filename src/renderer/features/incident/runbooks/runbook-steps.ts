import type { RunbookStep } from '../../../../shared/domain/runbook';
import type { RunbookStepDone } from '../../../../shared/incident/schema';

/**
 * The ticks of one runbook on this incident, by step id.
 * @param done - the incident's ticked runbook steps (all runbooks)
 * @param runbookId - the runbook
 */
export function stepTicks(
  done: readonly RunbookStepDone[],
  runbookId: string,
): ReadonlyMap<string, RunbookStepDone> {
  return new Map(done.filter((d) => d.runbookId === runbookId).map((d) => [d.stepId, d]));
}

/**
 * How far the incident got through a runbook: `2 of 5 steps done`, `no steps`. Ticks of steps
 * the file no longer has (edited since) are not counted.
 * @param steps - the runbook's steps, or just how many there are
 * @param ticks - the incident's ticks of this runbook
 */
export function stepProgressText(
  steps: readonly Pick<RunbookStep, 'id'>[] | number,
  ticks: ReadonlyMap<string, RunbookStepDone>,
): string {
  const total = typeof steps === 'number' ? steps : steps.length;
  if (total === 0) return 'no steps';
  const done =
    typeof steps === 'number'
      ? Math.min(ticks.size, total)
      : steps.filter((step) => ticks.has(step.id)).length;
  return done === total
    ? `all ${total} ${total === 1 ? 'step' : 'steps'} done`
    : `${done} of ${total} ${total === 1 ? 'step' : 'steps'} done`;
}

/**
 * The steps by the line their list item starts on in the body: how the rendered Markdown finds
 * the step a list item is (both come from the same Markdown parser, so lines agree).
 * @param steps - the runbook's steps
 */
export function stepsByLine(steps: readonly RunbookStep[]): ReadonlyMap<number, RunbookStep> {
  return new Map(steps.map((step) => [step.line, step]));
}
