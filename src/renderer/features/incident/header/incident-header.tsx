import type { SeverityScale } from '../../../../shared/domain/severity';
import type { IncidentSnapshot } from '../../../../shared/incident/schema';
import { CopyButton } from '../../runbooks/copy-button';
import { CopyIncidentLink } from '../../sync/copy-incident-link';
import { PresenceChips } from '../../sync/presence-chips';
import { LifecycleButton } from '../lifecycle-button';
import { nextLifecycleStep, STATUS_WORDS } from '../lifecycle-step';
import { MilestoneTimes } from './milestone-times';
import { nextUpdateText } from '../next-update';
import { OpError } from '../op-error';
import { usePanelSettings } from '../panel-settings';
import type { ApplyIncidentOp } from '../panel-props';
import { ReopenControl } from './reopen-control';
import { SeverityControl } from './severity-control';
import { useOp } from '../use-op';
import { zoneLabel } from '../zoned-time';

/**
 * What the incident is and where it stands: severity, title, status with the next step (and
 * "Reopen…" once resolved or closed), the channel, the next update and the milestone times.
 */
export function IncidentHeader(props: {
  incident: IncidentSnapshot;
  apply: ApplyIncidentOp;
  now: number;
  scale: SeverityScale;
  zone: string;
  /** Moves to the closure checklist: closing goes through it. */
  onClose: () => void;
}) {
  const { incident, apply, now, scale, zone } = props;
  // Read as the panels read it; the view passes the same zone.
  const { zoneSource } = usePanelSettings();
  const closed = incident.status === 'closed';
  const step = nextLifecycleStep(incident.status);
  const lifecycle = useOp(apply);
  const update = closed ? undefined : nextUpdateText(incident.nextUpdateDueAt, now);

  return (
    <header className={`incident-head incident-head--${incident.severity}`}>
      <div className="incident-head__top">
        <SeverityControl
          severity={incident.severity}
          scale={scale}
          apply={apply}
          readOnly={closed}
        />
        <h1 id="incident-title" className="incident-head__title">
          {incident.title}
        </h1>
      </div>
      <div className="incident-head__status">
        <span
          className={`lifecycle lifecycle--${incident.status}`}
          aria-label={`Status: ${STATUS_WORDS[incident.status]}`}
        >
          {STATUS_WORDS[incident.status]}
        </span>
        {step.kind === 'set' ? (
          <LifecycleButton
            incident={incident}
            to={step.to}
            label={step.label}
            className="btn btn--small"
            op={lifecycle}
          />
        ) : step.kind === 'closure' ? (
          <button type="button" className="btn btn--small" onClick={props.onClose}>
            {step.label}
          </button>
        ) : null}
        <ReopenControl key={incident.status} incident={incident} apply={apply} />
        {update ? (
          <span className={`next-update next-update--${update.tone} tabular`}>{update.text}</span>
        ) : null}
        <span className="incident-head__channel">
          <code className="channel">{incident.channel}</code>
          <CopyButton text={incident.channel} label="Copy the channel name" />
        </span>
        <CopyIncidentLink incidentId={incident.id} />
        <PresenceChips incidentId={incident.id} zone={zone} />
      </div>
      <OpError error={lifecycle.error} />
      {incident.impact !== '' || incident.affectedServices.length > 0 ? (
        <p className="incident-head__impact">
          {incident.impact !== '' ? <span>{incident.impact}</span> : null}
          {incident.affectedServices.length > 0 ? (
            <span className="incident-head__services">
              <span className="visually-hidden">Affected services: </span>
              {incident.affectedServices.map((service) => (
                <span key={service} className="chip">
                  {service}
                </span>
              ))}
            </span>
          ) : null}
        </p>
      ) : null}
      {/* The zone beside the times it names, not a line of its own under them. */}
      <div className="incident-head__times">
        <MilestoneTimes incident={incident} apply={apply} zone={zone} now={now} readOnly={closed} />
        <p className="incident-head__zone muted">{zoneLabel(zone, zoneSource)}</p>
      </div>
    </header>
  );
}
