import { useState } from 'react';
import type { IncidentStoreProblem } from '../../../../shared/ipc/incident-schemas';
import { errorMessage } from '../../../bridge/bridge-error';
import { OpError } from '../op-error';
import { dismissLabel, dismissNote, storeProblemsHeading } from './store-problem-text';

/**
 * Problems with incident records on disk (a damaged tail kept aside, a record that could not be
 * opened): shown loudly, with where the bytes were kept, since nothing is ever deleted. Each can
 * be dismissed once seen; that hides the notice and nothing else.
 */
export function StoreProblems(props: {
  problems: readonly IncidentStoreProblem[];
  /** Hide one problem; rejects with the reason when the app refuses. */
  onDismiss: (problemId: string) => Promise<void>;
}) {
  if (props.problems.length === 0) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <strong>{storeProblemsHeading(props.problems.length)}</strong>
      <ul className="banner__list incident-problems">
        {props.problems.map((problem) => (
          <StoreProblemRow key={problem.id} problem={problem} onDismiss={props.onDismiss} />
        ))}
      </ul>
    </div>
  );
}

function StoreProblemRow(props: {
  problem: IncidentStoreProblem;
  onDismiss: (problemId: string) => Promise<void>;
}) {
  const { problem } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const note = dismissNote(problem);
  const dismiss = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onDismiss(problem.id);
    } catch (failure) {
      // Kept next to the button: the row stays (the notice was not hidden), so the reason shows.
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li>
      {/* The message names the incident, and says when it could not be opened. */}
      {problem.message}
      {problem.keptAs ? (
        <>
          {' '}
          Damaged bytes kept as <code className="path">{problem.keptAs}</code>.
        </>
      ) : null}
      {note ? <> {note}</> : null}{' '}
      <button
        type="button"
        className="btn btn--small"
        aria-label={dismissLabel(problem)}
        disabled={busy}
        onClick={() => void dismiss()}
      >
        Dismiss
      </button>
      <OpError error={error} />
    </li>
  );
}
