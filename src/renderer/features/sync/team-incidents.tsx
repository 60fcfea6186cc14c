import { useState } from 'react';
import type { SeverityScale } from '../../../shared/domain/severity';
import type { TeamIncident } from '../../../shared/sync/sync-view';
import { useApp, useAppState, useIncidents } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { SeverityBadge } from '../../components/severity-badge';
import { STATUS_WORDS } from '../incident/lifecycle-step';
import { formatZonedFull, formatZonedShort } from '../incident/zoned-time';
import { CopyIncidentLink } from './copy-incident-link';

/**
 * The team incidents this app does not hold yet, each with "Join", which fetches it from the
 * sync server and opens it (when that fails the row says why), and "Copy link", to pass it on
 * without joining. Nothing shows while sync is off
 * or the team has nothing more.
 */
export function TeamIncidents(props: { zone: string; now: number; scale: SeverityScale }) {
  const sync = useAppState((s) => s.sync);
  const here = useIncidents((s) => s.list?.incidents);
  const held = new Set((here ?? []).map((incident) => incident.id));
  const elsewhere = (sync?.teamIncidents ?? []).filter(
    (incident) => !incident.joined && !held.has(incident.id),
  );
  if (elsewhere.length === 0) return null;
  return (
    <section className="incident-group team-incidents" aria-labelledby="incidents-team">
      <h2 id="incidents-team" className="incident-group__title">
        Team — not here yet <span className="tabular muted">({elsewhere.length})</span>
      </h2>
      <ul className="incident-rows">
        {elsewhere.map((incident) => (
          <TeamIncidentRow key={incident.id} incident={incident} {...props} />
        ))}
      </ul>
    </section>
  );
}

function TeamIncidentRow(props: {
  incident: TeamIncident;
  zone: string;
  now: number;
  scale: SeverityScale;
}) {
  const { bridge, uiStore } = useApp();
  const { incident, zone, now } = props;
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const closed = incident.status === 'closed';
  const titleId = `team-incident-${incident.id}`;

  const join = (): void => {
    setJoining(true);
    setError(undefined);
    bridge.invoke('sync:join', { id: incident.id }).then(
      () => uiStore.actions.openIncident(incident.id),
      (failure: unknown) => {
        setJoining(false);
        setError(`Could not join: ${errorMessage(failure)}`);
      },
    );
  };

  return (
    <li
      className={`incident-row team-incident incident-row--${incident.severity}${closed ? ' is-closed' : ''}`}
    >
      <div className="team-incident__body">
        <span className="incident-row__severity">
          <SeverityBadge severity={incident.severity} scale={props.scale} quiet={closed} />
        </span>
        <span className="incident-row__main">
          <span className="incident-row__title" id={titleId}>
            {incident.title}
          </span>
          <span className="incident-row__facts">
            <span>{STATUS_WORDS[incident.status]}</span>
            {incident.declaredAt ? (
              <span title={formatZonedFull(incident.declaredAt, zone)}>
                declared {formatZonedShort(incident.declaredAt, zone, now)}
              </span>
            ) : null}
            <span className="muted">on the team’s server</span>
          </span>
          {error ? (
            <span className="field__error team-incident__error" role="alert">
              {error}
            </span>
          ) : null}
        </span>
        <CopyIncidentLink incidentId={incident.id} title={incident.title} />
        <button
          type="button"
          className="btn btn--primary team-incident__join"
          aria-describedby={titleId}
          disabled={joining}
          onClick={join}
        >
          {joining ? 'Joining…' : 'Join'}
        </button>
      </div>
    </li>
  );
}
