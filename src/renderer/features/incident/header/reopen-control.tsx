import { useState } from 'react';
import { MAX_TEXT_LENGTH, type IncidentSnapshot } from '../../../../shared/incident/schema';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { reopenPlan } from './reopen';
import { useOp } from '../use-op';
import { inlineFormHandlers } from '../inline-form';

/**
 * "Reopen…" on a resolved or closed incident: says what going back undoes (milestone times, the
 * closure checklist) and takes an optional note before anything changes, because a reopen cannot
 * be undone by a click: the ticks it clears were each someone's check.
 */
export function ReopenControl(props: { incident: IncidentSnapshot; apply: ApplyIncidentOp }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const op = useOp(props.apply);
  const plan = reopenPlan(props.incident);
  if (!plan) return null;

  if (!open) {
    return (
      <button
        type="button"
        className="btn btn--small"
        onClick={() => {
          setNote('');
          op.clearError();
          setOpen(true);
        }}
      >
        Reopen…
      </button>
    );
  }
  return (
    <form
      className="inline-form reopen-form"
      aria-label="Reopen the incident"
      aria-describedby="reopen-what"
      {...inlineFormHandlers(
        () => {
          const text = note.trim();
          void op
            .run({
              type: 'lifecycle.set',
              args: text === '' ? { status: plan.to } : { status: plan.to, note: text },
            })
            .then((done) => {
              if (done) setOpen(false);
            });
        },
        () => setOpen(false),
      )}
    >
      <p id="reopen-what" className="reopen-form__what">
        {plan.text}
      </p>
      <label className="field field--inline reopen-form__note">
        <span className="field__label">Why (optional, goes on the timeline)</span>
        <input
          className="field__input"
          value={note}
          maxLength={MAX_TEXT_LENGTH}
          autoFocus
          placeholder="e.g. errors are back since 15:10"
          onChange={(event) => {
            setNote(event.target.value);
            if (op.error) op.clearError();
          }}
        />
      </label>
      <button type="submit" className="btn btn--primary btn--small" disabled={op.busy}>
        Reopen incident
      </button>
      <button type="button" className="btn btn--small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <OpError error={op.error} />
    </form>
  );
}
