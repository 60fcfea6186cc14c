import { useState } from 'react';
import { DEFAULT_ALERTMANAGER_URL } from '../../../shared/domain/source';
import type { SeverityScale } from '../../../shared/domain/severity';
import type { SettingsView as SettingsViewData } from '../../../shared/ipc/contract';
import { useApp, useAppState } from '../../app/app-context';
import { SettingsProblem } from '../../app/banners';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { ChangedElsewhere } from './changed-elsewhere';
import { FormErrorList } from './form-error-list';
import { IncidentsSection } from './incidents-section';
import { ProfileSection } from './profile-section';
import { PushSection } from './push-section';
// Here rather than in the sections, which unit tests import without Vite's CSS types.
import './incidents-section.css';
import './profile-section.css';
import { RunbookFolderSection } from './runbook-folder-section';
import { SaveActions, type SectionStatus } from './save-actions';
import {
  blankDraft,
  draftsFrom,
  errorsFromIssues,
  sourcesRequest,
  type FormErrors,
  type SourceDraft,
} from './settings-form';

const SCALES: ReadonlyArray<{ value: SeverityScale; label: string }> = [
  { value: 'sev1-4', label: 'SEV1 – SEV4' },
  { value: 'p0-p3', label: 'P0 – P3' },
  { value: 'p1-p4', label: 'P1 – P4' },
];

const NO_ERRORS: FormErrors = { fields: {}, other: [] };

/**
 * The settings screen: sources, severity vocabulary, the runbook folder, where the file is,
 * test notification.
 */
export function SettingsView() {
  const view = useAppState((s) => s.settings);
  const { uiStore } = useApp();
  return (
    <div className="settings">
      <div className="settings__head">
        <h1 className="settings__title">Settings</h1>
        <button type="button" className="btn" onClick={() => uiStore.actions.showView('alerts')}>
          ← Back to alerts
        </button>
      </div>
      {view ? (
        <>
          <SettingsProblem view={view} />
          <p className="settings__file">
            Saved in <code className="path">{view.path}</code> — hand edits there are picked up
            while the app runs.
          </p>
          <ProfileSection view={view} />
          <SettingsForm view={view} />
          <PushSection view={view} />
          <RunbookFolderSection view={view} />
          <IncidentsSection view={view} />
          <NotificationTest />
        </>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
    </div>
  );
}

function SettingsForm(props: { view: SettingsViewData }) {
  const { bridge } = useApp();
  const saved = props.view.settings;
  const [drafts, setDrafts] = useState<SourceDraft[]>(() => draftsFrom(saved));
  const [scale, setScale] = useState<SeverityScale>(saved.severityScale);
  const [dirty, setDirty] = useState(false);
  const [savedFrom, setSavedFrom] = useState(saved);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const [nextKey, setNextKey] = useState(1);

  // New settings arrived (saved here, or the file changed): follow them unless the user is
  // editing, in which case say so instead of throwing their edits away.
  const changedElsewhere = savedFrom !== saved && dirty;
  if (savedFrom !== saved && !dirty) {
    setSavedFrom(saved);
    setDrafts(draftsFrom(saved));
    setScale(saved.severityScale);
  }

  const edit = (index: number, patch: Partial<SourceDraft>): void => {
    setDrafts((current) => current.map((d, i) => (i === index ? { ...d, ...patch } : d)));
    setDirty(true);
    setStatus(undefined);
  };
  const add = (): void => {
    setDrafts((current) => [...current, blankDraft(`new:${nextKey}`)]);
    setNextKey((k) => k + 1);
    setDirty(true);
    setStatus(undefined);
  };
  const remove = (index: number): void => {
    setDrafts((current) => current.filter((_, i) => i !== index));
    // Errors are keyed by position; they no longer line up.
    setErrors(NO_ERRORS);
    setDirty(true);
    setStatus(undefined);
  };
  const discard = (): void => {
    setDrafts(draftsFrom(saved));
    setScale(saved.severityScale);
    setSavedFrom(saved);
    setErrors(NO_ERRORS);
    setDirty(false);
    setStatus(undefined);
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const { sources, errors: local } = sourcesRequest(drafts);
    if (Object.keys(local.fields).length > 0) {
      setErrors(local);
      setStatus({ kind: 'error', text: 'Not saved: fix the fields marked below.' });
      return;
    }
    setErrors(NO_ERRORS);
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { sources, severityScale: scale }).then(
      (view) => {
        setDirty(false);
        setSavedFrom(view.settings);
        setDrafts(draftsFrom(view.settings));
        setScale(view.settings.severityScale);
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => {
        if (error instanceof BridgeError && error.issues.length > 0) {
          const placed = errorsFromIssues(error.issues);
          setErrors(placed);
          setStatus({
            kind: 'error',
            text:
              Object.keys(placed.fields).length > 0
                ? 'Not saved: fix the fields marked below.'
                : `Not saved: ${error.message}`,
          });
        } else {
          setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
        }
      },
    );
  };

  return (
    <form className="settings__section" onSubmit={save} noValidate>
      <h2 className="settings__heading">Alertmanager sources</h2>
      {changedElsewhere ? <ChangedElsewhere what="The settings" onLoad={discard} /> : null}
      {drafts.length === 0 ? (
        <p className="muted">
          None configured: the app watches Alertmanager&apos;s default address{' '}
          {DEFAULT_ALERTMANAGER_URL}.
        </p>
      ) : (
        <div className="source-forms">
          {drafts.map((draft, index) => (
            <SourceFields
              key={draft.key}
              draft={draft}
              index={index}
              errors={errors.fields}
              onChange={(patch) => edit(index, patch)}
              onRemove={() => remove(index)}
            />
          ))}
        </div>
      )}
      <button type="button" className="btn" onClick={add}>
        + Add source
      </button>

      <h2 className="settings__heading">Severity names</h2>
      <label className="field field--inline">
        <span className="field__label">Your team says</span>
        <select
          className="field__input field__input--select"
          value={scale}
          onChange={(event) => {
            setScale(event.target.value as SeverityScale);
            setDirty(true);
            setStatus(undefined);
          }}
        >
          {SCALES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </label>

      <FormErrorList issues={errors.other} />
      <SaveActions canSave={dirty} status={status}>
        <button type="button" className="btn" onClick={discard} disabled={!dirty}>
          Discard changes
        </button>
      </SaveActions>
    </form>
  );
}

function SourceFields(props: {
  draft: SourceDraft;
  index: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<SourceDraft>) => void;
  onRemove: () => void;
}) {
  const { draft, index, errors } = props;
  const error = (field: string) => errors[`sources.${index}.${field}`];
  const fieldId = (field: string) => `source-${draft.key}-${field}`;
  return (
    <fieldset className="source-form">
      <legend className="visually-hidden">Source {index + 1}</legend>
      <Field id={fieldId('name')} label="Name" error={error('name')} className="field--name">
        <input
          id={fieldId('name')}
          className="field__input"
          value={draft.name}
          placeholder="Production"
          onChange={(e) => props.onChange({ name: e.target.value })}
          aria-invalid={error('name') ? true : undefined}
          aria-describedby={error('name') ? `${fieldId('name')}-error` : undefined}
        />
      </Field>
      <Field id={fieldId('url')} label="URL" error={error('url')} className="field--url">
        <input
          id={fieldId('url')}
          className="field__input"
          value={draft.url}
          placeholder="http://alertmanager.example:9093"
          inputMode="url"
          spellCheck={false}
          onChange={(e) => props.onChange({ url: e.target.value })}
          aria-invalid={error('url') ? true : undefined}
          aria-describedby={error('url') ? `${fieldId('url')}-error` : undefined}
        />
      </Field>
      <Field
        id={fieldId('interval')}
        label="Poll every (s)"
        error={error('intervalSeconds')}
        className="field--interval"
      >
        <input
          id={fieldId('interval')}
          className="field__input tabular"
          value={draft.interval}
          inputMode="numeric"
          onChange={(e) => props.onChange({ interval: e.target.value })}
          aria-invalid={error('intervalSeconds') ? true : undefined}
          aria-describedby={error('intervalSeconds') ? `${fieldId('interval')}-error` : undefined}
        />
      </Field>
      <div className="source-form__side">
        {draft.id ? <span className="source-form__id muted">id {draft.id}</span> : null}
        <button type="button" className="btn btn--small btn--danger" onClick={props.onRemove}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function Field(props: {
  id: string;
  label: string;
  error: string | undefined;
  className: string;
  children: React.ReactNode;
}) {
  return (
    <div className={`field ${props.className}`}>
      <label className="field__label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
      {props.error ? (
        <span className="field__error" id={`${props.id}-error`}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

function NotificationTest() {
  const { bridge } = useApp();
  const [state, setState] = useState<
    { kind: 'sending' | 'ok' | 'error'; text: string } | undefined
  >();
  const send = (): void => {
    setState({ kind: 'sending', text: 'Sending…' });
    bridge.invoke('notifications:test', {}).then(
      (result) =>
        setState(
          result.delivered
            ? { kind: 'ok', text: 'Delivered to the notification service — check that you saw it.' }
            : { kind: 'error', text: `Not delivered: ${result.error ?? 'no reason given'}` },
        ),
      (error: unknown) =>
        setState({ kind: 'error', text: `Not delivered: ${errorMessage(error)}` }),
    );
  };
  return (
    <section className="settings__section">
      <h2 className="settings__heading">Notifications</h2>
      <div className="settings__actions">
        <button type="button" className="btn" onClick={send} disabled={state?.kind === 'sending'}>
          Send test notification
        </button>
        {state ? (
          <span
            className={`save-status save-status--${state.kind === 'ok' ? 'saved' : state.kind === 'error' ? 'error' : 'saving'}`}
            role="status"
          >
            {state.text}
          </span>
        ) : null}
      </div>
    </section>
  );
}
