import { describe, expect, it } from 'vitest';
import { checkPolicyForm } from '../../../../../src/renderer/features/settings/escalation/policy-form-check';
import {
  draftFromSettings,
  policyFormReducer,
  type PolicyFormAction,
  type PolicyFormDraft,
} from '../../../../../src/renderer/features/settings/escalation/policy-form-draft';
import { personRemoveRefusal } from '../../../../../src/renderer/features/settings/escalation/person-draft';
import { defaultEscalationSettings } from '../../../../../src/shared/escalation/policy-settings';

const start = () => draftFromSettings(defaultEscalationSettings());
const run = (draft: PolicyFormDraft, ...actions: PolicyFormAction[]) =>
  actions.reduce(policyFormReducer, draft);

/** A target added to the first policy's level `l`, paging the person of draft key `person`. */
function pagePerson(draft: PolicyFormDraft, l: number, person: string) {
  const policy = draft.policies[0]!.key;
  const level = draft.policies[0]!.levels[l]!.key;
  const added = run(draft, { type: 'target-add', policy, level });
  const target = added.policies[0]!.levels[l]!.targets.at(-1)!.key;
  return {
    target,
    draft: run(added, { type: 'target-set', policy, level, target, kind: 'person', id: person }),
  };
}

describe('the policy form', () => {
  it("saves the product's defaults unchanged", () => {
    expect(checkPolicyForm(start(), undefined)).toEqual({
      ok: true,
      escalation: defaultEscalationSettings(),
    });
  });

  it('builds a new policy with levels and targets, reorders them, and rules follow its id', () => {
    let draft = run(start(), { type: 'policy-add' });
    const policy = draft.policies[2]!;
    draft = run(
      draft,
      { type: 'policy-field', policy: policy.key, field: 'name', value: 'Database' },
      { type: 'policy-field', policy: policy.key, field: 'repeat', value: '2' },
      { type: 'level-add', policy: policy.key },
    );
    const second = draft.policies[2]!.levels[1]!;
    draft = run(
      draft,
      { type: 'level-delay', policy: policy.key, level: second.key, value: '10' },
      { type: 'target-add', policy: policy.key, level: second.key },
    );
    const target = draft.policies[2]!.levels[1]!.targets[0]!;
    draft = run(
      draft,
      {
        type: 'target-set',
        policy: policy.key,
        level: second.key,
        target: target.key,
        kind: 'channel',
        // Channels are picked by draft key, so a target follows a channel's retyped id.
        id: draft.channels[0]!.key,
      },
      { type: 'level-move', policy: policy.key, level: second.key, by: -1 },
      { type: 'rule-add' },
    );
    const rule = draft.rules[2]!;
    draft = run(
      draft,
      { type: 'rule-severity', rule: rule.key, severity: 'sev2', on: true },
      {
        type: 'rule-field',
        rule: rule.key,
        field: 'labels',
        value: 'service=db, env=prod|staging',
      },
      { type: 'rule-policy', rule: rule.key, pick: { kind: 'policy', key: policy.key } },
      { type: 'policy-field', policy: policy.key, field: 'id', value: 'db' },
    );
    const checked = checkPolicyForm(draft, undefined);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.escalation.policies[2]).toEqual({
      id: 'db',
      name: 'Database',
      repeat: 2,
      levels: [
        { delayMinutes: 10, targets: [{ kind: 'channel', id: 'incident' }] },
        { delayMinutes: 5, targets: [{ kind: 'me' }] },
      ],
    });
    expect(checked.escalation.rules[2]).toEqual({
      severities: ['sev2'],
      labels: { service: 'db', env: ['prod', 'staging'] },
      policy: 'db',
    });
  });

  it('puts each reason at the field that is wrong', () => {
    let draft = start();
    const [first, second] = draft.policies;
    const level = first!.levels[0]!;
    draft = run(
      draft,
      { type: 'level-delay', policy: first!.key, level: level.key, value: '-5' },
      { type: 'target-add', policy: first!.key, level: level.key },
      { type: 'policy-field', policy: second!.key, field: 'id', value: 'default' },
      { type: 'policy-field', policy: second!.key, field: 'repeat', value: 'lots' },
    );
    const added = draft.policies[0]!.levels[0]!.targets[1]!;
    draft = run(
      draft,
      {
        type: 'target-set',
        policy: first!.key,
        level: level.key,
        target: added.key,
        kind: 'person',
        // A person is picked by draft key: one no longer in the draft is none picked.
        id: 'h-gone',
      },
      { type: 'policy-add' },
    );
    const third = draft.policies[2]!;
    draft = run(draft, { type: 'level-remove', policy: third.key, level: third.levels[0]!.key });
    draft = run(draft, { type: 'policy-field', policy: third.key, field: 'name', value: 'Empty' });
    const checked = checkPolicyForm(draft, undefined);
    expect(checked).toEqual({
      ok: false,
      errors: {
        fields: {
          'policies.0.levels.0.delayMinutes': 'cannot be negative: 0 pages the next level at once',
          'policies.0.levels.0.targets.1.id': 'pick a person',
          'policies.1.id': 'duplicate policy id "default"; each policy needs its own id',
          'policies.1.repeat': 'must be a whole number from 0 to 10',
          'policies.2.levels': 'a policy needs at least one level',
        },
        other: [],
      },
    });
  });

  it('refuses blank picks, an unknown schedule once schedules exist, and a bad label line', () => {
    let draft = start();
    const policy = draft.policies[0]!;
    const level = policy.levels[1]!;
    draft = run(
      draft,
      {
        type: 'target-set',
        policy: policy.key,
        level: level.key,
        target: level.targets[0]!.key,
        kind: 'channel',
        id: '',
      },
      { type: 'rule-field', rule: draft.rules[0]!.key, field: 'labels', value: 'service' },
      { type: 'policy-remove', policy: draft.policies[1]!.key },
    );
    const checked = checkPolicyForm(draft, ['secondary', 'primary']);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toEqual({
      'policies.0.levels.1.targets.0.id': 'pick a channel',
      'policies.0.levels.2.targets.0.id':
        'level 3 of policy "Me, then secondary, then manager" pages schedule "manager", which does not exist, so nobody would be paged; add that schedule or pick another',
      'rules.0.labels':
        '"service" is not label=value; write service=checkout, env=prod|staging or team=~db-.*',
      // The SEV1 rule's policy was removed: it must be chosen again, not silently re-pointed.
      'rules.0.policy': 'pick a policy, or Nobody',
    });
  });

  it('says a reason found by both the schema and the form once', () => {
    let draft = run(start(), { type: 'policy-add' });
    const added = draft.policies[2]!;
    draft = run(
      draft,
      { type: 'policy-field', policy: added.key, field: 'name', value: 'Nights' },
      { type: 'policy-field', policy: added.key, field: 'id', value: 'default' },
    );
    const checked = checkPolicyForm(draft, undefined);
    expect(checked).toEqual({
      ok: false,
      errors: {
        fields: { 'policies.2.id': 'duplicate policy id "default"; each policy needs its own id' },
        other: [],
      },
    });
  });

  it('adds a person a level can page, and refuses one without a name', () => {
    let draft = run(start(), { type: 'person-add' });
    const person = draft.people[0]!;
    const policy = draft.policies[0]!;
    const level = policy.levels[0]!;
    draft = run(
      draft,
      { type: 'person-field', person: person.key, field: 'id', value: 'ana' },
      { type: 'target-add', policy: policy.key, level: level.key },
    );
    const target = draft.policies[0]!.levels[0]!.targets[1]!;
    draft = run(draft, {
      type: 'target-set',
      policy: policy.key,
      level: level.key,
      target: target.key,
      kind: 'person',
      id: person.key,
    });
    expect(checkPolicyForm(draft, undefined)).toEqual({
      ok: false,
      errors: { fields: { 'people.0.name': 'give their name as teammates know it' }, other: [] },
    });
    draft = run(
      draft,
      { type: 'person-field', person: person.key, field: 'name', value: 'Ana Lima' },
      { type: 'person-field', person: person.key, field: 'channel', value: draft.channels[0]!.key },
    );
    const checked = checkPolicyForm(draft, undefined);
    expect(checked.ok && checked.escalation.people).toEqual([
      { id: 'ana', name: 'Ana Lima', channel: 'incident' },
    ]);
    expect(checked.ok && checked.escalation.policies[0]!.levels[0]!.targets).toEqual([
      { kind: 'me' },
      { kind: 'person', id: 'ana' },
    ]);
  });

  it('follows a person whose id is retyped into the levels that page them, and keeps them while it does', () => {
    let draft = run(start(), { type: 'person-add' });
    const person = draft.people[0]!.key;
    draft = run(
      draft,
      { type: 'person-field', person, field: 'id', value: 'ana' },
      { type: 'person-field', person, field: 'name', value: 'Ana Lima' },
    );
    // Half-way through retyping, the id is no id at all: the level says where to fix it.
    draft = run(pagePerson(draft, 0, person).draft, {
      type: 'person-field',
      person,
      field: 'id',
      value: '',
    });
    expect(checkPolicyForm(draft, undefined)).toMatchObject({
      ok: false,
      errors: {
        fields: {
          'people.0.id': expect.any(String),
          'policies.0.levels.0.targets.1.id': 'Ana Lima has no usable id yet; fix it under People',
        },
      },
    });
    draft = run(draft, { type: 'person-field', person, field: 'id', value: 'ana-lima' });
    const checked = checkPolicyForm(draft, undefined);
    expect(checked.ok && checked.escalation.policies[0]!.levels[0]!.targets).toEqual([
      { kind: 'me' },
      { kind: 'person', id: 'ana-lima' },
    ]);
  });

  it('keeps a person a level pages until the level pages someone else', () => {
    let draft = run(
      draftFromSettings({
        ...defaultEscalationSettings(),
        people: [{ id: 'ana', name: 'Ana Lima' }],
      }),
    );
    const person = draft.people[0]!.key;
    const paged = pagePerson(draft, 1, person);
    draft = paged.draft;
    expect(personRemoveRefusal(draft, person)).toBe(
      'Ana Lima cannot be removed: level 2 of policy "Me, then secondary, then manager" pages them; pick someone else there first',
    );
    expect(run(draft, { type: 'person-remove', person }).people).toHaveLength(1);

    const [policy, level] = [draft.policies[0]!, draft.policies[0]!.levels[1]!];
    draft = run(draft, {
      type: 'target-remove',
      policy: policy.key,
      level: level.key,
      target: paged.target,
    });
    expect(personRemoveRefusal(draft, person)).toBeUndefined();
    expect(run(draft, { type: 'person-remove', person }).people).toEqual([]);
  });

  it('reads a saved level paging a person as that person, and saves it back unchanged', () => {
    const saved = defaultEscalationSettings();
    saved.people = [
      { id: 'ana', name: 'Ana Lima' },
      { id: 'ben', name: 'Ben Ortiz' },
    ];
    saved.policies[0]!.levels[1]!.targets = [{ kind: 'person', id: 'ben' }];
    const draft = draftFromSettings(saved);
    expect(draft.policies[0]!.levels[1]!.targets[0]!.id).toBe(draft.people[1]!.key);
    expect(checkPolicyForm(draft, undefined)).toEqual({ ok: true, escalation: saved });
  });
});
