import type { Severity } from '../../../../shared/domain/severity';
import type {
  EscalationPerson,
  EscalationTarget,
  OutboundChannelKind,
} from '../../../../shared/escalation/policy-schema';
import type { EscalationSettings } from '../../../../shared/escalation/policy-settings';
import { channelRemoveRefusal, newChannel, type ChannelDraft } from './channel-draft';
import { labelMatchText } from './label-match-text';
import { personRemoveRefusal } from './person-draft';

/** Who a target is. */
export type TargetKind = EscalationTarget['kind'];

/**
 * One target of a level as edited: `id` is a schedule's id, a person's or a channel's draft key
 * (see {@link ChannelDraft}: the level follows them while their id is retyped), and unused for
 * `me`.
 */
export interface TargetDraft {
  key: string;
  kind: TargetKind;
  id: string;
}

/** One level as edited; the delay as typed. */
export interface LevelDraft {
  key: string;
  delay: string;
  targets: TargetDraft[];
}

/** One policy as edited; the repeat count as typed. */
export interface PolicyDraft {
  key: string;
  id: string;
  name: string;
  repeat: string;
  levels: LevelDraft[];
}

/** A rule's or the default's choice: a policy by its draft key, nobody, or not chosen yet. */
export type PolicyPick = { kind: 'policy'; key: string } | { kind: 'nobody' } | { kind: 'unset' };

/** One rule as edited: no severities ticked means any severity. */
export interface RuleDraft {
  key: string;
  severities: Severity[];
  /** Source ids, comma-separated as typed. */
  sources: string;
  /** Label conditions, as {@link labelMatchText} writes them. */
  labels: string;
  policy: PolicyPick;
}

/** A person a level can page, as edited; `channel` is a channel's draft key, '' for none. */
export interface PersonDraft {
  key: string;
  id: string;
  name: string;
  channel: string;
}

/** The escalation section as edited. */
export interface PolicyFormDraft {
  people: PersonDraft[];
  channels: ChannelDraft[];
  policies: PolicyDraft[];
  rules: RuleDraft[];
  defaultPolicy: PolicyPick;
  /** The next number for keys of things added here. */
  nextKey: number;
}

function pickOf(id: string | null, policies: readonly PolicyDraft[]): PolicyPick {
  if (id === null) return { kind: 'nobody' };
  const policy = policies.find((p) => p.id === id);
  return policy ? { kind: 'policy', key: policy.key } : { kind: 'unset' };
}

/**
 * The form's draft of escalation settings.
 * @param escalation - a block that holds together (saved, or checked JSON)
 * @param savedChannelIds - the ids of the channels saved in the settings, when the block is not
 *   what is saved (JSON being edited); by default every channel of the block is saved
 */
export function draftFromSettings(
  escalation: EscalationSettings,
  savedChannelIds?: readonly string[],
): PolicyFormDraft {
  let next = 0;
  const key = (prefix: string) => `${prefix}${next++}`;
  const channels = escalation.channels.map((channel): ChannelDraft => ({
    key: key('c'),
    kind: channel.kind,
    id: channel.id,
    name: channel.name,
    eventsUrl: channel.kind === 'pagerduty' ? channel.eventsUrl : '',
    saved: savedChannelIds?.includes(channel.id) ?? true,
  }));
  const people = escalation.people.map((person: EscalationPerson): PersonDraft => ({
    key: key('h'),
    id: person.id,
    name: person.name,
    channel: person.channel === undefined ? '' : channelKey(person.channel),
  }));
  // A block that holds together names only people and channels it has; '' (none picked) is the
  // fallback.
  function channelKey(id: string): string {
    return channels.find((c) => c.id === id)?.key ?? '';
  }
  const personKey = (id: string) => people.find((p) => p.id === id)?.key ?? '';
  const refersTo = (target: EscalationTarget): string => {
    switch (target.kind) {
      case 'me':
        return '';
      case 'channel':
        return channelKey(target.id);
      case 'person':
        return personKey(target.id);
      case 'schedule':
        return target.id;
    }
  };
  const policies = escalation.policies.map((policy): PolicyDraft => ({
    key: key('p'),
    id: policy.id,
    name: policy.name,
    repeat: String(policy.repeat),
    levels: policy.levels.map((level) => ({
      key: key('l'),
      delay: String(level.delayMinutes),
      targets: level.targets.map((target) => ({
        key: key('t'),
        kind: target.kind,
        id: refersTo(target),
      })),
    })),
  }));
  return {
    people,
    channels,
    policies,
    rules: escalation.rules.map((rule) => ({
      key: key('r'),
      severities: [...(rule.severities ?? [])],
      sources: (rule.sources ?? []).join(', '),
      labels: labelMatchText(rule.labels),
      policy: pickOf(rule.policy, policies),
    })),
    defaultPolicy: pickOf(escalation.defaultPolicy, policies),
    nextKey: next,
  };
}

/** Everything the form can do to its draft. */
export type PolicyFormAction =
  | { type: 'load'; draft: PolicyFormDraft }
  | { type: 'person-add' }
  | { type: 'person-remove'; person: string }
  | { type: 'person-field'; person: string; field: 'id' | 'name' | 'channel'; value: string }
  | { type: 'channel-add' }
  | { type: 'channel-remove'; channel: string }
  | { type: 'channel-field'; channel: string; field: 'id' | 'name' | 'eventsUrl'; value: string }
  | { type: 'channel-kind'; channel: string; kind: OutboundChannelKind }
  | { type: 'policy-add' }
  | { type: 'policy-remove'; policy: string }
  | { type: 'policy-field'; policy: string; field: 'id' | 'name' | 'repeat'; value: string }
  | { type: 'level-add'; policy: string }
  | { type: 'level-remove'; policy: string; level: string }
  | { type: 'level-move'; policy: string; level: string; by: -1 | 1 }
  | { type: 'level-delay'; policy: string; level: string; value: string }
  | { type: 'target-add'; policy: string; level: string }
  | { type: 'target-remove'; policy: string; level: string; target: string }
  | { type: 'target-move'; policy: string; level: string; target: string; by: -1 | 1 }
  | {
      type: 'target-set';
      policy: string;
      level: string;
      target: string;
      kind: TargetKind;
      id: string;
    }
  | { type: 'rule-add' }
  | { type: 'rule-remove'; rule: string }
  | { type: 'rule-move'; rule: string; by: -1 | 1 }
  | { type: 'rule-field'; rule: string; field: 'sources' | 'labels'; value: string }
  | { type: 'rule-severity'; rule: string; severity: Severity; on: boolean }
  | { type: 'rule-policy'; rule: string; pick: PolicyPick }
  | { type: 'default-policy'; pick: PolicyPick };

function moved<T extends { key: string }>(items: readonly T[], key: string, by: -1 | 1): T[] {
  const from = items.findIndex((item) => item.key === key);
  const to = from + by;
  if (from < 0 || to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item as T);
  return copy;
}

function freeId(draft: PolicyFormDraft): string {
  for (let n = draft.policies.length + 1; ; n++) {
    const id = `policy-${n}`;
    if (!draft.policies.some((p) => p.id === id)) return id;
  }
}

function mapPolicy(
  draft: PolicyFormDraft,
  key: string,
  change: (policy: PolicyDraft) => PolicyDraft,
): PolicyFormDraft {
  return {
    ...draft,
    policies: draft.policies.map((p) => (p.key === key ? change(p) : p)),
  };
}

function mapLevel(
  draft: PolicyFormDraft,
  policy: string,
  key: string,
  change: (level: LevelDraft) => LevelDraft,
): PolicyFormDraft {
  return mapPolicy(draft, policy, (p) => ({
    ...p,
    levels: p.levels.map((l) => (l.key === key ? change(l) : l)),
  }));
}

function mapRule(
  draft: PolicyFormDraft,
  key: string,
  change: (rule: RuleDraft) => RuleDraft,
): PolicyFormDraft {
  return { ...draft, rules: draft.rules.map((r) => (r.key === key ? change(r) : r)) };
}

// A rule or default pointing at a removed policy must be chosen again, not silently re-pointed.
function unsetIf(pick: PolicyPick, key: string): PolicyPick {
  return pick.kind === 'policy' && pick.key === key ? { kind: 'unset' } : pick;
}

function mapChannel(
  draft: PolicyFormDraft,
  key: string,
  change: (channel: ChannelDraft) => ChannelDraft,
): PolicyFormDraft {
  return { ...draft, channels: draft.channels.map((c) => (c.key === key ? change(c) : c)) };
}

/**
 * The form's reducer. Keys are stable while editing, so moving a level keeps its focus, rules
 * follow a policy whose id is being retyped, levels follow a person's, and levels and people
 * follow a channel's.
 * @param draft - the draft now
 * @param action - what the user did
 */
export function policyFormReducer(
  draft: PolicyFormDraft,
  action: PolicyFormAction,
): PolicyFormDraft {
  const key = (prefix: string) => `${prefix}${draft.nextKey}`;
  const bumped = { ...draft, nextKey: draft.nextKey + 1 };
  switch (action.type) {
    case 'load':
      return action.draft;
    case 'person-add':
      return {
        ...bumped,
        people: [...draft.people, { key: key('h'), id: '', name: '', channel: '' }],
      };
    case 'person-remove':
      // Removing someone a level pages would leave it paging nobody: the editor says why.
      if (personRemoveRefusal(draft, action.person) !== undefined) return draft;
      return { ...draft, people: draft.people.filter((p) => p.key !== action.person) };
    case 'person-field':
      return {
        ...draft,
        people: draft.people.map((p) =>
          p.key === action.person ? { ...p, [action.field]: action.value } : p,
        ),
      };
    case 'channel-add':
      return { ...bumped, channels: [...draft.channels, newChannel(draft, key('c'))] };
    case 'channel-remove':
      // Removing a channel something pages through would leave it pointing at nothing: the
      // editor says why (channelRemoveRefusal) and the draft stays as it is.
      if (channelRemoveRefusal(draft, action.channel) !== undefined) return draft;
      return { ...draft, channels: draft.channels.filter((c) => c.key !== action.channel) };
    case 'channel-field':
      return mapChannel(draft, action.channel, (c) =>
        // A saved channel's secret is stored under its id: the id stays as saved.
        action.field === 'id' && c.saved ? c : { ...c, [action.field]: action.value },
      );
    case 'channel-kind':
      return mapChannel(draft, action.channel, (c) => ({ ...c, kind: action.kind }));
    case 'policy-add':
      return {
        ...bumped,
        policies: [
          ...draft.policies,
          {
            key: key('p'),
            id: freeId(draft),
            name: '',
            repeat: '0',
            levels: [
              { key: key('l'), delay: '5', targets: [{ key: key('t'), kind: 'me', id: '' }] },
            ],
          },
        ],
      };
    case 'policy-remove':
      return {
        ...draft,
        policies: draft.policies.filter((p) => p.key !== action.policy),
        rules: draft.rules.map((r) => ({ ...r, policy: unsetIf(r.policy, action.policy) })),
        defaultPolicy: unsetIf(draft.defaultPolicy, action.policy),
      };
    case 'policy-field':
      return mapPolicy(draft, action.policy, (p) => ({ ...p, [action.field]: action.value }));
    case 'level-add':
      return mapPolicy(bumped, action.policy, (p) => ({
        ...p,
        levels: [...p.levels, { key: key('l'), delay: '5', targets: [] }],
      }));
    case 'level-remove':
      return mapPolicy(draft, action.policy, (p) => ({
        ...p,
        levels: p.levels.filter((l) => l.key !== action.level),
      }));
    case 'level-move':
      return mapPolicy(draft, action.policy, (p) => ({
        ...p,
        levels: moved(p.levels, action.level, action.by),
      }));
    case 'level-delay':
      return mapLevel(draft, action.policy, action.level, (l) => ({ ...l, delay: action.value }));
    case 'target-add':
      return mapLevel(bumped, action.policy, action.level, (l) => ({
        ...l,
        targets: [
          ...l.targets,
          // "me" is most often already there: a new target starts as whoever is on call.
          {
            key: key('t'),
            kind: l.targets.some((t) => t.kind === 'me') ? 'schedule' : 'me',
            id: '',
          },
        ],
      }));
    case 'target-remove':
      return mapLevel(draft, action.policy, action.level, (l) => ({
        ...l,
        targets: l.targets.filter((t) => t.key !== action.target),
      }));
    case 'target-move':
      return mapLevel(draft, action.policy, action.level, (l) => ({
        ...l,
        targets: moved(l.targets, action.target, action.by),
      }));
    case 'target-set':
      return mapLevel(draft, action.policy, action.level, (l) => ({
        ...l,
        targets: l.targets.map((t) =>
          t.key === action.target ? { ...t, kind: action.kind, id: action.id } : t,
        ),
      }));
    case 'rule-add': {
      const first = draft.policies[0];
      return {
        ...bumped,
        rules: [
          ...draft.rules,
          {
            key: key('r'),
            severities: [],
            sources: '',
            labels: '',
            policy: first ? { kind: 'policy', key: first.key } : { kind: 'nobody' },
          },
        ],
      };
    }
    case 'rule-remove':
      return { ...draft, rules: draft.rules.filter((r) => r.key !== action.rule) };
    case 'rule-move':
      return { ...draft, rules: moved(draft.rules, action.rule, action.by) };
    case 'rule-field':
      return mapRule(draft, action.rule, (r) => ({ ...r, [action.field]: action.value }));
    case 'rule-severity':
      return mapRule(draft, action.rule, (r) => ({
        ...r,
        severities: action.on
          ? [...r.severities.filter((s) => s !== action.severity), action.severity]
          : r.severities.filter((s) => s !== action.severity),
      }));
    case 'rule-policy':
      return mapRule(draft, action.rule, (r) => ({ ...r, policy: action.pick }));
    case 'default-policy':
      return { ...draft, defaultPolicy: action.pick };
  }
}
