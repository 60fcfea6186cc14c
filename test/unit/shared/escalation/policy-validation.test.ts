import { describe, expect, it } from 'vitest';
import { policyTargetIssues } from '../../../../src/shared/escalation/policy-validation';

const policy = {
  name: 'Nights',
  levels: [
    { delayMinutes: 5, targets: [{ kind: 'me' as const }, { kind: 'me' as const }] },
    {
      delayMinutes: 5,
      targets: [
        { kind: 'schedule' as const, id: 'secondary' },
        { kind: 'schedule' as const, id: 'dba' },
        { kind: 'schedule' as const, id: 'dba' },
      ],
    },
  ],
};

describe('policyTargetIssues', () => {
  it('refuses a target paged twice in one level and a schedule that does not exist, at the field', () => {
    expect(policyTargetIssues([policy], ['secondary'])).toEqual([
      {
        path: ['policies', 0, 'levels', 0, 'targets', 1, 'kind'],
        message: 'level 1 of policy "Nights" pages me twice; remove one',
      },
      {
        path: ['policies', 0, 'levels', 1, 'targets', 1, 'id'],
        message:
          'level 2 of policy "Nights" pages schedule "dba", which does not exist, so nobody would be paged; add that schedule or pick another',
      },
      {
        path: ['policies', 0, 'levels', 1, 'targets', 2, 'id'],
        message: 'level 2 of policy "Nights" pages schedule "dba" twice; remove one',
      },
      {
        path: ['policies', 0, 'levels', 1, 'targets', 2, 'id'],
        message:
          'level 2 of policy "Nights" pages schedule "dba", which does not exist, so nobody would be paged; add that schedule or pick another',
      },
    ]);
  });

  it('leaves schedule ids alone when the schedules are not known', () => {
    expect(policyTargetIssues([policy], undefined).map((i) => i.message)).toEqual([
      'level 1 of policy "Nights" pages me twice; remove one',
      'level 2 of policy "Nights" pages schedule "dba" twice; remove one',
    ]);
  });
});
