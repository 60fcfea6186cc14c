import { useState } from 'react';
import { OpError } from '../op-error';
import { useOp } from '../use-op';
import { inlineFormHandlers } from '../inline-form';
import type { RoleChipContext } from './role-chip';

const ADD_ROLE_ID = 'add-role';

/** "Add role" at the end of the strip, for a role the team needs this time; its form opens in place. */
export function AddRole(props: RoleChipContext) {
  const op = useOp(props.apply);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [checklist, setChecklist] = useState('');
  const close = (): void => {
    setOpen(false);
    // The form goes away with the focus in it: give the keyboard back to the button.
    requestAnimationFrame(() => document.getElementById(ADD_ROLE_ID)?.focus());
  };
  if (!open) {
    return (
      <li className="role-chip role-chip--add">
        <button
          id={ADD_ROLE_ID}
          type="button"
          className="btn btn--small btn--link"
          onClick={() => setOpen(true)}
        >
          + Add role
        </button>
      </li>
    );
  }
  return (
    <li className="role-chip role-chip--wide">
      <form
        className="role-chip__form"
        aria-label="Add role"
        {...inlineFormHandlers(() => {
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
              setName('');
              setChecklist('');
              close();
            });
        }, close)}
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
          <button type="button" className="btn btn--small" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </li>
  );
}
