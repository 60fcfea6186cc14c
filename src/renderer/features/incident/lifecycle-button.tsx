import { useState } from 'react';
import { alertsNotClear, describeAlertsNotClear } from '../../../shared/incident/closure-judgement';
import type { IncidentSnapshot, IncidentStatus } from '../../../shared/incident/schema';
import type { OpRunner } from './use-op';

const ANYWAY: Partial<Record<IncidentStatus, string>> = {
  resolved: 'Resolve anyway',
  closed: 'Close anyway',
};

/**
 * A button that moves the incident along. Resolving or closing while linked alerts still fire
 * first asks, naming them; confirmed, the app records on the timeline that it went ahead.
 */
export function LifecycleButton(props: {
  incident: IncidentSnapshot;
  to: IncidentStatus;
  label: string;
  className: string;
  op: OpRunner;
  disabled?: boolean;
  describedBy?: string;
  /** The note for the timeline, when the control has one. */
  note?: string;
  onDone?: () => void;
}) {
  const { incident, to, op } = props;
  const [asking, setAsking] = useState(false);
  const anyway = ANYWAY[to];
  const firing =
    anyway !== undefined && incident.status !== 'closed'
      ? alertsNotClear(incident.sourceAlerts)
      : [];

  const move = async (despiteFiringAlerts: boolean): Promise<void> => {
    const note = props.note?.trim() ?? '';
    const done = await op.run({
      type: 'lifecycle.set',
      args: {
        status: to,
        ...(note === '' ? {} : { note }),
        ...(despiteFiringAlerts ? { despiteFiringAlerts } : {}),
      },
    });
    setAsking(false);
    if (done) props.onDone?.();
  };

  return (
    <>
      <button
        type="button"
        className={props.className}
        disabled={props.disabled === true || op.busy || asking}
        aria-describedby={props.describedBy}
        onClick={() => {
          if (firing.length > 0) setAsking(true);
          else void move(false);
        }}
      >
        {props.label}
      </button>
      {asking && anyway !== undefined ? (
        <div className="lifecycle-confirm" role="group" aria-label={`Confirm: ${props.label}`}>
          <p className="lifecycle-confirm__text">
            {describeAlertsNotClear(firing)}. {anyway}? The timeline will say it was confirmed while
            they fired.
          </p>
          <div className="lifecycle-confirm__buttons">
            <button
              type="button"
              className="btn btn--small btn--danger"
              disabled={op.busy}
              onClick={() => void move(true)}
            >
              {anyway}
            </button>
            <button
              type="button"
              className="btn btn--small"
              // Focus lands here first: the safe choice under a keyboard.
              autoFocus
              onClick={() => setAsking(false)}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
