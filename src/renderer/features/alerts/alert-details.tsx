import { useState } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import { useApp, useIncidents } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { openIncidentCount } from '../../stores/incident-state';
import { formatDuration, formatTimestamp } from '../../components/time-format';
import { AlertRunbooks } from '../runbooks/alert-runbooks';
import { AlertActionBar } from './alert-action-bar';
import { AlertEscalation } from './alert-escalation';
import type { OfferedAction } from './alert-actions';
import { fieldEntries, sourceLink, type FieldEntry } from './alert-fields';
import type { IncidentRef } from './incident-alerts';
import { MutedFacts } from './muted-facts';

/**
 * Everything about one alert, as plain text: its runbooks, every label and annotation
 * (untrusted — never parsed as HTML or Markdown), with http(s) values offered as buttons that
 * open through the bridge's link guard.
 */
export function AlertDetails(props: {
  alert: Alert;
  sourceName: string;
  now: number;
  incidents: readonly IncidentRef[] | undefined;
  offered: readonly OfferedAction[];
  onAction: (offered: OfferedAction) => void;
}) {
  const { alert, now } = props;
  const incident = props.incidents?.[0];
  const { bridge, uiStore } = useApp();
  const [linkError, setLinkError] = useState<string | undefined>();
  const canAttach = useIncidents((s) => openIncidentCount(s.list) > 0);
  const open = (url: string): void => {
    setLinkError(undefined);
    bridge.openLink(url).then(
      (opened) => {
        if (!opened) setLinkError(`The app refused to open ${url}.`);
      },
      (error: unknown) => setLinkError(errorMessage(error)),
    );
  };
  const generator = sourceLink(alert);
  const started = new Date(alert.startsAt);
  return (
    <div className="details">
      <div className="details__facts">
        {incident ? (
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => uiStore.actions.openIncident(incident.id)}
            title={`${incident.title} (${incident.id})`}
          >
            Open incident
          </button>
        ) : (
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => uiStore.actions.startDeclare([alert.id])}
          >
            Declare incident
          </button>
        )}
        {canAttach && !incident ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => uiStore.actions.startAttach([alert.id], false)}
          >
            Add to incident…
          </button>
        ) : null}
        {generator ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => open(generator)}
            title={generator}
          >
            Open at source ↗
          </button>
        ) : null}
        <span>
          Started <span className="tabular">{formatTimestamp(started)}</span> (
          {formatDuration(now - started.getTime())} ago)
        </span>
        {alert.endsAt && alert.status === 'resolved' ? (
          <span>
            Resolved <span className="tabular">{formatTimestamp(new Date(alert.endsAt))}</span>
          </span>
        ) : null}
        <span>Source: {props.sourceName}</span>
      </div>
      <AlertActionBar offered={props.offered} onAction={props.onAction} />
      <MutedFacts alert={alert} now={now} />
      {linkError ? <p className="details__error">{linkError}</p> : null}
      <AlertRunbooks alert={alert} openLink={open} />
      <AlertEscalation alert={alert} now={now} />
      <div className="details__columns">
        <FieldList title="Annotations" entries={fieldEntries(alert.annotations)} onOpen={open} />
        <FieldList title="Labels" entries={fieldEntries(alert.labels)} onOpen={open} />
      </div>
    </div>
  );
}

function FieldList(props: { title: string; entries: FieldEntry[]; onOpen: (url: string) => void }) {
  return (
    <section className="fields">
      <h3 className="fields__title">{props.title}</h3>
      {props.entries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <dl className="fields__list">
          {props.entries.map((entry) => (
            <div className="fields__row" key={entry.name}>
              <dt>{entry.name}</dt>
              <dd>
                <span className="fields__value">{entry.value}</span>
                {entry.link ? (
                  <button
                    type="button"
                    className="btn btn--small fields__open"
                    onClick={() => entry.link && props.onOpen(entry.link)}
                    title={entry.link}
                  >
                    Open ↗
                  </button>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
