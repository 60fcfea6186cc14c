import { describe, expect, it } from 'vitest';
import { deadlineId } from '../../../../src/shared/escalation/deadline';
import {
  reconcileEscalationSteps,
  shiftEscalationSteps,
  type EscalationStepsInput,
} from '../../../../src/shared/escalation/escalation-steps';
import { defaultEscalationSettings } from '../../../../src/shared/escalation/policy-settings';
import { makeAlert } from '../make-alert';

const START = Date.parse('2025-03-04T05:00:00.000Z');
const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();

function input(extra: Partial<EscalationStepsInput> = {}): EscalationStepsInput {
  return {
    alerts: [makeAlert('db', { severity: 'sev1' })],
    answered: () => true,
    escalation: defaultEscalationSettings(),
    now: new Date(START),
    whoIsOnCall: () => [],
    ...extra,
  };
}

describe('escalation step deadlines', () => {
  it('plans a firing alert once: every level, the skipped ones (nobody on call) at once', () => {
    const planned = reconcileEscalationSteps([], input());
    expect(planned.map((d) => [d.level, d.dueAt])).toEqual([
      [1, at(0)],
      [2, at(5)],
      [3, at(5)],
    ]);
    // Two levels due together are two deadlines.
    expect(new Set(planned.map((d) => d.id)).size).toBe(3);
    // Asked again later (a poll, a restart), the steps it has are kept as they are.
    const later = input({ now: new Date(START + 3 * 60_000) });
    expect(reconcileEscalationSteps(planned, later)).toBe(planned);
  });

  it('drops every step of an alert acknowledged or silenced at its source, or gone once its source answered', () => {
    const planned = reconcileEscalationSteps([], input());
    const acked = makeAlert('db', {
      severity: 'sev1',
      ack: { by: 'bob', at: at(1), via: 'source' },
    });
    expect(reconcileEscalationSteps(planned, input({ alerts: [acked] }))).toEqual([]);
    const silenced = makeAlert('db', { severity: 'sev1', status: 'suppressed' });
    expect(reconcileEscalationSteps(planned, input({ alerts: [silenced] }))).toEqual([]);
    expect(reconcileEscalationSteps(planned, input({ alerts: [] }))).toEqual([]);
    // Its source has not answered since start: its absence says nothing yet.
    expect(reconcileEscalationSteps(planned, input({ alerts: [], answered: () => false }))).toBe(
      planned,
    );
  });

  it('an alert first seen long after it started starts at the last level that pages someone', () => {
    // 30 min late: level 1 (me and the incident channel) is the last that reaches anyone.
    const late = reconcileEscalationSteps([], input({ now: new Date(START + 30 * 60_000) }));
    expect(late.map((d) => [d.level, d.dueAt])).toEqual([
      [1, at(0)],
      [2, at(5)],
      [3, at(5)],
    ]);
    // With a channel at level 2, 7 min late: level 1 (me) is not paged again after the fact.
    const escalation = defaultEscalationSettings();
    const sev1 = escalation.policies.find((p) => p.id === 'sev1');
    sev1!.levels[1]!.targets = [{ kind: 'channel', id: 'incident' }];
    const later = reconcileEscalationSteps(
      [],
      input({ escalation, now: new Date(START + 7 * 60_000) }),
    );
    expect(later.map((d) => [d.level, d.dueAt])).toEqual([
      [2, at(5)],
      [3, at(10)],
    ]);
  });

  it('gives an alert no rule escalates no steps', () => {
    const info = makeAlert('noise', { severity: 'sev4' });
    expect(reconcileEscalationSteps([], input({ alerts: [info] }))).toEqual([]);
  });

  it('a snooze moves only the pending steps on by its length', () => {
    const planned = reconcileEscalationSteps([], input()).map((d, i) =>
      i === 0 ? { ...d, firedAt: at(0) } : d,
    );
    const { deadlines, moved } = shiftEscalationSteps(planned, 'prod:db', 15 * 60_000);
    expect(moved).toBe(2);
    expect(deadlines.map((d) => d.dueAt)).toEqual([at(0), at(20), at(20)]);
    expect(deadlines[1]?.id).toBe(deadlineId({ ...planned[1]!, dueAt: at(20) }));
  });
});
