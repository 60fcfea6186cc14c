import { errorAt, type OverrideDraft, type SchedulesErrors } from './schedules-draft';
import { ScheduleField } from './schedule-field';

/** A schedule's overrides: someone covers a layer from one local date-time to another. */
export function ScheduleOverridesEditor(props: {
  idBase: string;
  /** Path of the schedule (`list.0`), for errors. */
  path: string;
  zone: string;
  overrides: OverrideDraft[];
  errors: SchedulesErrors;
  onChange: (overrides: OverrideDraft[]) => void;
}) {
  const { idBase, path, overrides, errors } = props;
  const set = (index: number, patch: Partial<OverrideDraft>) =>
    props.onChange(overrides.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  return (
    <fieldset className="schedule__layer">
      <legend className="schedule__legend">
        Overrides (times in {props.zone || 'the schedule’s zone'})
      </legend>
      {overrides.length === 0 ? <p className="muted">None.</p> : null}
      {overrides.map((override, index) => {
        const base = `${idBase}-override-${index}`;
        const at = `${path}.overrides.${index}`;
        return (
          <div key={index} className="schedule__row schedule__override">
            <ScheduleField
              id={`${base}-person`}
              label="Who"
              error={errorAt(errors, `${at}.person`)}
            >
              {(aria) => (
                <input
                  {...aria}
                  className="field__input"
                  value={override.person}
                  maxLength={200}
                  onChange={(e) => set(index, { person: e.target.value })}
                />
              )}
            </ScheduleField>
            <ScheduleField
              id={`${base}-layer`}
              label="Layer"
              error={errorAt(errors, `${at}.layer`)}
            >
              {(aria) => (
                <select
                  {...aria}
                  className="field__input field__input--select"
                  value={override.layer}
                  onChange={(e) =>
                    set(index, { layer: e.target.value === 'secondary' ? 'secondary' : 'primary' })
                  }
                >
                  <option value="primary">Primary</option>
                  <option value="secondary">Secondary</option>
                </select>
              )}
            </ScheduleField>
            <ScheduleField id={`${base}-from`} label="From" error={errorAt(errors, `${at}.from`)}>
              {(aria) => (
                <input
                  {...aria}
                  type="datetime-local"
                  className="field__input"
                  value={override.from}
                  onChange={(e) => set(index, { from: e.target.value })}
                />
              )}
            </ScheduleField>
            <ScheduleField id={`${base}-to`} label="Until" error={errorAt(errors, `${at}.to`)}>
              {(aria) => (
                <input
                  {...aria}
                  type="datetime-local"
                  className="field__input"
                  value={override.to}
                  onChange={(e) => set(index, { to: e.target.value })}
                />
              )}
            </ScheduleField>
            <button
              type="button"
              className="btn btn--small schedule__remove"
              aria-label={`Remove override ${index + 1}`}
              onClick={() => props.onChange(overrides.filter((_, i) => i !== index))}
            >
              Remove
            </button>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            props.onChange([...overrides, { person: '', layer: 'primary', from: '', to: '' }])
          }
        >
          Add override
        </button>
      </div>
    </fieldset>
  );
}
