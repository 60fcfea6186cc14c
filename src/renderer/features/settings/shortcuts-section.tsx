import { useState } from 'react';
import { ACCELERATOR_MAX_LENGTH, acceleratorProblem } from '../../../shared/domain/accelerator';
import type { ShortcutSettings } from '../../../shared/domain/settings';
import type { SettingsView } from '../../../shared/ipc/contract';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { SaveActions, type SectionStatus } from './save-actions';

const FIELDS: { key: keyof ShortcutSettings; label: string; help: string }[] = [
  { key: 'openWindow', label: 'Open the window', help: 'Brings this window forward.' },
  {
    key: 'acknowledge',
    label: 'Acknowledge the most urgent alert',
    help: 'Acknowledges the most urgent alert firing unacknowledged, at its source.',
  },
];

/** The validator's reason for one field, or undefined when it is fine (empty is off). */
function problemOf(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : acceleratorProblem(trimmed);
}

/**
 * Settings → Desktop shortcuts: the global shortcuts (Electron accelerators) that open the window
 * and acknowledge the most urgent alert; empty turns one off. The validator's reason shows at the
 * field as it is typed, and nothing the app would refuse is sent. Saved as the `shortcuts` block.
 */
export function ShortcutsSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = props.view.settings.shortcuts;
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState<ShortcutSettings>(saved);
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState<SectionStatus | undefined>();

  // Follow settings saved elsewhere unless the user is editing.
  if (savedFrom !== savedKey && !dirty) {
    setSavedFrom(savedKey);
    setDraft(saved);
  }

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const shortcuts = {
      openWindow: draft.openWindow.trim(),
      acknowledge: draft.acknowledge.trim(),
    };
    if (FIELDS.some((f) => problemOf(shortcuts[f.key]) !== undefined)) {
      setStatus({ kind: 'error', text: 'Not saved: fix the fields marked above.' });
      return;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { shortcuts }).then(
      (view) => {
        setDirty(false);
        setSavedFrom(JSON.stringify(view.settings.shortcuts));
        setDraft(view.settings.shortcuts);
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` }),
    );
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="shortcuts-heading"
      noValidate
      onSubmit={save}
    >
      <h2 className="settings__heading" id="shortcuts-heading">
        Desktop shortcuts
      </h2>
      <p className="field__help">
        Keys that work while another app has focus, written like CommandOrControl+Alt+O; empty turns
        one off. (desktop app only; browser mode has no global shortcuts)
      </p>
      <div className="shortcut-fields">
        {FIELDS.map(({ key, label, help }) => {
          const id = `shortcut-${key}`;
          const problem = problemOf(draft[key]);
          const off = draft[key].trim() === '';
          return (
            <div className="field" key={key}>
              <label className="field__label" htmlFor={id}>
                {label}
              </label>
              <input
                id={id}
                className="field__input"
                value={draft[key]}
                placeholder="Empty: off"
                spellCheck={false}
                autoComplete="off"
                maxLength={ACCELERATOR_MAX_LENGTH + 1}
                onChange={(event) => {
                  setDraft((all) => ({ ...all, [key]: event.target.value }));
                  setDirty(true);
                  setStatus(undefined);
                }}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-error ${id}-help` : `${id}-help`}
              />
              {problem ? (
                <span className="field__error" id={`${id}-error`}>
                  {problem}
                </span>
              ) : null}
              <span className="field__help" id={`${id}-help`}>
                {off ? `Off. ${help}` : help}
              </span>
            </div>
          );
        })}
      </div>
      <SaveActions canSave={dirty} status={status}>
        {dirty ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setDraft(saved);
              setDirty(false);
              setStatus(undefined);
            }}
          >
            Discard changes
          </button>
        ) : null}
      </SaveActions>
    </form>
  );
}
