import { useState } from 'react';
import type { RoleState } from '../../../../shared/incident/schema';
import { OpError } from '../op-error';
import { RoleCard, type RoleCardContext } from './role-card';
import { useOp } from '../use-op';
import { inlineFormHandlers } from '../inline-form';

/** Every role as a card, and "Add role" for one the team needs this time. */
export function RolesBoard(props: { roles: readonly RoleState[] } & RoleCardContext) {
  const { roles, ...context } = props;
  return (
    <section className="incident-section" aria-labelledby="roles-title">
      <div className="incident-section__head">
        <h2 id="roles-title" className="incident-section__title">
          Roles
        </h2>
        {context.me === undefined && !context.readOnly ? (
          <span className="muted incident-section__hint">
            Set your name in Settings to take a role with one click.
          </span>
        ) : null}
      </div>
      <div className="roles">
        {roles.map((role) => (
          <RoleCard key={role.id} role={role} {...context} />
        ))}
        {context.readOnly ? null : <AddRole {...context} />}
      </div>
    </section>
  );
}

function AddRole(props: RoleCardContext) {
  const op = useOp(props.apply);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [checklist, setChecklist] = useState('');
  if (!open) {
    return (
      <button type="button" className="role role--add" onClick={() => setOpen(true)}>
        + Add role
      </button>
    );
  }
  return (
    <form
      className="role role--form"
      aria-label="Add role"
      {...inlineFormHandlers(
        () => {
          const items = checklist
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '');
          void op
            .run({
              type: 'role.add',
              args:
                items.length > 0 ? { name: name.trim(), checklist: items } : { name: name.trim() },
            })
            .then((done) => {
              if (!done) return;
              setOpen(false);
              setName('');
              setChecklist('');
            });
        },
        () => setOpen(false),
      )}
    >
      <label className="field">
        <span className="field__label">Role name</span>
        <input
          className="field__input"
          value={name}
          maxLength={100}
          required
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <label className="field">
        <span className="field__label">Checklist (one item per line, optional)</span>
        <textarea
          className="field__input"
          rows={3}
          value={checklist}
          onChange={(e) => setChecklist(e.target.value)}
        />
      </label>
      <OpError error={op.error} />
      <div className="inline-form">
        <button type="submit" className="btn btn--small btn--primary" disabled={op.busy}>
          Add role
        </button>
        <button type="button" className="btn btn--small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
