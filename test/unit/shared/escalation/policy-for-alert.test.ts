import { describe, expect, it } from 'vitest';
import { planAlertEscalation } from '../../../../src/shared/escalation/policy-for-alert';
import type { WhoIsOnCall } from '../../../../src/shared/escalation/policy-plan';
import { defaultEscalationSettings } from '../../../../src/shared/escalation/policy-settings';
import { makeAlert } from '../make-alert';

const who: WhoIsOnCall = (id) => (id === 'secondary' ? ['bob'] : id === 'manager' ? ['carol'] : []);
const START = '2025-03-04T05:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(START) + minutes * 60_000).toISOString();

describe('planAlertEscalation', () => {
  it('plans a SEV1 with the default settings: the incident channel at once, then on', () => {
    const plan = planAlertEscalation(
      defaultEscalationSettings(),
      makeAlert('db', { severity: 'sev1' }),
      {
        whoIsOnCall: who,
      },
    );
    expect(plan.policy?.id).toBe('sev1');
    expect(
      plan.steps.map((s) => [s.level, s.at.toISOString(), s.targets.map((t) => t.kind)]),
    ).toEqual([
      [1, at(0), ['me', 'channel']],
      [2, at(5), ['schedule']],
      [3, at(10), ['schedule']],
    ]);
  });

  it('stops at an acknowledgement made at the source', () => {
    const alert = makeAlert('db', { ack: { by: 'bob', at: at(7), via: 'source' } });
    expect(
      planAlertEscalation(defaultEscalationSettings(), alert, { whoIsOnCall: who }).steps.map(
        (s) => s.level,
      ),
    ).toEqual([1, 2]);
  });

  it('says why a SEV4 gets no escalation', () => {
    const plan = planAlertEscalation(
      defaultEscalationSettings(),
      makeAlert('x', { severity: 'sev4' }),
      {
        whoIsOnCall: who,
      },
    );
    expect(plan).toEqual({ reason: 'rule 2 escalates to nobody', steps: [] });
  });
});
