import { describe, expect, it } from 'vitest';
import { describePolicy, minutesText } from '../../../../src/shared/escalation/policy-description';
import type { EscalationPolicy } from '../../../../src/shared/escalation/policy-schema';
import { defaultEscalationSettings } from '../../../../src/shared/escalation/policy-settings';

const names = {
  people: [{ id: 'ana', name: 'Ana Lima' }],
  channels: [{ id: 'incident', name: '#incident channel' }],
};

describe('describePolicy', () => {
  it('says when each level is paged, counting from the announcement, and how it repeats', () => {
    const policy: Pick<EscalationPolicy, 'levels' | 'repeat'> = {
      repeat: 2,
      levels: [
        { delayMinutes: 5, targets: [{ kind: 'me' }] },
        { delayMinutes: 5, targets: [{ kind: 'schedule', id: 'secondary' }] },
        { delayMinutes: 10, targets: [{ kind: 'channel', id: 'incident' }] },
      ],
    };
    expect(describePolicy(policy, names).join(' ')).toBe(
      'At once: page me. After 5 min: page whoever is on call in schedule secondary. ' +
        'After 10 min: tell #incident channel. ' +
        'After 20 min still unacknowledged: start again from the top, 2 more times.',
    );
  });

  it('names people, joins several targets of one level, and says when nothing repeats', () => {
    const policy = {
      repeat: 0,
      levels: [
        { delayMinutes: 0, targets: [{ kind: 'me' as const }] },
        {
          delayMinutes: 90,
          targets: [
            { kind: 'person' as const, id: 'ana' },
            { kind: 'channel' as const, id: 'incident' },
            { kind: 'me' as const },
          ],
        },
      ],
    };
    expect(describePolicy(policy, names)).toEqual([
      'At once: page me.',
      'At once: page Ana Lima, tell #incident channel and page me.',
      'No more levels after that.',
    ]);
  });

  it('says plainly when a target is unknown, a level is empty, or there are no levels', () => {
    const policy = {
      repeat: 1,
      levels: [
        { delayMinutes: 60, targets: [{ kind: 'person' as const, id: 'zoe' }] },
        { delayMinutes: 30, targets: [] },
      ],
    };
    expect(describePolicy(policy, names)).toEqual([
      'At once: page person "zoe" (not among the people).',
      'After 1 h: nobody (this level has no targets).',
      'After 1 h 30 min still unacknowledged: start again from the top, once more.',
    ]);
    expect(
      describePolicy(
        { repeat: 0, levels: [{ delayMinutes: 5, targets: [{ kind: 'channel', id: '' }] }] },
        names,
      )[0],
    ).toBe('At once: page a channel not picked yet.');
    expect(describePolicy({ repeat: 0, levels: [] }, names)).toEqual([
      'Pages nobody: the policy has no levels.',
    ]);
  });

  it("reads the product's SEV1 policy", () => {
    const escalation = defaultEscalationSettings();
    const sev1 = escalation.policies.find((p) => p.id === 'sev1')!;
    expect(describePolicy(sev1, escalation)[0]).toBe('At once: page me and tell Incident channel.');
  });
});

describe('minutesText', () => {
  it('says minutes, hours, or both', () => {
    expect(minutesText(0)).toBe('0 min');
    expect(minutesText(45)).toBe('45 min');
    expect(minutesText(120)).toBe('2 h');
    expect(minutesText(61.5)).toBe('1 h 1.5 min');
  });
});
