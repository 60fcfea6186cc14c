import { useState } from 'react';
import type { RunbookList, SettingsView } from '../../../shared/ipc/contract';
import { useApp, useAppState } from '../../app/app-context';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { matchExpressions } from '../runbooks/runbook-format';
import { SaveActions, type SectionStatus } from './save-actions';

/**
 * Settings → Runbooks: the folder (an absolute path, typically a git checkout), how many
 * runbooks it holds, and every file that could not be used with the reason. Saved on its own,
 * apart from the sources form.
 */
export function RunbookFolderSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = props.view.settings.runbooks.dir ?? '';
  const folder = useAppState((s) => s.runbooks);
  const [draft, setDraft] = useState(saved);
  const [savedFrom, setSavedFrom] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [status, setStatus] = useState<SectionStatus | undefined>();

  // Follow a folder saved elsewhere (the file, another window) unless the user is typing.
  if (savedFrom !== saved && !dirty) {
    setSavedFrom(saved);
    setDraft(saved);
  }

  const save = (dir: string): void => {
    setFieldError(undefined);
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { runbooks: dir === '' ? {} : { dir } }).then(
      (view) => {
        const now = view.settings.runbooks.dir ?? '';
        setDirty(false);
        setSavedFrom(now);
        setDraft(now);
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => {
        const issue =
          error instanceof BridgeError
            ? error.issues.find((line) => line.startsWith('runbooks.dir:'))
            : undefined;
        if (issue) setFieldError(issue.replace(/^runbooks\.dir:\s*/, 'Enter an absolute path: '));
        setStatus({
          kind: 'error',
          text: issue ? 'Not saved: fix the folder.' : `Not saved: ${errorMessage(error)}`,
        });
      },
    );
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="runbooks-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save(draft.trim());
      }}
    >
      <h2 className="settings__heading" id="runbooks-heading">
        Runbooks
      </h2>
      <div className="field">
        <label className="field__label" htmlFor="runbook-dir">
          Runbook folder
        </label>
        <input
          id="runbook-dir"
          className="field__input"
          value={draft}
          placeholder="/home/you/src/runbooks"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => {
            setDraft(event.target.value);
            setDirty(true);
            setStatus(undefined);
          }}
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? 'runbook-dir-error runbook-dir-help' : 'runbook-dir-help'}
        />
        {fieldError ? (
          <span className="field__error" id="runbook-dir-error">
            {fieldError}
          </span>
        ) : null}
        <span className="field__help" id="runbook-dir-help">
          Markdown files with YAML front matter; <code>match:</code> names the alert labels a
          runbook is for. Typically a git checkout. The folder is watched: edits show up by
          themselves.
        </span>
      </div>
      <SaveActions canSave={dirty} status={status}>
        {saved !== '' ? (
          <button
            type="button"
            className="btn"
            disabled={status?.kind === 'saving'}
            onClick={() => save('')}
          >
            Use no folder
          </button>
        ) : null}
      </SaveActions>
      <FolderState saved={saved} folder={folder} />
    </form>
  );
}

/** What the app found in the saved folder. */
function FolderState(props: { saved: string; folder: RunbookList | undefined }) {
  const { uiStore } = useApp();
  const { saved, folder } = props;
  if (saved === '') {
    return (
      <p className="runbook-folder__state muted">
        No runbook folder: alerts offer only the links in their <code>runbook_url</code>.
      </p>
    );
  }
  // The event for a newly saved folder comes once it has been read.
  if (folder === undefined || folder.dir !== saved) {
    return <p className="runbook-folder__state muted">Reading the folder…</p>;
  }
  const usable = folder.runbooks.filter((runbook) => runbook.error === undefined).length;
  const open = (id: string): void => uiStore.actions.openRunbook({ id });
  return (
    <div className="runbook-folder">
      <p className="runbook-folder__state" role="status">
        <strong className="tabular">
          {usable} {usable === 1 ? 'runbook' : 'runbooks'} loaded
        </strong>
        {folder.errors.length > 0 ? (
          <span className="runbook-folder__problems">
            {' · '}
            {folder.errors.length} {folder.errors.length === 1 ? 'problem' : 'problems'}
          </span>
        ) : null}
      </p>
      {folder.errors.length > 0 ? (
        <ul className="runbook-errors" aria-label="Runbook problems">
          {folder.errors.map((error) => {
            const broken = folder.runbooks.some((runbook) => runbook.id === error.file);
            return (
              <li key={`${error.file}\u0000${error.message}`} className="runbook-errors__item">
                <code className="path">{error.file === '.' ? saved : error.file}</code>
                <span className="runbook-errors__message">{error.message}</span>
                {broken ? (
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => open(error.file)}
                    aria-label={`Open ${error.file}`}
                  >
                    Open
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {folder.runbooks.length > 0 ? (
        <details className="runbook-folder__all">
          <summary>All runbook files ({folder.runbooks.length})</summary>
          <ul className="runbook-folder__list">
            {folder.runbooks.map((runbook) => (
              <li key={runbook.id} className="runbook-folder__item">
                <button type="button" className="btn btn--link" onClick={() => open(runbook.id)}>
                  {runbook.title}
                </button>
                <code className="path muted">{runbook.id}</code>
                {runbook.error !== undefined ? (
                  <span className="runbook-folder__broken">not usable</span>
                ) : (
                  matchExpressions(runbook.match).map((expression) => (
                    <span key={expression} className="chip">
                      {expression}
                    </span>
                  ))
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
