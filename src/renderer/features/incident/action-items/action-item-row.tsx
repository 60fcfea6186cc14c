import type { ActionItem } from '../../../../shared/incident/schema';
import type { UpdateActionItemArgs } from '../../../../shared/incident/action-item-ops';
import {
  ACTION_STATUSES,
  ACTION_STATUS_WORDS,
  dueText,
  PRIORITIES,
  PRIORITY_WORDS,
} from './action-items';
import { CommitField } from './commit-field';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { useOp } from '../use-op';

/**
 * One action item: what, then its status, priority, owner and due date, each changed in place
 * (a select changes at once; owner and due date save on Enter or when left).
 */
export function ActionItemRow(props: {
  item: ActionItem;
  today: string;
  apply: ApplyIncidentOp;
  readOnly: boolean;
}) {
  const { item, today, readOnly } = props;
  const op = useOp(props.apply);
  const due = dueText(item, today);
  // The selects stay enabled while saving (a disabled one drops the keyboard focus); the app
  // applies changes in order, and the last one wins as it would for two people.
  const update = (change: Omit<UpdateActionItemArgs, 'id'>): void =>
    void op.run({ type: 'action-item.update', args: { id: item.id, ...change } });
  const idBase = `action-${item.id}`;
  const classes = [
    'action-item',
    `action-item--${item.priority}`,
    item.status === 'done' ? 'action-item--done' : '',
    due.tone === 'overdue' ? 'action-item--overdue' : '',
  ].join(' ');

  return (
    <li className={classes.trim()} aria-labelledby={`${idBase}-text`}>
      <div className="action-item__head">
        <span id={`${idBase}-text`} className="action-item__text">
          {item.text}
        </span>
        <span className={`priority priority--${item.priority}`}>
          {PRIORITY_WORDS[item.priority]}
        </span>
      </div>
      {readOnly ? (
        <div className="action-item__facts">
          <span>{ACTION_STATUS_WORDS[item.status]}</span>
          <span>{item.owner ?? 'no owner'}</span>
          <span className={`due due--${due.tone}`} title={item.dueDate}>
            {due.text}
          </span>
        </div>
      ) : (
        <div className="action-item__fields">
          <label className="action-item__field">
            <span className="visually-hidden">Status of “{item.text}”</span>
            <select
              className="field__input field__input--select"
              value={item.status}
              onChange={(event) => update({ status: event.target.value as ActionItem['status'] })}
            >
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {ACTION_STATUS_WORDS[status]}
                </option>
              ))}
            </select>
          </label>
          <label className="action-item__field">
            <span className="visually-hidden">Priority of “{item.text}”</span>
            <select
              className="field__input field__input--select"
              value={item.priority}
              onChange={(event) =>
                update({ priority: event.target.value as ActionItem['priority'] })
              }
            >
              {PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {PRIORITY_WORDS[priority]}
                </option>
              ))}
            </select>
          </label>
          <label className="action-item__field action-item__owner">
            <span className="visually-hidden">Owner of “{item.text}”</span>
            <CommitField
              className="field__input"
              stored={item.owner ?? ''}
              placeholder="Owner"
              maxLength={200}
              onCommit={(owner) => update({ owner: owner === '' ? null : owner })}
            />
          </label>
          <label className="action-item__field">
            <span className="visually-hidden">Due date of “{item.text}”</span>
            <CommitField
              type="date"
              className="field__input tabular"
              stored={item.dueDate ?? ''}
              aria-describedby={`${idBase}-due`}
              onCommit={(dueDate) => update({ dueDate: dueDate === '' ? null : dueDate })}
            />
          </label>
          <span id={`${idBase}-due`} className={`due due--${due.tone}`}>
            {due.text}
          </span>
        </div>
      )}
      <OpError error={op.error} />
    </li>
  );
}
