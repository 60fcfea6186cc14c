import { useState } from 'react';
import { severityLabel } from '../../../../shared/domain/severity';
import { JUDGED_CLOSURE_ITEMS, judgeClosure } from '../../../../shared/incident/closure-judgement';
import { MAX_TEXT_LENGTH, type IncidentSnapshot } from '../../../../shared/incident/schema';
import { ChecklistRow } from '../checklist-row';
import { closureReadiness, lifecycleButtons } from './closure-readiness';
import { LifecycleButton } from '../lifecycle-button';
import { OpError } from '../op-error';
import type { ApplyIncidentOp, IncidentPanelProps } from '../panel-props';
import { usePanelSettings } from '../panel-settings';
import { useOp } from '../use-op';
import { formatZonedFull, formatZonedShort } from '../zoned-time';
import '../panels.css';

/**
 * What must be true before the incident is closed, ticked by whoever checked it, and the
 * lifecycle buttons. Close stays disabled, saying which items are missing, until every required
 * item is ticked. Items the app can judge itself (alerts clear, an hour since mitigation, a
 * resolved update posted, action items owned) say beside them whether they hold and why, so a
 * tick against the facts stands out. A closed incident shows the checklist as it was, read only.
 */
export function ClosurePanel({ incident, apply, now }: IncidentPanelProps) {
  const { scale, zone } = usePanelSettings();
  const closed = incident.status === 'closed';
  const readiness = closureReadiness(incident.closure, incident.status);
  const sevWord = severityLabel(incident.severity, scale);
  const judged = judgeClosure(incident, now);
  // Action items are judged even where the team's checklist has no item for them.
  const ownership = incident.closure.items.some(
    (item) => item.id === JUDGED_CLOSURE_ITEMS.actionItems,
  )
    ? undefined
    : judged.get(JUDGED_CLOSURE_ITEMS.actionItems);
  const unmetTicked = incident.closure.items.filter(
    (item) => item.done !== undefined && judged.get(item.id)?.met === false,
  );

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
              judgement={closed ? undefined : judged.get(item.id)}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">This incident has no closure checklist.</p>
      )}
      {ownership === undefined || closed ? null : (
        <p className={`judgement judgement--${ownership.met ? 'met' : 'unmet'}`}>
          Action items: {ownership.why}
        </p>
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
          incident={incident}
          apply={apply}
          canClose={readiness.canClose}
          readinessText={
            unmetTicked.length === 0
              ? readiness.text
              : `${readiness.text} Ticked, but not what the app sees: ${unmetTicked
                  .map((item) => `${item.text} (${judged.get(item.id)?.why ?? ''})`)
                  .join('; ')}.`
          }
        />
      )}
    </section>
  );
}

function LifecycleActions(props: {
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  canClose: boolean;
  readinessText: string;
}) {
  const { incident, canClose } = props;
  const op = useOp(props.apply);
  const [note, setNote] = useState('');

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
        {lifecycleButtons(incident.status).map((button) => (
          <LifecycleButton
            key={button.to}
            incident={incident}
            to={button.to}
            label={button.label}
            className="btn"
            op={op}
            note={note}
            onDone={() => setNote('')}
          />
        ))}
        <LifecycleButton
          incident={incident}
          to="closed"
          label="Close incident"
          className="btn btn--primary"
          op={op}
          note={note}
          disabled={!canClose}
          describedBy="closure-readiness"
          onDone={() => setNote('')}
        />
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
