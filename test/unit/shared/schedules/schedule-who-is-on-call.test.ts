import { describe, expect, it } from 'vitest';
import { planEscalation } from '../../../../src/shared/escalation/policy-plan';
import type { EscalationPolicy } from '../../../../src/shared/escalation/policy-schema';
import { scheduleSchema } from '../../../../src/shared/schedules/schedule-schema';
import { scheduleWhoIsOnCall } from '../../../../src/shared/schedules/schedule-who-is-on-call';

const platform = scheduleSchema.parse({
  id: 'platform',
  name: 'Platform',
  timeZone: 'Europe/Berlin',
  layers: {
    primary: { kind: 'rotation', participants: ['Ana', 'Ben'], startDate: '2026-03-16' },
    secondary: { kind: 'rotation', participants: ['Ben', 'Ana'], startDate: '2026-03-16' },
  },
});
const people = [{ id: 'ana', name: 'Ana' }];
const who = scheduleWhoIsOnCall(
  () => [platform],
  () => people,
);

const policy: EscalationPolicy = {
  id: 'p',
  name: 'Me, then the schedule, then its secondary',
  repeat: 0,
  levels: [
    { delayMinutes: 5, targets: [{ kind: 'me' }] },
    { delayMinutes: 5, targets: [{ kind: 'schedule', id: 'platform' }] },
    { delayMinutes: 5, targets: [{ kind: 'schedule', id: 'platform-secondary' }] },
  ],
};

describe('scheduleWhoIsOnCall', () => {
  it('answers the primary for the schedule id and the secondary for <id>-secondary', () => {
    const at = new Date('2026-03-17T12:00Z');
    // Ana is an escalation person, so her id is answered and the outbound service finds her channel.
    expect(who('platform', at)).toEqual(['ana']);
    expect(who('platform-secondary', at)).toEqual(['Ben']);
    expect(who('unknown', at)).toEqual([]);
    expect(who('platform', new Date('2026-03-01T00:00Z'))).toEqual([]);
  });

  it('makes a policy level page whoever is on call when it is due', () => {
    const steps = planEscalation({
      policy,
      firingSince: new Date('2026-03-23T07:55Z'),
      whoIsOnCall: who,
    });
    // Level 2 is due at 08:05 UTC, after the 09:00 Berlin handoff: Ben is primary by then.
    expect(steps.map((s) => [s.level, s.targets, s.skipped])).toEqual([
      [1, [{ kind: 'me' }], undefined],
      [2, [{ kind: 'schedule', id: 'platform', people: ['Ben'] }], undefined],
      [3, [{ kind: 'schedule', id: 'platform-secondary', people: ['ana'] }], undefined],
    ]);
  });

  it('skips a schedule level at once when nobody is on call', () => {
    const steps = planEscalation({
      policy,
      firingSince: new Date('2026-03-01T10:00Z'),
      whoIsOnCall: who,
    });
    expect(steps.map((s) => [s.level, s.at.toISOString(), s.skipped])).toEqual([
      [1, '2026-03-01T10:00:00.000Z', undefined],
      [2, '2026-03-01T10:05:00.000Z', 'skipped: nobody is on call in schedule "platform"'],
      [
        3,
        '2026-03-01T10:05:00.000Z',
        'skipped: nobody is on call in schedule "platform-secondary"',
      ],
    ]);
  });
});
