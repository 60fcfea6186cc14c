import { useRef, useState } from 'react';
import { MAX_TEXT_LENGTH } from '../../../../shared/incident/schema';
import {
  EMPTY_ACTION_ITEM_FORM,
  PRIORITIES,
  PRIORITY_WORDS,
  readActionItemForm,
  type ActionItemForm,
} from './action-items';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { useOp } from '../use-op';

/**
 * Add an action item from the keyboard: type, Tab through owner, due date and priority, Enter
 * adds it and puts the cursor back in the first field for the next one.
 */
export function ActionItemAddForm(props: { apply: ApplyIncidentOp }) {
  const [form, setForm] = useState<ActionItemForm>(EMPTY_ACTION_ITEM_FORM);
  const [problem, setProblem] = useState<string | undefined>();
  const op = useOp(props.apply);
  const textRef = useRef<HTMLInputElement>(null);
  const set = (change: Partial<ActionItemForm>): void => {
    setForm((before) => ({ ...before, ...change }));
    setProblem(undefined);
  };

  const submit = async (): Promise<void> => {
    const read = readActionItemForm(form);
    if (!read.ok) {
      setProblem(read.error);
      textRef.current?.focus();
      return;
    }
    const sent = form;
    const done = await op.run({ type: 'action-item.add', args: read.args });
    if (!done) return;
    // Typing may have gone on while it was saved: clear only what was sent.
    setForm((current) => (current === sent ? EMPTY_ACTION_ITEM_FORM : current));
    textRef.current?.focus();
  };

  return (
    <form
      className="action-add"
      aria-label="Add an action item"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <input
        ref={textRef}
        className="field__input action-add__text"
        aria-label="What needs doing"
        placeholder="New action item — Enter adds it"
        value={form.text}
        maxLength={MAX_TEXT_LENGTH}
        autoComplete="off"
        onChange={(event) => set({ text: event.target.value })}
      />
      <div className="action-add__row">
        <input
          className="field__input action-add__owner"
          aria-label="Owner"
          placeholder="Owner"
          value={form.owner}
          maxLength={200}
          onChange={(event) => set({ owner: event.target.value })}
        />
        <input
          type="date"
          className="field__input tabular action-add__due"
          aria-label="Due date"
          value={form.dueDate}
          onChange={(event) => set({ dueDate: event.target.value })}
        />
        <select
          className="field__input field__input--select"
          aria-label="Priority"
          value={form.priority}
          onChange={(event) => set({ priority: event.target.value as ActionItemForm['priority'] })}
        >
          {PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {PRIORITY_WORDS[priority]}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--primary" disabled={op.busy}>
          Add
        </button>
      </div>
      <OpError error={problem ?? op.error} />
    </form>
  );
}
