import { useState, type KeyboardEvent } from 'react';
import {
  severityLabel,
  type Severity,
  type SeverityScale,
} from '../../../../shared/domain/severity';
import type { RoleState } from '../../../../shared/incident/schema';
import { ChecklistRow } from '../checklist-row';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { useOp } from '../use-op';
import { formatZonedFull, formatZonedShort } from '../zoned-time';
import { inlineFormHandlers } from '../inline-form';

/** The class of a role's line (its disclosure button), which the `r` shortcut focuses. */
export const ROLE_LINE_CLASS = 'role-chip__toggle';

/** What every role on the strip needs besides its role. */
export interface RoleChipContext {
  apply: ApplyIncidentOp;
  severity: Severity;
  scale: SeverityScale;
  zone: string;
  now: number;
  /** The user's name from settings; "Take" needs it. */
  me: string | undefined;
  readOnly: boolean;
}

/**
 * One role as one line: name, holder (or "unassigned" with Take / Assign) and checklist
 * progress. The line is a disclosure button: its checklist, hand-over and unassign open in place
 * (Enter or Space), and Esc closes them with the keyboard back on the line.
 */
export function RoleChip(props: { role: RoleState } & RoleChipContext) {
  const { role, zone, now, me, readOnly } = props;
  const assign = useOp(props.apply);
  const [expanded, setExpanded] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [name, setName] = useState('');
  const toggleId = `role-${role.id}-line`;
  const detailsId = `role-${role.id}-details`;
  const required = role.checklist.filter((item) => item.required);
  const done = required.filter((item) => item.done).length;
  const unassigned = role.holder === undefined;
  const progress = required.length > 0 ? `, ${done}/${required.length} done` : '';

  // A form or panel that closes takes the focus with it: put it back on the role's line (looked
  // up by id after the render, not held in a ref the render would read).
  const refocus = (): void => {
    requestAnimationFrame(() => document.getElementById(toggleId)?.focus());
  };
  const stopAssigning = (): void => {
    setAssigning(false);
    setName('');
    refocus();
  };
  const give = async (holder: string | null): Promise<void> => {
    const result = await assign.run({ type: 'role.assign', args: { roleId: role.id, holder } });
    if (result && assigning) stopAssigning();
  };
  const startAssigning = (): void => {
    assign.clearError();
    setAssigning(true);
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // The assign form's own Esc (inline-form) has already cancelled it.
    if (event.key !== 'Escape' || event.defaultPrevented || !expanded) return;
    event.preventDefault();
    setExpanded(false);
    refocus();
  };

  const classes = [
    'role-chip',
    unassigned ? 'role-chip--open' : '',
    required.length > 0 && done === required.length ? 'role-chip--done' : '',
    expanded || assigning ? 'role-chip--wide' : '',
  ].join(' ');
  return (
    <li className={classes} onKeyDown={onKeyDown}>
      <div className="role-chip__line">
        <button
          id={toggleId}
          type="button"
          className={ROLE_LINE_CLASS}
          aria-expanded={expanded}
          aria-controls={detailsId}
          // The words shown, in order, with punctuation and "done" added: what a screen reader
          // says holds the visible text (WCAG 2.5.3).
          aria-label={`${role.name}: ${role.holder ?? 'unassigned'}${progress}`}
          onClick={() => setExpanded((open) => !open)}
        >
          <span className="role-chip__caret" aria-hidden="true">
            {expanded ? '▾' : '▸'}
          </span>{' '}
          <span className="role-chip__name">{role.name}</span>{' '}
          <span className={unassigned ? 'role-chip__nobody' : 'role-chip__person'}>
            {role.holder ?? 'unassigned'}
          </span>
          {required.length > 0 ? (
            <>
              {' '}
              <span className="role-chip__progress tabular">
                {done}/{required.length}
              </span>
            </>
          ) : null}
        </button>
        {readOnly || !unassigned || assigning ? null : (
          <span className="role-chip__actions">
            {me !== undefined ? (
              <button
                type="button"
                className="btn btn--small"
                disabled={assign.busy}
                onClick={() => void give(me).then(refocus)}
              >
                Take<span className="visually-hidden"> the {role.name} role</span>
              </button>
            ) : null}
            <button type="button" className="btn btn--small" onClick={startAssigning}>
              Assign<span className="visually-hidden"> the {role.name} role</span>
            </button>
          </span>
        )}
      </div>
      {assigning ? (
        <form
          className="inline-form role-chip__form"
          {...inlineFormHandlers(() => {
            if (name.trim() !== '') void give(name.trim());
          }, stopAssigning)}
        >
          <input
            className="field__input"
            aria-label={`Who holds ${role.name}`}
            placeholder="Name"
            value={name}
            maxLength={200}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="btn btn--small btn--primary" disabled={assign.busy}>
            Assign
          </button>
          <button type="button" className="btn btn--small" onClick={stopAssigning}>
            Cancel
          </button>
        </form>
      ) : null}
      <OpError error={assign.error} />
      {expanded ? (
        <div id={detailsId} className="role-chip__details" role="region" aria-label={role.name}>
          {unassigned ? null : (
            <div className="role-chip__holder">
              <span>
                <span className="role-chip__person">{role.holder}</span>
                {role.assignedAt ? (
                  <span className="muted" title={formatZonedFull(role.assignedAt, zone)}>
                    {' '}
                    since {formatZonedShort(role.assignedAt, zone, now)}
                  </span>
                ) : null}
              </span>
              {readOnly || assigning ? null : (
                <span className="role-chip__actions">
                  <button type="button" className="btn btn--small" onClick={startAssigning}>
                    Hand over<span className="visually-hidden"> the {role.name} role</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--link"
                    disabled={assign.busy}
                    onClick={() => void give(null).then(refocus)}
                  >
                    Unassign<span className="visually-hidden"> the {role.name} role</span>
                  </button>
                </span>
              )}
            </div>
          )}
          {role.checklist.length > 0 ? (
            <ul className="checklist" aria-label={`${role.name} checklist`}>
              {role.checklist.map((item) => (
                <ChecklistRow
                  key={item.id}
                  item={item}
                  apply={props.apply}
                  zone={zone}
                  now={now}
                  notNeeded={`not needed at ${severityLabel(props.severity, props.scale)}`}
                  readOnly={readOnly}
                />
              ))}
            </ul>
          ) : (
            <p className="muted role-chip__empty">No checklist for this role.</p>
          )}
        </div>
      ) : null}
    </li>
  );
}
