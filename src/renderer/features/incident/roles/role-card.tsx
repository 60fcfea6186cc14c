import { useState } from 'react';
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

/** What every role card needs besides its role. */
export interface RoleCardContext {
  apply: ApplyIncidentOp;
  severity: Severity;
  scale: SeverityScale;
  zone: string;
  now: number;
  /** The user's name from settings; "Take it" needs it. */
  me: string | undefined;
  readOnly: boolean;
}

/** One role: who holds it (assign, take, hand over) and its checklist. */
export function RoleCard(props: { role: RoleState } & RoleCardContext) {
  const { role, zone, now, me, readOnly } = props;
  const assign = useOp(props.apply);
  const [assigning, setAssigning] = useState(false);
  const [name, setName] = useState('');
  const headingId = `role-${role.id}`;
  const required = role.checklist.filter((item) => item.required);
  const done = required.filter((item) => item.done).length;

  const give = async (holder: string | null): Promise<void> => {
    const result = await assign.run({ type: 'role.assign', args: { roleId: role.id, holder } });
    if (result) {
      setAssigning(false);
      setName('');
    }
  };

  return (
    <section
      className={`role${role.holder === undefined ? ' role--open' : ''}`}
      aria-labelledby={headingId}
    >
      <div className="role__head">
        <h3 id={headingId} className="role__name">
          {role.name}
        </h3>
        {required.length > 0 ? (
          <span className="role__progress tabular" title="Checklist items done">
            {done}/{required.length}
          </span>
        ) : null}
      </div>
      <div className="role__holder">
        {role.holder !== undefined ? (
          <span>
            <span className="role__person">{role.holder}</span>
            {role.assignedAt ? (
              <span className="muted" title={formatZonedFull(role.assignedAt, zone)}>
                {' '}
                since {formatZonedShort(role.assignedAt, zone, now)}
              </span>
            ) : null}
          </span>
        ) : (
          <span className="role__nobody">Nobody yet</span>
        )}
        {readOnly ? null : (
          <span className="role__actions">
            {me !== undefined && role.holder === undefined ? (
              <button
                type="button"
                className="btn btn--small"
                disabled={assign.busy}
                aria-label={`Take the ${role.name} role`}
                onClick={() => void give(me)}
              >
                Take it
              </button>
            ) : null}
            {!assigning ? (
              <button
                type="button"
                className="btn btn--small"
                aria-label={`${role.holder === undefined ? 'Assign' : 'Hand over'} the ${role.name} role`}
                onClick={() => {
                  assign.clearError();
                  setAssigning(true);
                }}
              >
                {role.holder === undefined ? 'Assign…' : 'Hand over…'}
              </button>
            ) : null}
            {role.holder !== undefined ? (
              <button
                type="button"
                className="btn btn--small btn--link"
                disabled={assign.busy}
                aria-label={`Unassign the ${role.name} role`}
                onClick={() => void give(null)}
              >
                Unassign
              </button>
            ) : null}
          </span>
        )}
      </div>
      {assigning ? (
        <form
          className="inline-form"
          {...inlineFormHandlers(
            () => {
              if (name.trim() !== '') void give(name.trim());
            },
            () => setAssigning(false),
          )}
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
          <button type="button" className="btn btn--small" onClick={() => setAssigning(false)}>
            Cancel
          </button>
        </form>
      ) : null}
      <OpError error={assign.error} />
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
      ) : null}
    </section>
  );
}
