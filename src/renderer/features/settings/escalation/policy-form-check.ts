import { SEVERITIES } from '../../../../shared/domain/severity';
import { MAX_POLICY_REPEATS } from '../../../../shared/escalation/policy-schema';
import {
  escalationSettingsSchema,
  type EscalationSettings,
} from '../../../../shared/escalation/policy-settings';
import {
  escalationIssues,
  policyTargetIssues,
  type EscalationIssue,
} from '../../../../shared/escalation/policy-validation';
import { channelReference, channelsToSave } from './channel-draft';
import { personReference } from './person-draft';
import { parseLabelMatch } from './label-match-text';
import type { PolicyFormDraft, PolicyPick } from './policy-form-draft';

/** Where the form puts each reason: by field (a path such as `policies.0.levels.1.delayMinutes`), or in the list below the form when no field shows it. */
export interface PolicyFormErrors {
  fields: Record<string, string>;
  other: string[];
}

/** The draft checked: the block to save, or every reason it cannot be, at its field. */
export type PolicyFormCheck =
  { ok: true; escalation: EscalationSettings } | { ok: false; errors: PolicyFormErrors };

const SCHEDULE_ID_MISSING = 'type the id of an on-call schedule';

/**
 * The paths the form has a field for, in a draft of this shape: a reason whose path is not
 * among them (nor under one) is listed below the form with its path.
 * @param draft - the draft
 */
export function fieldPaths(draft: PolicyFormDraft): Set<string> {
  const paths = new Set<string>(['defaultPolicy']);
  draft.people.forEach((_, h) => {
    for (const field of ['id', 'name', 'channel']) paths.add(`people.${h}.${field}`);
  });
  draft.channels.forEach((_, c) => {
    for (const field of ['kind', 'id', 'name', 'eventsUrl']) paths.add(`channels.${c}.${field}`);
  });
  draft.policies.forEach((policy, p) => {
    for (const field of ['id', 'name', 'repeat', 'levels']) paths.add(`policies.${p}.${field}`);
    policy.levels.forEach((level, l) => {
      const at = `policies.${p}.levels.${l}`;
      paths.add(`${at}.delayMinutes`).add(`${at}.targets`);
      level.targets.forEach((_, t) => {
        paths.add(`${at}.targets.${t}.kind`).add(`${at}.targets.${t}.id`);
      });
    });
  });
  draft.rules.forEach((_, r) => {
    for (const field of ['severities', 'sources', 'labels', 'policy']) {
      paths.add(`rules.${r}.${field}`);
    }
  });
  return paths;
}

/**
 * Put each reason at the field it is about: the longest prefix of its path that the form shows
 * (a label's own path lands on the rule's label field); the rest go in the list with their path.
 * A field with a reason of its own from the form keeps only that one.
 * @param issues - reasons with zod-style paths
 * @param draft - the draft the paths index into
 * @param own - reasons the form found itself, by field
 */
export function placeIssues(
  issues: readonly EscalationIssue[],
  draft: PolicyFormDraft,
  own: Record<string, string> = {},
): PolicyFormErrors {
  const paths = fieldPaths(draft);
  const fields: Record<string, string> = { ...own };
  const other: string[] = [];
  // The schema and the form's own check can both find the same thing: say it once.
  const placed: Record<string, string[]> = {};
  for (const issue of issues) {
    const parts = issue.path.map(String);
    let field: string | undefined;
    for (let n = parts.length; n > 0 && field === undefined; n--) {
      const candidate = parts.slice(0, n).join('.');
      if (paths.has(candidate)) field = candidate;
    }
    if (field === undefined) {
      const line = `${parts.length > 0 ? parts.join('.') : '(escalation)'}: ${issue.message}`;
      if (!other.includes(line)) other.push(line);
    } else if (!(field in own)) {
      const said = (placed[field] ??= []);
      if (!said.includes(issue.message)) said.push(issue.message);
    }
  }
  for (const [field, messages] of Object.entries(placed)) fields[field] = messages.join('; ');
  return { fields, other };
}

function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * Check the form as main checks the block (the schema and its cross-references: no levels, a
 * negative delay, an unknown person or channel, duplicate ids, a bad Events URL), plus what only
 * the form refuses (a blank name or pick, a target paged twice in a level, an unknown schedule
 * when schedules are known, a reference to a channel whose id is not usable yet), and build the
 * block to save.
 * @param draft - the form
 * @param scheduleIds - the on-call schedules that exist, or undefined when none are set up
 */
export function checkPolicyForm(
  draft: PolicyFormDraft,
  scheduleIds: readonly string[] | undefined,
): PolicyFormCheck {
  const own: Record<string, string> = {};
  const idOf = (pick: PolicyPick, field: string): string | null => {
    if (pick.kind === 'nobody') return null;
    const policy =
      pick.kind === 'policy' ? draft.policies.find((p) => p.key === pick.key) : undefined;
    if (!policy) {
      own[field] = 'pick a policy, or Nobody';
      return '';
    }
    return policy.id;
  };

  const policies = draft.policies.map((policy, p) => {
    if (policy.name.trim() === '') own[`policies.${p}.name`] = 'give the policy a name';
    const repeat = numberOf(policy.repeat);
    if (!Number.isInteger(repeat) || repeat < 0 || repeat > MAX_POLICY_REPEATS) {
      own[`policies.${p}.repeat`] = `must be a whole number from 0 to ${MAX_POLICY_REPEATS}`;
    }
    return {
      id: policy.id.trim(),
      name: policy.name.trim(),
      repeat,
      levels: policy.levels.map((level, l) => ({
        delayMinutes: numberOf(level.delay),
        targets: level.targets.map((target, t) => {
          if (target.kind === 'me') return { kind: 'me' as const };
          if (target.kind === 'channel') {
            const channel = channelReference(draft, target.id);
            if (channel.ok) return { kind: 'channel' as const, id: channel.id };
            own[`policies.${p}.levels.${l}.targets.${t}.id`] = channel.message;
            return { kind: 'channel' as const, id: '' };
          }
          if (target.kind === 'person') {
            const person = personReference(draft, target.id);
            if (person.ok) return { kind: 'person' as const, id: person.id };
            own[`policies.${p}.levels.${l}.targets.${t}.id`] = person.message;
            return { kind: 'person' as const, id: '' };
          }
          if (target.id.trim() === '') {
            own[`policies.${p}.levels.${l}.targets.${t}.id`] = SCHEDULE_ID_MISSING;
          }
          return { kind: target.kind, id: target.id.trim() };
        }),
      })),
    };
  });

  const rules = draft.rules.map((rule, r) => {
    const labels = parseLabelMatch(rule.labels);
    if (!labels.ok) own[`rules.${r}.labels`] = labels.error;
    const sources = rule.sources
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    return {
      ...(rule.severities.length > 0
        ? { severities: SEVERITIES.filter((s) => rule.severities.includes(s)) }
        : {}),
      ...(sources.length > 0 ? { sources } : {}),
      ...(labels.ok && labels.match ? { labels: labels.match } : {}),
      policy: idOf(rule.policy, `rules.${r}.policy`),
    };
  });

  const people = draft.people.map((person, h) => {
    if (person.name.trim() === '') own[`people.${h}.name`] = 'give their name as teammates know it';
    let channel: string | undefined;
    if (person.channel !== '') {
      const reference = channelReference(draft, person.channel);
      if (reference.ok) channel = reference.id;
      else own[`people.${h}.channel`] = reference.message;
    }
    return {
      id: person.id.trim(),
      name: person.name.trim(),
      ...(channel === undefined ? {} : { channel }),
    };
  });

  draft.channels.forEach((channel, c) => {
    if (channel.name.trim() === '') own[`channels.${c}.name`] = 'give the channel a name';
  });
  const block = {
    people,
    channels: channelsToSave(draft.channels),
    policies,
    rules,
    defaultPolicy: idOf(draft.defaultPolicy, 'defaultPolicy'),
  };
  const parsed = escalationSettingsSchema.safeParse(block);
  const issues: EscalationIssue[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
        message: issue.message,
      }));
  // The schema checks references only once every shape is right; the form says everything at
  // once, so a responder does not fix one field per Save.
  if (!parsed.success) issues.push(...escalationIssues(block));
  issues.push(...policyTargetIssues(policies, scheduleIds));
  const errors = placeIssues(issues, draft, own);
  if (parsed.success && Object.keys(errors.fields).length === 0 && errors.other.length === 0) {
    return { ok: true, escalation: parsed.data };
  }
  return { ok: false, errors };
}
