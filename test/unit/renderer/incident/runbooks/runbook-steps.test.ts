import { describe, expect, it } from 'vitest';
import {
  stepProgressText,
  stepsByLine,
  stepTicks,
} from '../../../../../src/renderer/features/incident/runbooks/runbook-steps';
import type { RunbookStep } from '../../../../../src/shared/domain/runbook';
import { incidentAfter } from '../incident-snapshot';

const step = (id: string, line: number): RunbookStep => ({
  id,
  text: `step ${id}`,
  kind: 'numbered',
  checkedInFile: false,
  line,
});

describe('runbook steps on an incident', () => {
  const incident = incidentAfter([
    {
      minutes: 2,
      op: { type: 'runbook-step.tick', args: { runbookId: 'db/pool.md', stepId: 'a' } },
      actor: 'bob',
    },
    {
      minutes: 3,
      op: { type: 'runbook-step.tick', args: { runbookId: 'other.md', stepId: 'a' } },
    },
  ]);

  it('knows who ticked which step of which runbook, and when', () => {
    const ticks = stepTicks(incident.runbookSteps, 'db/pool.md');
    expect([...ticks.keys()]).toEqual(['a']);
    expect(ticks.get('a')).toMatchObject({ by: 'bob', at: '2025-03-04T14:32:00.000Z' });
  });

  it('counts progress over the steps the file has now', () => {
    const ticks = stepTicks(incident.runbookSteps, 'db/pool.md');
    expect(stepProgressText([step('a', 3), step('b', 4), step('c', 5)], ticks)).toBe(
      '1 of 3 steps done',
    );
    // A tick of a step the file no longer has does not count.
    expect(stepProgressText([step('b', 4)], ticks)).toBe('0 of 1 step done');
    expect(stepProgressText([step('a', 3)], ticks)).toBe('all 1 step done');
    expect(stepProgressText(0, ticks)).toBe('no steps');
  });

  it('finds a step by the line its list item starts on', () => {
    const byLine = stepsByLine([step('a', 3), step('b', 7)]);
    expect(byLine.get(7)?.id).toBe('b');
    expect(byLine.get(4)).toBeUndefined();
  });
});
