import { useMemo, useState } from 'react';
import { SEVERITIES, severityLabel, type Severity } from '../../../shared/domain/severity';
import type { SettingsView } from '../../../shared/ipc/contract';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { alarmDraft, checkAlarmDraft, type AlarmDraft } from './alarm-draft';
import { SaveActions, type SectionStatus } from './save-actions';

const MODE_TEXT = {
  repeat: 'Repeat until acknowledged',
  once: 'Notify once',
  silent: 'Silent (list and tray only)',
} as const;

/**
 * Settings → My alarm: per severity, whether my alarm repeats until the alert is acknowledged
 * (and how often), notifies once, or stays silent. Saved on its own, as the `alarm` block.
 */
export function AlarmSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const { settings } = props.view;
  const savedKey = JSON.stringify(settings.alarm);
  const loaded = useMemo(() => alarmDraft(JSON.parse(savedKey)), [savedKey]);
  const [draft, setDraft] = useState<AlarmDraft>(loaded);
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Severity, string>>>({});
  const [status, setStatus] = useState<SectionStatus | undefined>();

  // Follow settings saved elsewhere unless the user is editing.
  if (savedFrom !== savedKey && !dirty) {
    setSavedFrom(savedKey);
    setDraft(loaded);
  }

  const change = (severity: Severity, part: Partial<AlarmDraft[Severity]>): void => {
    setDraft((all) => ({ ...all, [severity]: { ...all[severity], ...part } }));
    setDirty(true);
    setStatus(undefined);
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const checked = checkAlarmDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'error', text: 'Not saved: fix the fields marked above.' });
      return;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { alarm: checked.alarm }).then(
      (view) => {
        setErrors({});
        setDirty(false);
        setSavedFrom(JSON.stringify(view.settings.alarm));
        setDraft(alarmDraft(view.settings.alarm));
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` }),
    );
  };

  return (
    <form className="settings__section" aria-labelledby="alarm-heading" noValidate onSubmit={save}>
      <h2 className="settings__heading" id="alarm-heading">
        My alarm
      </h2>
      <p className="field__help">
        How this app notifies me of an alert that is not acknowledged. Escalation to others is not
        affected.
      </p>
      <div className="alarm-rows">
        {SEVERITIES.map((severity) => {
          const label = severityLabel(severity, settings.severityScale);
          const row = draft[severity];
          const error = errors[severity];
          const id = `alarm-${severity}`;
          return (
            <div className="alarm-row" key={severity}>
              <label className="field__label alarm-row__label" htmlFor={`${id}-mode`}>
                {label}
              </label>
              <select
                id={`${id}-mode`}
                className="field__input field__input--select"
                value={row.mode}
                onChange={(event) =>
                  change(severity, { mode: event.target.value as AlarmDraft[Severity]['mode'] })
                }
              >
                {(Object.keys(MODE_TEXT) as (keyof typeof MODE_TEXT)[]).map((mode) => (
                  <option key={mode} value={mode}>
                    {MODE_TEXT[mode]}
                  </option>
                ))}
              </select>
              {row.mode === 'repeat' ? (
                <span className="alarm-row__every">
                  <label htmlFor={`${id}-seconds`}>
                    <span className="visually-hidden">{label} alarm repeats </span>every
                    <span className="visually-hidden"> (seconds)</span>
                  </label>
                  <input
                    id={`${id}-seconds`}
                    className="field__input tabular alarm-row__seconds"
                    value={row.seconds}
                    inputMode="numeric"
                    onChange={(event) => change(severity, { seconds: event.target.value })}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  />
                  <span aria-hidden="true">s</span>
                </span>
              ) : null}
              {error ? (
                <span className="field__error alarm-row__error" id={`${id}-error`}>
                  {error}
                </span>
              ) : null}
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
              setDraft(loaded);
              setDirty(false);
              setErrors({});
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
