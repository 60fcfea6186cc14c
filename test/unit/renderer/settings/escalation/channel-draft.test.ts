import { describe, expect, it } from 'vitest';
import {
  channelRemoveRefusal,
  channelUsers,
} from '../../../../../src/renderer/features/settings/escalation/channel-draft';
import {
  checkPolicyForm,
  placeIssues,
} from '../../../../../src/renderer/features/settings/escalation/policy-form-check';
import {
  draftFromSettings,
  policyFormReducer,
  type PolicyFormAction,
  type PolicyFormDraft,
} from '../../../../../src/renderer/features/settings/escalation/policy-form-draft';
import {
  defaultEscalationSettings,
  escalationSettingsSchema,
} from '../../../../../src/shared/escalation/policy-settings';

const start = () => draftFromSettings(defaultEscalationSettings());
const run = (draft: PolicyFormDraft, ...actions: PolicyFormAction[]) =>
  actions.reduce(policyFormReducer, draft);

/** Add a channel and fill it in; returns the draft and the new channel's key. */
function added(
  draft: PolicyFormDraft,
  fields: { name: string; id?: string; kind?: 'webhook' | 'slack' | 'ntfy' | 'pagerduty' },
): [PolicyFormDraft, string] {
  let next = run(draft, { type: 'channel-add' });
  const key = next.channels.at(-1)!.key;
  next = run(next, { type: 'channel-field', channel: key, field: 'name', value: fields.name });
  if (fields.id !== undefined) {
    next = run(next, { type: 'channel-field', channel: key, field: 'id', value: fields.id });
  }
  if (fields.kind !== undefined) {
    next = run(next, { type: 'channel-kind', channel: key, kind: fields.kind });
  }
  return [next, key];
}

/** A draft whose SEV1 policy pages "ops" at level 2 and whose person Ana is reached through it. */
function opsInUse(): [PolicyFormDraft, string] {
  const [first, ops] = added(start(), { name: 'Ops ntfy', id: 'ops', kind: 'ntfy' });
  let draft = first;
  const sev1 = draft.policies[1]!;
  const level = sev1.levels[1]!;
  draft = run(
    draft,
    {
      type: 'target-set',
      policy: sev1.key,
      level: level.key,
      target: level.targets[0]!.key,
      kind: 'channel',
      id: ops,
    },
    { type: 'person-add' },
  );
  const person = draft.people[0]!.key;
  draft = run(
    draft,
    { type: 'person-field', person, field: 'id', value: 'ana' },
    { type: 'person-field', person, field: 'name', value: 'Ana Lima' },
    { type: 'person-field', person, field: 'channel', value: ops },
  );
  return [draft, ops];
}

describe('the channels of the escalation form', () => {
  it('loads saved channels as saved, pointed at by key from levels and people', () => {
    const settings = escalationSettingsSchema.parse({
      people: [{ id: 'ana', name: 'Ana', channel: 'pd' }],
      channels: [
        { kind: 'slack', id: 'incident', name: 'Incident channel' },
        { kind: 'pagerduty', id: 'pd', name: 'Team PagerDuty' },
      ],
    });
    const draft = draftFromSettings(settings);
    const [incident, pd] = draft.channels;
    expect(pd).toMatchObject({
      kind: 'pagerduty',
      id: 'pd',
      eventsUrl: 'https://events.pagerduty.com/v2/enqueue',
      saved: true,
    });
    expect(draft.people[0]!.channel).toBe(pd!.key);
    expect(draft.policies[1]!.levels[0]!.targets[1]).toMatchObject({
      kind: 'channel',
      id: incident!.key,
    });
    // Back from JSON, a channel not among the saved ones is still new: its id stays editable.
    const fromJson = draftFromSettings(settings, ['incident']);
    expect(fromJson.channels.map((c) => c.saved)).toEqual([true, false]);
  });

  it('adds a channel of each kind and saves kind, id, name and, for PagerDuty only, the Events URL', () => {
    let draft = start();
    [draft] = added(draft, { name: 'Alert relay', id: 'relay', kind: 'webhook' });
    [draft] = added(draft, { name: 'Ops Slack', id: 'ops-slack' }); // Slack: a new one's kind
    [draft] = added(draft, { name: 'Phone', id: 'phone', kind: 'ntfy' });
    const [withPd, pd] = added(draft, { name: 'Team PagerDuty', id: 'pd', kind: 'pagerduty' });
    const [withEu, eu] = added(withPd, { name: 'EU PagerDuty', kind: 'pagerduty' });
    draft = withEu;
    draft = run(draft, {
      type: 'channel-field',
      channel: eu,
      field: 'eventsUrl',
      value: ' https://events.eu.pagerduty.com/v2/enqueue ',
    });
    // Blank means PagerDuty's own.
    draft = run(draft, { type: 'channel-field', channel: pd, field: 'eventsUrl', value: '' });
    const checked = checkPolicyForm(draft, undefined);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.escalation.channels).toEqual([
      { kind: 'slack', id: 'incident', name: 'Incident channel' },
      { kind: 'webhook', id: 'relay', name: 'Alert relay' },
      { kind: 'slack', id: 'ops-slack', name: 'Ops Slack' },
      { kind: 'ntfy', id: 'phone', name: 'Phone' },
      {
        kind: 'pagerduty',
        id: 'pd',
        name: 'Team PagerDuty',
        eventsUrl: 'https://events.pagerduty.com/v2/enqueue',
      },
      {
        kind: 'pagerduty',
        // A new channel gets a free id, editable until saved.
        id: 'channel-6',
        name: 'EU PagerDuty',
        eventsUrl: 'https://events.eu.pagerduty.com/v2/enqueue',
      },
    ]);
  });

  it('keeps a typed Events URL across kind changes but saves it only for PagerDuty', () => {
    const [first, key] = added(start(), { name: 'PD', id: 'pd', kind: 'pagerduty' });
    let draft = run(
      first,
      { type: 'channel-field', channel: key, field: 'eventsUrl', value: 'https://pd.example/e' },
      { type: 'channel-kind', channel: key, kind: 'webhook' },
    );
    let checked = checkPolicyForm(draft, undefined);
    expect(checked.ok && checked.escalation.channels[1]).toEqual({
      kind: 'webhook',
      id: 'pd',
      name: 'PD',
    });
    draft = run(draft, { type: 'channel-kind', channel: key, kind: 'pagerduty' });
    checked = checkPolicyForm(draft, undefined);
    expect(checked.ok && checked.escalation.channels[1]).toMatchObject({
      eventsUrl: 'https://pd.example/e',
    });
  });

  it('keeps levels and people on a new channel while its id is retyped, even through a clash', () => {
    const [first, ops] = opsInUse();
    let draft = first;
    for (const id of ['incident', 'incident-2', 'oncall-phone']) {
      // "incident" is the saved channel's id for a moment: the references do not merge with it.
      draft = run(draft, { type: 'channel-field', channel: ops, field: 'id', value: id });
    }
    const checked = checkPolicyForm(draft, undefined);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.escalation.people).toEqual([
      { id: 'ana', name: 'Ana Lima', channel: 'oncall-phone' },
    ]);
    expect(checked.escalation.policies[1]!.levels[0]!.targets).toEqual([
      { kind: 'me' },
      { kind: 'channel', id: 'incident' },
    ]);
    expect(checked.escalation.policies[1]!.levels[1]!.targets).toEqual([
      { kind: 'channel', id: 'oncall-phone' },
    ]);
  });

  it("does not change a saved channel's id, under which its secret is stored", () => {
    const draft = start();
    const incident = draft.channels[0]!;
    const next = run(
      draft,
      { type: 'channel-field', channel: incident.key, field: 'id', value: 'war-room' },
      { type: 'channel-field', channel: incident.key, field: 'name', value: 'War room' },
      { type: 'channel-kind', channel: incident.key, kind: 'webhook' },
    );
    expect(next.channels[0]).toMatchObject({ id: 'incident', name: 'War room', kind: 'webhook' });
  });

  it('refuses to remove a channel in use, naming who uses it, and removes it once unused', () => {
    const [first, ops] = opsInUse();
    let draft = first;
    expect(channelUsers(draft, ops)).toEqual([
      'level 2 of policy "SEV1: incident channel at once, then secondary, then manager"',
      'Ana Lima',
    ]);
    expect(channelRemoveRefusal(draft, ops)).toBe(
      'Ops ntfy cannot be removed: level 2 of policy "SEV1: incident channel at once, then secondary, then manager" and Ana Lima use it; pick another channel there first',
    );
    expect(run(draft, { type: 'channel-remove', channel: ops })).toBe(draft);

    const person = draft.people[0]!.key;
    draft = run(draft, { type: 'person-field', person, field: 'channel', value: '' });
    expect(channelRemoveRefusal(draft, ops)).toBe(
      'Ops ntfy cannot be removed: level 2 of policy "SEV1: incident channel at once, then secondary, then manager" uses it; pick another channel there first',
    );
    const sev1 = draft.policies[1]!;
    const level = sev1.levels[1]!;
    draft = run(draft, {
      type: 'target-set',
      policy: sev1.key,
      level: level.key,
      target: level.targets[0]!.key,
      kind: 'schedule',
      id: 'secondary',
    });
    expect(channelRemoveRefusal(draft, ops)).toBeUndefined();
    draft = run(draft, { type: 'channel-remove', channel: ops });
    expect(draft.channels.map((c) => c.id)).toEqual(['incident']);
    expect(checkPolicyForm(draft, undefined).ok).toBe(true);
  });

  it('puts each refusal at its channel field, and says so at a level paging a channel with no usable id', () => {
    const [inUse, ops] = opsInUse();
    const [withPd, pd] = added(inUse, { name: '', id: 'incident', kind: 'pagerduty' });
    const draft = run(
      withPd,
      { type: 'channel-field', channel: ops, field: 'id', value: 'ops phone' },
      { type: 'channel-field', channel: pd, field: 'eventsUrl', value: 'ftp://pd.example' },
    );
    const checked = checkPolicyForm(draft, undefined);
    expect(checked).toEqual({
      ok: false,
      errors: {
        fields: {
          'channels.1.id':
            'must be 1–64 letters, digits, "-" or "_" (it is how policies refer to it)',
          'channels.2.name': 'give the channel a name',
          'channels.2.id': 'duplicate channel id "incident"; each channel needs its own id',
          'channels.2.eventsUrl': 'must be an http:// or https:// URL',
          'people.0.channel': 'channel Ops ntfy has no usable id yet; fix it under Channels',
          'policies.1.levels.1.targets.0.id':
            'channel Ops ntfy has no usable id yet; fix it under Channels',
        },
        other: [],
      },
    });
  });

  it('asks for a channel at a level whose channel is not picked yet', () => {
    let draft = start();
    const policy = draft.policies[0]!;
    const level = policy.levels[0]!;
    draft = run(draft, {
      type: 'target-set',
      policy: policy.key,
      level: level.key,
      target: level.targets[0]!.key,
      kind: 'channel',
      id: '',
    });
    const checked = checkPolicyForm(draft, undefined);
    expect(!checked.ok && checked.errors.fields).toEqual({
      'policies.0.levels.0.targets.0.id': 'pick a channel',
    });
  });

  it("places main's reasons about a channel at that channel's field", () => {
    const [draft] = added(start(), { name: 'Relay', id: 'relay', kind: 'webhook' });
    expect(
      placeIssues([{ path: ['channels', 1, 'name'], message: 'too long' }], draft).fields,
    ).toEqual({ 'channels.1.name': 'too long' });
  });
});
