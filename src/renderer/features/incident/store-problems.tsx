import type { IncidentStoreProblem } from '../../../shared/ipc/incident-schemas';

/**
 * Problems with incident records on disk (a damaged tail kept aside, a record that could not be
 * opened): shown loudly, with where the bytes were kept, since nothing is ever deleted.
 */
export function StoreProblems(props: { problems: readonly IncidentStoreProblem[] }) {
  if (props.problems.length === 0) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <strong>
        {props.problems.length === 1
          ? 'An incident record needed attention.'
          : `${props.problems.length} incident records needed attention.`}
      </strong>
      <ul className="banner__list incident-problems">
        {props.problems.map((problem) => (
          <li key={`${problem.incidentId}:${problem.at}`}>
            <span className="incident-problems__id">{problem.incidentId}</span>
            {problem.unreadable ? ' (could not be opened)' : ''}: {problem.message}
            {problem.keptAs ? (
              <>
                {' '}
                Damaged bytes kept as <code className="path">{problem.keptAs}</code>.
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
