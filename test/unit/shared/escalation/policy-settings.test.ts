import { describe, expect, it } from 'vitest';
import { describeIssues, settingsSchema } from '../../../../src/shared/domain/settings';
import {
  defaultEscalationSettings,
  escalationSettingsSchema,
} from '../../../../src/shared/escalation/policy-settings';

function refusal(input: unknown): string[] {
  const result = escalationSettingsSchema.safeParse(input);
  if (result.success) throw new Error('expected the escalation settings to be refused');
  return describeIssues(result.error);
}

const me = [{ kind: 'me' }];
const policy = (id: string, levels: unknown[] = [{ delayMinutes: 5, targets: me }]) => ({
  id,
  name: `Policy ${id}`,
  levels,
});

describe('escalation settings', () => {
  it('gives a settings file without `escalation` the product defaults', () => {
    const settings = settingsSchema.parse({});
    expect(settings.escalation).toEqual(defaultEscalationSettings());
    expect(settings.escalation.defaultPolicy).toBe('default');
    expect(settings.escalation.policies.map((p) => p.id)).toEqual(['default', 'sev1']);
    expect(settings.escalation.channels).toEqual([
      { kind: 'slack', id: 'incident', name: 'Incident channel' },
    ]);
  });

  it('holds no secret: a channel with a URL or routing key in it is refused', () => {
    expect(
      refusal({
        channels: [
          { kind: 'slack', id: 'c', name: 'C', url: 'https://hooks.slack.com/services/T/B/x' },
        ],
      }).join('\n'),
    ).toMatch(/channels\.0.*url/);
  });

  it('refuses a policy with no levels', () => {
    expect(refusal({ policies: [policy('p', [])], defaultPolicy: 'p', rules: [] })).toEqual([
      'policies.0.levels: a policy needs at least one level',
    ]);
  });

  it('refuses a negative delay, saying what 0 does', () => {
    expect(
      refusal({
        policies: [policy('p', [{ delayMinutes: -1, targets: me }])],
        defaultPolicy: 'p',
        rules: [],
      }),
    ).toEqual([
      'policies.0.levels.0.delayMinutes: cannot be negative: 0 pages the next level at once',
    ]);
  });

  it('refuses a level paging an unknown person or channel, naming them', () => {
    const issues = refusal({
      channels: [],
      rules: [],
      defaultPolicy: 'p',
      policies: [
        policy('p', [
          { delayMinutes: 5, targets: [{ kind: 'person', id: 'zoe' }] },
          { delayMinutes: 5, targets: [{ kind: 'channel', id: 'pager' }] },
        ]),
      ],
    });
    expect(issues).toEqual([
      'policies.0.levels.0.targets.0.id: level 1 of policy "Policy p" pages person "zoe", who is not among the people; add them or pick someone else',
      'policies.0.levels.1.targets.0.id: level 2 of policy "Policy p" pages channel "pager", which does not exist; add that channel or pick another',
    ]);
  });

  it('refuses duplicate ids of people, channels and policies', () => {
    const issues = refusal({
      people: [
        { id: 'bob', name: 'Bob' },
        { id: 'bob', name: 'Robert' },
      ],
      channels: [
        { kind: 'ntfy', id: 'n', name: 'N' },
        { kind: 'webhook', id: 'n', name: 'W' },
      ],
      policies: [policy('p'), policy('p')],
      defaultPolicy: 'p',
      rules: [],
    });
    expect(issues).toEqual([
      'people.1.id: duplicate person id "bob"; each person needs its own id',
      'channels.1.id: duplicate channel id "n"; each channel needs its own id',
      'policies.1.id: duplicate policy id "p"; each policy needs its own id',
    ]);
  });

  it('refuses a rule, a default or a person that names what does not exist', () => {
    const issues = refusal({
      people: [{ id: 'bob', name: 'Bob', channel: 'bobs-phone' }],
      channels: [],
      policies: [policy('p')],
      rules: [{ severities: ['sev1'], policy: 'gone' }],
      defaultPolicy: 'missing',
    });
    expect(issues).toEqual([
      'people.0.channel: Bob is reached through channel "bobs-phone", which does not exist; add that channel or pick another',
      'rules.0.policy: rule 1 picks policy "gone", which does not exist; pick an existing policy or none',
      'defaultPolicy: the default policy "missing" does not exist; pick an existing policy or none',
    ]);
  });

  it('refuses a label pattern the linear-time matcher cannot run', () => {
    const issues = refusal({ rules: [{ labels: { service: { regex: '(a)\\1' } }, policy: null }] });
    expect(issues.join('\n')).toMatch(/rules\.0\.labels\.service.*RE2/);
  });

  it('refuses repeating a policy more than 10 times', () => {
    expect(
      refusal({ policies: [{ ...policy('p'), repeat: 11 }], defaultPolicy: 'p', rules: [] }).join(),
    ).toMatch(/policies\.0\.repeat/);
  });

  it('makes the whole settings file unusable, with the reason, when the block does not hold', () => {
    const result = settingsSchema.safeParse({ escalation: { defaultPolicy: 'nope' } });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(describeIssues(result.error)).toEqual([
        'escalation.defaultPolicy: the default policy "nope" does not exist; pick an existing policy or none',
      ]);
    }
  });
});
