import type { IncidentSnapshot, IncidentTimes } from '../../../../shared/incident/schema';

/** Reopening, when the incident can be reopened: where it goes and what that undoes. */
export interface ReopenPlan {
  to: 'investigating';
  /** The confirmation: what reopening changes, in one sentence. */
  text: string;
}

/** The milestones a reopen to investigating clears, in lifecycle order. */
const CLEARED: ReadonlyArray<[keyof IncidentTimes, string]> = [
  ['mitigatedAt', 'mitigated'],
  ['resolvedAt', 'resolved'],
  ['closedAt', 'closed'],
];

/**
 * Whether a resolved or closed incident can be reopened, and what that does, said before it is
 * done: going back clears the later milestone times and resets the closure checklist (the same
 * rules `lifecycle.set` applies), which a person must not learn from the timeline afterwards.
 * @param incident - the incident
 * @returns undefined while the incident is still open (investigating or mitigated)
 */
export function reopenPlan(incident: IncidentSnapshot): ReopenPlan | undefined {
  if (incident.status !== 'resolved' && incident.status !== 'closed') return undefined;
  const parts: string[] = [];
  const times = CLEARED.filter(([field]) => incident.times[field] !== undefined).map(
    ([, word]) => word,
  );
  if (times.length > 0) {
    parts.push(`the ${listed(times)} ${times.length === 1 ? 'time is' : 'times are'} cleared`);
  }
  const ticked = incident.closure.items.filter((item) => item.done !== undefined).length;
  if (incident.closure.items.length > 0) {
    parts.push(
      ticked === 0
        ? 'the closure checklist starts again'
        : `the closure checklist is reset (${ticked} ticked ${ticked === 1 ? 'item is' : 'items are'} unticked)`,
    );
  }
  if (incident.statusCadenceMinutes !== null) {
    parts.push(`status updates are due again every ${incident.statusCadenceMinutes} minutes`);
  }
  const text =
    parts.length === 0
      ? 'The incident goes back to investigating.'
      : `The incident goes back to investigating: ${listed(parts)}.`;
  return { to: 'investigating', text };
}

function listed(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
