import { useState } from 'react';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { cadenceWords, readCadence } from './status-countdown';
import { useOp } from '../use-op';
import { inlineFormHandlers } from '../inline-form';

/**
 * How often status updates are due on this incident (the commander's call), changed in place:
 * minutes, or none scheduled. Setting it restarts the countdown from now.
 */
export function CadenceControl(props: {
  minutes: number | null;
  apply: ApplyIncidentOp;
  readOnly: boolean;
}) {
  const { minutes, readOnly } = props;
  const op = useOp(props.apply);
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  const reading = readCadence(typed);

  const save = async (value: number | null): Promise<void> => {
    const done = await op.run({ type: 'status-cadence.set', args: { minutes: value } });
    if (done) setEditing(false);
  };

  if (!editing) {
    return (
      <div className="cadence-line">
        <span>
          <span className="muted">Cadence:</span> {cadenceWords(minutes)}
        </span>
        {readOnly ? null : (
          <button
            type="button"
            className="btn btn--small btn--link"
            aria-label="Change the status update cadence"
            onClick={() => {
              op.clearError();
              setTyped(minutes === null ? '' : String(minutes));
              setEditing(true);
            }}
          >
            Change
          </button>
        )}
        <OpError error={op.error} />
      </div>
    );
  }

  return (
    <form
      className="inline-form cadence-line"
      {...inlineFormHandlers(
        () => {
          if (reading.ok) void save(reading.minutes);
        },
        () => setEditing(false),
      )}
    >
      <label htmlFor="status-cadence-minutes" className="muted">
        Every
      </label>
      <input
        id="status-cadence-minutes"
        className="field__input tabular cadence-line__minutes"
        inputMode="numeric"
        placeholder="none"
        value={typed}
        autoFocus
        aria-invalid={reading.ok ? undefined : true}
        aria-describedby="status-cadence-help"
        onChange={(event) => setTyped(event.target.value)}
      />
      <span className="muted" aria-hidden="true">
        min
      </span>
      <button
        type="submit"
        className="btn btn--small btn--primary"
        disabled={!reading.ok || op.busy}
      >
        Set
      </button>
      <button
        type="button"
        className="btn btn--small"
        disabled={op.busy}
        onClick={() => void save(null)}
      >
        None
      </button>
      <button type="button" className="btn btn--small btn--link" onClick={() => setEditing(false)}>
        Cancel
      </button>
      <p id="status-cadence-help" className={reading.ok ? 'field__help' : 'op-error'}>
        {reading.ok
          ? reading.minutes === null
            ? 'Empty: no update scheduled.'
            : `Next update due ${reading.minutes} min after you set it.`
          : reading.error}
      </p>
      <OpError error={op.error} />
    </form>
  );
}
