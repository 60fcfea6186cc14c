import type {
  EscalationPerson,
  EscalationPolicy,
  EscalationRule,
  OutboundChannel,
} from './policy-schema';

/** One thing wrong with the escalation settings: where, and what to do about it. */
export interface EscalationIssue {
  /** Path inside the `escalation` block, as zod reports paths. */
  readonly path: (string | number)[];
  readonly message: string;
}

/** The parts of the escalation settings that refer to each other. */
export interface EscalationReferences {
  readonly people: readonly EscalationPerson[];
  readonly channels: readonly OutboundChannel[];
  readonly policies: readonly EscalationPolicy[];
  readonly rules: readonly EscalationRule[];
  readonly defaultPolicy: string | null;
}

function duplicates(
  items: readonly { id: string }[],
  list: string,
  what: string,
  issues: EscalationIssue[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) {
      issues.push({
        path: [list, index, 'id'],
        message: `duplicate ${what} id "${item.id}"; each ${what} needs its own id`,
      });
    }
    seen.add(item.id);
  });
  return seen;
}

/**
 * Everything in the escalation settings that refers to something that is not there, or is
 * there twice: duplicate ids of people, channels and policies; a person reached through an
 * unknown channel; a level paging an unknown person or channel; a rule or the default naming
 * an unknown policy. Each message says what is wrong and what to do. The shapes themselves (no
 * levels, a negative delay) are refused by the schemas before this runs. Schedule ids are not
 * checked here: schedules live apart, and an unknown one has nobody on call, so its level is
 * skipped at once.
 * @param escalation - the escalation block, shapes already valid
 * @returns every issue, in the order of the block; empty when it holds together
 */
export function escalationIssues(escalation: EscalationReferences): EscalationIssue[] {
  const issues: EscalationIssue[] = [];
  const people = duplicates(escalation.people, 'people', 'person', issues);
  const channels = duplicates(escalation.channels, 'channels', 'channel', issues);
  const policies = duplicates(escalation.policies, 'policies', 'policy', issues);

  escalation.people.forEach((person, index) => {
    if (person.channel !== undefined && !channels.has(person.channel)) {
      issues.push({
        path: ['people', index, 'channel'],
        message: `${person.name} is reached through channel "${person.channel}", which does not exist; add that channel or pick another`,
      });
    }
  });

  escalation.policies.forEach((policy, p) => {
    policy.levels.forEach((level, l) => {
      level.targets.forEach((target, t) => {
        const path = ['policies', p, 'levels', l, 'targets', t, 'id'];
        if (target.kind === 'person' && !people.has(target.id)) {
          issues.push({
            path,
            message: `level ${l + 1} of policy "${policy.name}" pages person "${target.id}", who is not among the people; add them or pick someone else`,
          });
        }
        if (target.kind === 'channel' && !channels.has(target.id)) {
          issues.push({
            path,
            message: `level ${l + 1} of policy "${policy.name}" pages channel "${target.id}", which does not exist; add that channel or pick another`,
          });
        }
      });
    });
  });

  escalation.rules.forEach((rule, index) => {
    if (rule.policy !== null && !policies.has(rule.policy)) {
      issues.push({
        path: ['rules', index, 'policy'],
        message: `rule ${index + 1} picks policy "${rule.policy}", which does not exist; pick an existing policy or none`,
      });
    }
  });
  if (escalation.defaultPolicy !== null && !policies.has(escalation.defaultPolicy)) {
    issues.push({
      path: ['defaultPolicy'],
      message: `the default policy "${escalation.defaultPolicy}" does not exist; pick an existing policy or none`,
    });
  }
  return issues;
}

/**
 * What a form editing the policies refuses besides {@link escalationIssues}: a level paging the
 * same target twice, and a level paging a schedule that is not among `scheduleIds`. Not part of
 * the settings schema, so a settings file that main already accepts is never refused because of
 * it: an unknown schedule has nobody on call and its level is skipped at once, which the editor
 * refuses only when the user can see the schedules to choose from.
 * @param policies - the policies as edited, shapes already valid
 * @param scheduleIds - the on-call schedules that exist; `undefined` skips the schedule check
 * @returns every issue, with the same paths as {@link escalationIssues}
 */
export function policyTargetIssues(
  policies: readonly Pick<EscalationPolicy, 'name' | 'levels'>[],
  scheduleIds: readonly string[] | undefined,
): EscalationIssue[] {
  const issues: EscalationIssue[] = [];
  const schedules = scheduleIds === undefined ? undefined : new Set(scheduleIds);
  policies.forEach((policy, p) => {
    policy.levels.forEach((level, l) => {
      const seen = new Set<string>();
      level.targets.forEach((target, t) => {
        const path = ['policies', p, 'levels', l, 'targets', t];
        const key = target.kind === 'me' ? 'me' : `${target.kind}:${target.id}`;
        if (seen.has(key)) {
          const who = target.kind === 'me' ? 'me' : `${target.kind} "${target.id}"`;
          issues.push({
            path: target.kind === 'me' ? [...path, 'kind'] : [...path, 'id'],
            message: `level ${l + 1} of policy "${policy.name}" pages ${who} twice; remove one`,
          });
        }
        seen.add(key);
        if (target.kind === 'schedule' && schedules && !schedules.has(target.id)) {
          issues.push({
            path: [...path, 'id'],
            message: `level ${l + 1} of policy "${policy.name}" pages schedule "${target.id}", which does not exist, so nobody would be paged; add that schedule or pick another`,
          });
        }
      });
    });
  });
  return issues;
}
