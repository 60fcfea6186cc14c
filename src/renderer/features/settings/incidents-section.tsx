import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/contract';
import { useApp } from '../../app/app-context';
import { CadenceFields } from './cadence-fields';
import { ChangedElsewhere } from './changed-elsewhere';
import { ChecklistEditor } from './checklist-editor';
import { FormErrorList } from './form-error-list';
import {
  CLOSURE,
  draftFromSettings,
  draftSignature,
  incidentsReducer,
  MAX_ROLES,
  productDraft,
  type IncidentsAction,
  type IncidentsErrors,
} from './incidents-draft';
import { RoleEditor } from './role-editor';
import { SaveActions, type SectionStatus } from './save-actions';
import { saveIncidents } from './section-save';

const NO_ERRORS: IncidentsErrors = { fields: {}, other: [] };
const PRODUCT_SIGNATURE = draftSignature(productDraft());

/**
 * Settings → Incidents: what a new incident starts with (status update cadence per severity,
 * the roles and their checklists, the closure checklist). Saved on its own, as the `incidents`
 * block, holding only what differs from the product's defaults.
 */
export function IncidentsSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const { settings } = props.view;
  // Compared by value: any other section's save sends a new settings object.
  const savedKey = JSON.stringify(settings.incidents);
  const loaded = useMemo(() => draftFromSettings(JSON.parse(savedKey)), [savedKey]);
  const [draft, dispatch] = useReducer(incidentsReducer, loaded.draft);
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [errors, setErrors] = useState<IncidentsErrors>(NO_ERRORS);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const container = useRef<HTMLFormElement>(null);
  const pendingFocus = useRef<string | undefined>(undefined);

  const signature = draftSignature(draft);
  const edited = signature !== draftSignature(loaded.draft);
  // An unusable saved override can be replaced even by the product's defaults as shown.
  const dirty = edited || loaded.problems.length > 0;
  // New settings arrived (saved here, or the file changed): follow them unless the user is
  // editing, in which case say so instead of throwing their edits away.
  const changedElsewhere = savedFrom !== savedKey && edited;
  if (savedFrom !== savedKey && !edited) {
    setSavedFrom(savedKey);
    dispatch({ type: 'load', draft: loaded.draft });
  }

  useEffect(() => {
    const selector = pendingFocus.current;
    if (selector === undefined || !container.current) return;
    pendingFocus.current = undefined;
    container.current.querySelector<HTMLElement>(selector)?.focus();
  });

  // Role buttons that vanish when pressed hand the focus on to where the work continues.
  const act = (action: IncidentsAction): void => {
    const role = 'role' in action ? `[data-role="${CSS.escape(action.role)}"]` : '';
    if (action.type === 'role-omit') {
      pendingFocus.current = action.omitted ? `${role} button` : `${role} input`;
    }
    if (action.type === 'role-reset') pendingFocus.current = `${role} input`;
    if (action.type === 'role-remove') pendingFocus.current = '[data-add-role]';
    if (action.type === 'role-add') pendingFocus.current = '[data-role]:last-of-type input';
    dispatch(action);
    setStatus(undefined);
  };

  const discard = (): void => {
    dispatch({ type: 'load', draft: loaded.draft });
    setSavedFrom(savedKey);
    setErrors(NO_ERRORS);
    setStatus(undefined);
  };

  const resetToProduct = (): void => {
    dispatch({ type: 'reset-product' });
    setErrors(NO_ERRORS);
    setStatus({ kind: 'note', text: 'The product’s defaults are in the form: Save to use them.' });
  };

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    setStatus({ kind: 'saving', text: 'Saving…' });
    void saveIncidents(bridge, draft).then((outcome) => {
      setErrors(outcome.ok ? NO_ERRORS : outcome.errors);
      setStatus(outcome.status);
      if (!outcome.ok) return;
      setSavedFrom(JSON.stringify(outcome.view.settings.incidents));
      dispatch({ type: 'load', draft: draftFromSettings(outcome.view.settings.incidents).draft });
    });
  };

  const activeRoles = draft.roles.filter((role) => !role.omitted).length;
  return (
    <form
      className="settings__section incidents-settings"
      aria-labelledby="incidents-heading"
      noValidate
      onSubmit={save}
      ref={container}
    >
      <h2 className="settings__heading" id="incidents-heading">
        Incidents
      </h2>
      <p className="field__help incidents-settings__intro">
        What a new incident starts with. Incidents already open keep what they started with.
      </p>
      {loaded.problems.length > 0 ? (
        <div className="notice notice--warn" role="status">
          The saved incident settings cannot be used, so new incidents get the product’s defaults,
          shown here. Saving replaces the saved ones.
          <ul className="incidents-settings__problems">
            {loaded.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {changedElsewhere ? <ChangedElsewhere what="The incident settings" onLoad={discard} /> : null}

      <CadenceFields
        cadence={draft.cadence}
        scale={settings.severityScale}
        errors={errors.fields}
        dispatch={act}
      />

      <h3 className="settings__subheading">Roles and their checklists</h3>
      <ul className="role-cards" aria-label="Roles">
        {draft.roles.map((role) => (
          <RoleEditor
            key={role.key}
            role={role}
            scale={settings.severityScale}
            errors={errors.fields}
            dispatch={act}
          />
        ))}
      </ul>
      <button
        type="button"
        className="btn"
        data-add-role
        disabled={activeRoles >= MAX_ROLES}
        onClick={() => act({ type: 'role-add' })}
      >
        + Add role
      </button>

      <h3 className="settings__subheading">Closure checklist</h3>
      <p className="field__help incidents-settings__intro">
        What must be true before an incident may be closed.
      </p>
      <ChecklistEditor
        list={CLOSURE}
        label="Closure checklist"
        items={draft.closure}
        scale={settings.severityScale}
        errors={errors.fields}
        dispatch={act}
      />

      <FormErrorList issues={errors.other} />
      <SaveActions canSave={dirty} status={status}>
        <button type="button" className="btn" onClick={discard} disabled={!edited}>
          Discard changes
        </button>
        <button
          type="button"
          className="btn"
          onClick={resetToProduct}
          disabled={signature === PRODUCT_SIGNATURE}
        >
          Reset to product defaults
        </button>
      </SaveActions>
    </form>
  );
}
