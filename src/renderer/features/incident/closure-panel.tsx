import { useState } from 'react';
import { severityLabel } from '../../../shared/domain/severity';
import { MAX_TEXT_LENGTH, type IncidentStatus } from '../../../shared/incident/schema';
import { ChecklistRow } from './checklist-row';
import { closureReadiness, lifecycleButtons } from './closure-readiness';
import { OpError } from './op-error';
import type { ApplyIncidentOp, IncidentPanelProps } from './panel-props';
import { usePanelSettings } from './panel-settings';
import { useOp } from './use-op';
import { formatZonedFull, formatZonedShort } from './zoned-time';
import './panels.css';

/**
 * What must be true before the incident is closed, ticked by whoever checked it, and the
 * lifecycle buttons. Close stays disabled, saying which items are missing, until every required
 * item is ticked. A closed incident shows the checklist as it was, read only.
 */
export function ClosurePanel({ incident, apply, now }: IncidentPanelProps) {
  const { scale, zone } = usePanelSettings();
  const closed = incident.status === 'closed';
  const readiness = closureReadiness(incident.closure, incident.status);
  const sevWord = severityLabel(incident.severity, scale);

  return (
    <section className="incident-section closure" aria-labelledby="closure-title">
      <div className="incident-section__head">
        <h2 id="closure-title" className="incident-section__title">
          Closure
        </h2>
        <span className="incident-section__hint muted">{readiness.progress}</span>
      </div>
      {incident.closure.items.length > 0 ? (
        <ul className="checklist closure__list" aria-label="Closure checklist">
          {incident.closure.items.map((item) => (
            <ChecklistRow
              key={item.id}
              item={item}
              apply={apply}
              zone={zone}
              now={now}
              notNeeded={`not needed at ${sevWord}`}
              readOnly={closed}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">This incident has no closure checklist.</p>
      )}
      {closed ? (
        <p className="closure__closed">
          Closed
          {incident.times.closedAt !== undefined ? (
            <span title={formatZonedFull(incident.times.closedAt, zone)}>
              {' '}
              {formatZonedShort(incident.times.closedAt, zone, now)}
            </span>
          ) : null}
          . The record is read only.
        </p>
      ) : (
        <LifecycleActions
          status={incident.status}
          apply={apply}
          canClose={readiness.canClose}
          readinessText={readiness.text}
        />
      )}
    </section>
  );
}

function LifecycleActions(props: {
  status: IncidentStatus;
  apply: ApplyIncidentOp;
  canClose: boolean;
  readinessText: string;
}) {
  const { status, canClose } = props;
  const op = useOp(props.apply);
  const [note, setNote] = useState('');

  const move = async (to: IncidentStatus): Promise<void> => {
    const text = note.trim();
    const done = await op.run({
      type: 'lifecycle.set',
      args: text === '' ? { status: to } : { status: to, note: text },
    });
    if (done) setNote('');
  };

  return (
    <div className="closure__lifecycle">
      <label className="field">
        <span className="field__label">Note for the timeline (optional)</span>
        <input
          className="field__input"
          value={note}
          maxLength={MAX_TEXT_LENGTH}
          placeholder="e.g. error rate back at baseline since 14:40"
          onChange={(event) => {
            setNote(event.target.value);
            if (op.error) op.clearError();
          }}
        />
      </label>
      <div className="closure__buttons">
        {lifecycleButtons(status).map((button) => (
          <button
            key={button.to}
            type="button"
            className="btn"
            disabled={op.busy}
            onClick={() => void move(button.to)}
          >
            {button.label}
          </button>
        ))}
        <button
          type="button"
          className="btn btn--primary"
          disabled={!canClose || op.busy}
          aria-describedby="closure-readiness"
          onClick={() => void move('closed')}
        >
          Close incident
        </button>
      </div>
      <p
        id="closure-readiness"
        className={`closure__readiness${canClose ? ' closure__readiness--ready' : ''}`}
        role="status"
      >
        {props.readinessText}
      </p>
      <OpError error={op.error} />
    </div>
  );
}
