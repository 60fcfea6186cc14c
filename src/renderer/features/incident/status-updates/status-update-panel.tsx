import { severityLabel } from '../../../../shared/domain/severity';
import { CadenceControl } from './cadence-control';
import type { IncidentPanelProps } from '../panel-props';
import { usePanelSettings } from '../panel-settings';
import { statusCountdown } from './status-countdown';
import { StatusDraftEditor } from './status-draft-editor';
import { formatZonedFull, formatZonedShort, zoneName } from '../zoned-time';
import '../panels.css';

/**
 * Status updates: the countdown to the next one, the cadence, and the update being written.
 * Keyed by incident, so a draft never carries over to another incident.
 */
export function StatusUpdatePanel(props: IncidentPanelProps) {
  return <StatusUpdates key={props.incident.id} {...props} />;
}

function StatusUpdates({ incident, apply, now }: IncidentPanelProps) {
  const { scale, zone } = usePanelSettings();
  const readOnly = incident.status === 'closed';
  const countdown = statusCountdown(incident, now);
  const due = incident.nextUpdateDueAt;

  return (
    <section className="incident-section status-panel" aria-labelledby="status-panel-title">
      <div className="incident-section__head">
        <h2 id="status-panel-title" className="incident-section__title">
          Status updates
        </h2>
        <span className="incident-section__hint muted">
          {incident.lastUpdateAt === undefined ? (
            'none posted yet'
          ) : (
            <span title={formatZonedFull(incident.lastUpdateAt, zone)}>
              last posted {formatZonedShort(incident.lastUpdateAt, zone, now)}
            </span>
          )}
        </span>
      </div>
      <div className={`countdown countdown--${countdown.tone}`}>
        <span className="countdown__label">Next update</span>
        {countdown.clock !== undefined ? (
          // Hidden from screen readers, which would read it out every second; the sentence
          // beside it says the same, and the status line below speaks up when it matters.
          <span className="countdown__clock tabular" aria-hidden="true">
            {countdown.clock}
          </span>
        ) : null}
        <span className="countdown__text">
          {countdown.text}
          {due !== undefined ? (
            <span className="muted" title={formatZonedFull(due, zone)}>
              {' '}
              ({countdown.tone === 'overdue' ? 'was due' : 'at'} {formatZonedShort(due, zone, now)}{' '}
              {zoneName(zone)})
            </span>
          ) : null}
        </span>
        <span className="visually-hidden" role="status">
          {countdown.tone === 'overdue'
            ? 'The status update is overdue.'
            : countdown.tone === 'soon'
              ? 'The status update is due in less than five minutes.'
              : ''}
        </span>
      </div>
      <CadenceControl minutes={incident.statusCadenceMinutes} apply={apply} readOnly={readOnly} />
      <StatusDraftEditor
        incident={incident}
        apply={apply}
        now={now}
        severityLabel={severityLabel(incident.severity, scale)}
        zone={zone}
        readOnly={readOnly}
      />
    </section>
  );
}
