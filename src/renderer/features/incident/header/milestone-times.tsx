import { useState } from 'react';
import type { IncidentSnapshot, IncidentTimeField } from '../../../../shared/incident/schema';
import { OpError } from '../op-error';
import type { ApplyIncidentOp } from '../panel-props';
import { useOp } from '../use-op';
import { formatZonedClock, formatZonedFull, formatZonedShort } from '../zoned-time';
import { inlineFormHandlers } from '../inline-form';

const MILESTONES: ReadonlyArray<[IncidentTimeField, string]> = [
  ['detectedAt', 'Detected'],
  ['acknowledgedAt', 'Acknowledged'],
  ['declaredAt', 'Declared'],
  ['mitigatedAt', 'Mitigated'],
  ['resolvedAt', 'Resolved'],
  ['closedAt', 'Closed'],
];

/** These can be set before they are recorded; the others come with the lifecycle. */
const SETTABLE = new Set<IncidentTimeField>(['detectedAt', 'acknowledgedAt', 'declaredAt']);

/** The milestone times in a row, each correctable by typing `14:23` or a date and time. */
export function MilestoneTimes(props: {
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
}) {
  return (
    <dl className="milestones">
      {MILESTONES.map(([field, label]) => (
        <Milestone key={field} field={field} label={label} {...props} />
      ))}
    </dl>
  );
}

function Milestone(props: {
  field: IncidentTimeField;
  label: string;
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  zone: string;
  now: number;
  readOnly: boolean;
}) {
  const { field, label, zone, now } = props;
  const at = props.incident.times[field];
  const [editing, setEditing] = useState(false);
  const [typed, setTyped] = useState('');
  // What the input started with: saving it unchanged must not move the time (it has no seconds).
  const [start, setStart] = useState('');
  const op = useOp(props.apply);
  const editable = !props.readOnly && (at !== undefined || SETTABLE.has(field));

  return (
    <div className={`milestone${at === undefined ? ' milestone--pending' : ''}`}>
      <dt className="milestone__label">{label}</dt>
      <dd className="milestone__value">
        {editing ? (
          <form
            className="milestone__form"
            {...inlineFormHandlers(
              () => {
                if (typed.trim() === '') return;
                if (typed.trim() === start) {
                  setEditing(false);
                  return;
                }
                void op
                  .run({ type: 'time.correct', args: { field, time: typed.trim() } })
                  .then((done) => {
                    if (done) setEditing(false);
                  });
              },
              () => setEditing(false),
            )}
          >
            <input
              className="field__input milestone__input tabular"
              aria-label={`${label} time`}
              placeholder="14:23 or 2025-03-04 14:23"
              value={typed}
              autoFocus
              onChange={(e) => setTyped(e.target.value)}
            />
            <button type="submit" className="btn btn--small" disabled={op.busy}>
              Save
            </button>
            <OpError error={op.error} />
          </form>
        ) : (
          <>
            {at === undefined ? (
              <span className="muted">—</span>
            ) : (
              <time className="tabular" dateTime={at} title={formatZonedFull(at, zone)}>
                {formatZonedShort(at, zone, now)}
              </time>
            )}
            {editable ? (
              <button
                type="button"
                className="btn btn--link milestone__edit"
                // The name starts with the word it shows (label in name, WCAG 2.5.3), for voice control.
                aria-label={`${at === undefined ? 'Set' : 'Edit'} the ${label.toLowerCase()} time`}
                onClick={() => {
                  // A time of day is read as the occurrence nearest the recorded one.
                  const initial = at === undefined ? '' : formatZonedClock(at, zone);
                  setTyped(initial);
                  setStart(initial);
                  op.clearError();
                  setEditing(true);
                }}
              >
                {at === undefined ? 'set' : 'edit'}
              </button>
            ) : null}
          </>
        )}
      </dd>
    </div>
  );
}
