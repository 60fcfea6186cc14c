import { useApp, useAppState } from '../../app/app-context';

/**
 * Said where no runbook matched: that no folder is chosen (with the way to Settings), else that
 * none of the folder matches.
 * @param props.what - what was matched, e.g. "this alert’s labels"
 */
export function NoRunbookMatch(props: { what: string }) {
  const { uiStore } = useApp();
  const folder = useAppState((s) => s.runbooks);
  if (folder?.dir === undefined) {
    return (
      <p className="muted">
        No runbook folder is chosen.{' '}
        <button
          type="button"
          className="btn btn--link"
          onClick={() => uiStore.actions.showView('settings')}
        >
          Choose one in Settings
        </button>
      </p>
    );
  }
  return <p className="muted">No runbook in the folder matches {props.what}.</p>;
}
