import type {
  EscalationPerson,
  EscalationPolicy,
  EscalationTarget,
  OutboundChannel,
} from './policy-schema';

/** Who the targets of a policy are, by id: for the names a person knows them by. */
export interface PolicyNames {
  readonly people: readonly Pick<EscalationPerson, 'id' | 'name'>[];
  readonly channels: readonly Pick<OutboundChannel, 'id' | 'name'>[];
}

/**
 * A span of minutes as a person says it: "5 min", "1 h", "1 h 30 min".
 * @param minutes - whole or fractional minutes, not negative
 */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round((minutes - hours * 60) * 100) / 100;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

function targetPhrase(target: EscalationTarget, names: PolicyNames): string {
  // A form shows the plan while a target is being chosen: say so rather than quote nothing.
  if (target.kind !== 'me' && target.id === '')
    return `page a ${NOT_PICKED[target.kind]} not picked yet`;
  switch (target.kind) {
    case 'me':
      return 'page me';
    case 'person': {
      const person = names.people.find((p) => p.id === target.id);
      return person ? `page ${person.name}` : `page person "${target.id}" (not among the people)`;
    }
    case 'schedule':
      return `page whoever is on call in schedule ${target.id}`;
    case 'channel': {
      const channel = names.channels.find((c) => c.id === target.id);
      return channel ? `tell ${channel.name}` : `tell channel "${target.id}" (no such channel)`;
    }
  }
}

const NOT_PICKED = { person: 'person', schedule: 'schedule', channel: 'channel' } as const;

function listText(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/**
 * What a policy will do, in plain sentences a responder reads at a glance: "At once: page me.",
 * "After 5 min: page whoever is on call in schedule secondary.", "After 10 min: tell Incident
 * channel.", then how it repeats. A target whose id is still empty reads as not picked yet. Times count from when the alert is announced, assuming nobody
 * acknowledges (acknowledging stops everything). A level with no targets says so rather than
 * being left out, so a half-built policy reads as it is.
 * @param policy - the policy (levels, repeat); its delays must not be negative
 * @param names - the people and channels, for their names
 * @returns one sentence per level, then one about repeating
 */
export function describePolicy(
  policy: Pick<EscalationPolicy, 'levels' | 'repeat'>,
  names: PolicyNames,
): string[] {
  if (policy.levels.length === 0) return ['Pages nobody: the policy has no levels.'];
  const sentences: string[] = [];
  let at = 0;
  for (const level of policy.levels) {
    const when = at === 0 ? 'At once' : `After ${minutesText(at)}`;
    const what =
      level.targets.length === 0
        ? 'nobody (this level has no targets)'
        : listText(level.targets.map((target) => targetPhrase(target, names)));
    sentences.push(`${when}: ${what}.`);
    at += level.delayMinutes;
  }
  if (policy.repeat > 0) {
    const times = policy.repeat === 1 ? 'once more' : `${policy.repeat} more times`;
    sentences.push(
      `After ${minutesText(at)} still unacknowledged: start again from the top, ${times}.`,
    );
  } else {
    sentences.push('No more levels after that.');
  }
  return sentences;
}
