import { DEFAULT_INCIDENT_DEFAULTS } from '../../../shared/domain/incident-defaults';
import type { SeverityScale } from '../../../shared/domain/severity';
import { ChecklistEditor } from './checklist-editor';
import { MAX_ROLE_NAME, type IncidentsAction, type RoleDraft } from './incidents-draft';

/**
 * True when a product role is as the product ships it (its name and items, by id and text).
 * @param role - the role as edited
 */
export function isProductRole(role: RoleDraft): boolean {
  const product = DEFAULT_INCIDENT_DEFAULTS.roles.find((r) => r.id === role.id);
  return (
    product !== undefined &&
    role.name.trim() === product.name &&
    role.checklist.length === product.checklist.length &&
    role.checklist.every(
      (item, i) =>
        item.id === product.checklist[i]?.id && item.text.trim() === product.checklist[i]?.text,
    )
  );
}

/**
 * One role in Settings → Incidents: its name and checklist. A product role can be left out of
 * new incidents (and brought back) or reset; a role added here can be removed.
 */
export function RoleEditor(props: {
  role: RoleDraft;
  scale: SeverityScale;
  errors: Record<string, string>;
  dispatch: (action: IncidentsAction) => void;
}) {
  const { role, scale, errors, dispatch } = props;
  const nameId = `role-name-${role.key}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const nameError = errors[`name:${role.key}`];
  const shownName = role.name.trim() || 'New role';

  if (role.omitted) {
    return (
      <li className="role-card role-card--omitted" data-role={role.key}>
        <span className="role-card__omitted-name">{shownName}</span>
        <span className="muted">Not used on new incidents.</span>
        <button
          type="button"
          className="btn btn--small"
          aria-label={`Use the ${shownName} role again`}
          onClick={() => dispatch({ type: 'role-omit', role: role.key, omitted: false })}
        >
          Use again
        </button>
      </li>
    );
  }

  const edited = role.builtIn && !isProductRole(role);
  return (
    <li className="role-card" data-role={role.key}>
      <div className="role-card__head">
        <div className="field role-card__name">
          <label className="field__label" htmlFor={nameId}>
            Role name
          </label>
          <input
            id={nameId}
            className="field__input"
            value={role.name}
            maxLength={MAX_ROLE_NAME}
            placeholder="On-call DBA"
            onChange={(event) =>
              dispatch({ type: 'role-name', role: role.key, name: event.target.value })
            }
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? `${nameId}-error` : undefined}
          />
          {nameError ? (
            <span className="field__error" id={`${nameId}-error`}>
              {nameError}
            </span>
          ) : null}
        </div>
        <span className="role-card__tags">
          {role.id !== undefined ? <span className="chip">id {role.id}</span> : null}
          {edited ? <span className="role-card__edited">changed</span> : null}
          {!role.builtIn ? <span className="role-card__edited">added</span> : null}
        </span>
        <span className="role-card__buttons">
          {edited ? (
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Reset the ${shownName} role to the product's`}
              onClick={() => dispatch({ type: 'role-reset', role: role.key })}
            >
              Reset
            </button>
          ) : null}
          {role.builtIn ? (
            <button
              type="button"
              className="btn btn--small"
              aria-label={`Don't use the ${shownName} role`}
              onClick={() => dispatch({ type: 'role-omit', role: role.key, omitted: true })}
            >
              Don’t use
            </button>
          ) : (
            <button
              type="button"
              className="btn btn--small btn--danger"
              aria-label={`Remove the ${shownName} role`}
              onClick={() => dispatch({ type: 'role-remove', role: role.key })}
            >
              Remove role
            </button>
          )}
        </span>
      </div>
      <ChecklistEditor
        list={role.key}
        label={`${shownName} checklist`}
        items={role.checklist}
        scale={scale}
        errors={errors}
        dispatch={dispatch}
      />
    </li>
  );
}
