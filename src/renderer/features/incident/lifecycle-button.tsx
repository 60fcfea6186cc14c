import { useId, useState } from 'react';
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
  const buttonId = useId();
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
        id={buttonId}
        type="button"
        className={props.className}
        // Only `disabled` when it cannot be used: a button disabled while saving or asking
        // drops the keyboard focus to the page, and the next Tab starts over from there.
        disabled={props.disabled === true}
        aria-disabled={op.busy || asking || undefined}
        aria-describedby={props.describedBy}
        onClick={() => {
          if (op.busy || asking) return;
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
              onClick={() => {
                setAsking(false);
                // Cancel goes away with the keyboard on it: back to the button that asked.
                requestAnimationFrame(() => document.getElementById(buttonId)?.focus());
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
