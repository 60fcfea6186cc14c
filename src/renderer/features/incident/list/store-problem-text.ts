import type { IncidentStoreProblem } from '../../../../shared/ipc/incident-schemas';

// The words of the record-problems banner, apart from the component so they can be tested.

/**
 * The banner's heading.
 * @param count - problems shown (at least one)
 */
export function storeProblemsHeading(count: number): string {
  return count === 1
    ? 'An incident record needed attention.'
    : `${count} incident records needed attention.`;
}

/**
 * The accessible name of a problem's Dismiss button: says which incident, since a screen reader
 * user tabbing through several buttons hears only this.
 * @param problem - the problem the button hides
 */
export function dismissLabel(problem: IncidentStoreProblem): string {
  return `Dismiss the notice about ${problem.incidentId}`;
}

/**
 * What dismissing does not do, for a record that could not be opened: the user must not think
 * "Dismiss" repaired or deleted it. Undefined for the others (their record opened).
 * @param problem - the problem shown
 */
export function dismissNote(problem: IncidentStoreProblem): string | undefined {
  if (!problem.unreadable) return undefined;
  return (
    'Dismissing only hides this notice: the incident stays unavailable, its file is left as it ' +
    'is, and the notice comes back when the app restarts.'
  );
}
