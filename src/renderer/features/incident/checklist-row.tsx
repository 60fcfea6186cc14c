import { useState } from 'react';
import type { ClosureJudgement } from '../../../shared/incident/closure-judgement';
import type { ChecklistItemState } from '../../../shared/incident/schema';
import { OpError } from './op-error';
import type { ApplyIncidentOp } from './panel-props';
import { useOp } from './use-op';
import { formatZonedFull, formatZonedShort } from './zoned-time';

/**
 * One tickable checklist item (a role's or the closure's): who ticked it and when, or why an
 * optional one is not needed, and what the app sees of it when it can judge it.
 */
export function ChecklistRow(props: {
  item: ChecklistItemState;
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  /** Said of an optional item nobody ticked, e.g. "not needed at SEV3". */
  notNeeded: string;
  readOnly: boolean;
  /** What the app itself sees of the item, when it can judge it (closure items). */
  judgement?: ClosureJudgement | undefined;
}) {
  const { item, zone, now, readOnly } = props;
  const tick = useOp(props.apply);
  // The box shows what was asked until the app answers, instead of jumping back meanwhile.
  const [wanted, setWanted] = useState<boolean | undefined>();
  const checked = wanted ?? item.done !== undefined;
  const classes = `check${item.required ? '' : ' check--optional'}${checked ? ' check--done' : ''}`;

  const change = async (next: boolean): Promise<void> => {
    setWanted(next);
    await tick.run({ type: next ? 'check.tick' : 'check.untick', args: { itemId: item.id } });
    setWanted(undefined);
  };

  return (
    <li className={classes}>
      <label className="check__label">
        <input
          type="checkbox"
          checked={checked}
          // Not `disabled` while saving: a disabled box drops the keyboard focus.
          disabled={readOnly}
          aria-busy={tick.busy || undefined}
          onChange={(event) => {
            if (!tick.busy) void change(event.target.checked);
          }}
        />
        <span className="check__text">{item.text}</span>
      </label>
      {item.done ? (
        <span className="check__by" title={formatZonedFull(item.done.at, zone)}>
          {item.done.by}, {formatZonedShort(item.done.at, zone, now)}
        </span>
      ) : !item.required ? (
        <span className="check__by">{props.notNeeded}</span>
      ) : null}
      {props.judgement === undefined ? null : (
        <span className={`judgement judgement--${props.judgement.met ? 'met' : 'unmet'}`}>
          {props.judgement.met ? 'Met' : 'Not met'}: {props.judgement.why}
        </span>
      )}
      <OpError error={tick.error} />
    </li>
  );
}
