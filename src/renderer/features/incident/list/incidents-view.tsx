import { useMemo } from 'react';
import type { SeverityScale } from '../../../../shared/domain/severity';
import type { IncidentSummary } from '../../../../shared/ipc/incident-schemas';
import { useApp, useAppState, useIncidents } from '../../../app/app-context';
import { useNow } from '../../../app/use-now';
import { SeverityBadge } from '../../../components/severity-badge';
import { groupIncidents } from '../incident-groups';
import { STATUS_WORDS } from '../lifecycle-step';
import { nextUpdateText } from '../next-update';
import { StoreProblems } from './store-problems';
import { TeamIncidents } from '../../sync/team-incidents';
import { JoinFromLink } from '../../sync/join-from-link';
import {
  formatZonedFull,
  formatZonedShort,
  incidentTimeZone,
  machineTimeZone,
} from '../zoned-time';

/** Every incident: open ones first (worst, newest), closed ones below; "New incident". */
export function IncidentsView() {
  const { uiStore, incidentStore } = useApp();
  const list = useIncidents((s) => s.list);
  const listError = useIncidents((s) => s.listError);
  const scale = useAppState((s) => s.settings?.settings.severityScale ?? 'sev1-4');
  const zone = incidentTimeZone(
    useAppState((s) => s.settings?.settings.profile.timeZone),
    machineTimeZone(),
  );
  const now = useNow(15_000);
  const groups = useMemo(() => groupIncidents(list?.incidents ?? []), [list]);

  return (
    <section className="incidents" aria-labelledby="incidents-title">
      <div className="incidents__head">
        <h1 id="incidents-title" className="incidents__title">
          Incidents
        </h1>
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => uiStore.actions.startDeclare([])}
        >
          New incident
        </button>
      </div>
      {listError && !list ? (
        <div className="banner banner--danger" role="alert">
          <strong>The incidents could not be loaded.</strong> {listError}
        </div>
      ) : null}
      <StoreProblems
        problems={list?.problems ?? []}
        onDismiss={incidentStore.actions.dismissProblem}
      />
      <JoinFromLink />
      <TeamIncidents zone={zone} now={now} scale={scale} />
      {!list ? (
        listError ? null : (
          <p className="muted">Loading incidents…</p>
        )
      ) : list.incidents.length === 0 ? (
        <div className="empty">
          <p>No incidents yet.</p>
          <p className="muted">
            Declare one from the alerts (tick them, then “Declare from N alerts”) or start one here
            with “New incident”.
          </p>
        </div>
      ) : (
        <>
          <IncidentGroup
            title="Open"
            incidents={groups.open}
            empty="Nothing open."
            scale={scale}
            zone={zone}
            now={now}
          />
          {groups.closed.length > 0 ? (
            <IncidentGroup
              title="Closed"
              incidents={groups.closed}
              empty=""
              scale={scale}
              zone={zone}
              now={now}
            />
          ) : null}
        </>
      )}
    </section>
  );
}

function IncidentGroup(props: {
  title: string;
  incidents: readonly IncidentSummary[];
  empty: string;
  scale: SeverityScale;
  zone: string;
  now: number;
}) {
  const id = `incidents-${props.title.toLowerCase()}`;
  return (
    <section className="incident-group" aria-labelledby={id}>
      <h2 id={id} className="incident-group__title">
        {props.title} <span className="tabular muted">({props.incidents.length})</span>
      </h2>
      {props.incidents.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <ul className="incident-rows">
          {props.incidents.map((incident) => (
            <IncidentRow
              key={incident.id}
              incident={incident}
              scale={props.scale}
              zone={props.zone}
              now={props.now}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function IncidentRow(props: {
  incident: IncidentSummary;
  scale: SeverityScale;
  zone: string;
  now: number;
}) {
  const { uiStore } = useApp();
  const { incident, zone, now } = props;
  const closed = incident.status === 'closed';
  const update = closed ? undefined : nextUpdateText(incident.nextUpdateDueAt, now);
  const declared = incident.declaredAt;
  return (
    <li className={`incident-row incident-row--${incident.severity}${closed ? ' is-closed' : ''}`}>
      <button
        type="button"
        className="incident-row__button"
        onClick={() => uiStore.actions.openIncident(incident.id)}
      >
        <span className="incident-row__severity">
          <SeverityBadge severity={incident.severity} scale={props.scale} quiet={closed} />
        </span>
        <span className="incident-row__main">
          <span className="incident-row__title">{incident.title}</span>
          <span className="incident-row__facts">
            <span>
              IC: {incident.commander ?? <span className="incident-row__nobody">unassigned</span>}
            </span>
            {declared ? (
              <span className="tabular" title={formatZonedFull(declared, zone)}>
                declared {formatZonedShort(declared, zone, now)}
              </span>
            ) : null}
            <span className="incident-row__channel">{incident.channel}</span>
            {incident.warning ? (
              <span className="incident-row__warning">⚠ record repaired</span>
            ) : null}
          </span>
        </span>
        <span className="incident-row__meta">
          <span className={`lifecycle lifecycle--${incident.status}`}>
            {STATUS_WORDS[incident.status]}
          </span>
          {update ? (
            <span className={`next-update next-update--${update.tone} tabular`}>{update.text}</span>
          ) : incident.closedAt ? (
            <span className="muted tabular" title={formatZonedFull(incident.closedAt, zone)}>
              closed {formatZonedShort(incident.closedAt, zone, now)}
            </span>
          ) : null}
        </span>
      </button>
    </li>
  );
}
