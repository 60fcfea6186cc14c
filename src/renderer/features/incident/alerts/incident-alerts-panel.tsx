import { useMemo, useState } from 'react';
import type { SeverityScale } from '../../../../shared/domain/severity';
import { useAppState, useUi } from '../../../app/app-context';
import { LabelChip } from '../../../components/chip';
import { SeverityBadge } from '../../../components/severity-badge';
import {
  ALERT_STATE_WORDS,
  incidentAlertRows,
  incidentAlertsSummary,
  type IncidentAlertRow,
} from './incident-alerts';
import type { IncidentPanelProps } from '../panel-props';
import { usePanelSettings } from '../panel-settings';
import { formatZonedFull, formatZonedShort } from '../zoned-time';
import '../panels.css';

/** Rows shown before "Show all": a storm's fifty alerts must not push the other panels away. */
const ROW_LIMIT = 8;

/**
 * The alerts the incident was declared from and those added since, each with its state now from
 * the app's alert list, so an acknowledged or resolved alert stays in view. Alert text is
 * untrusted: text nodes only.
 */
export function IncidentAlertsPanel({ incident, now }: IncidentPanelProps) {
  const { scale, zone } = usePanelSettings();
  const alerts = useAppState((s) => s.alerts);
  const loaded = useAppState((s) => s.alertsLoaded);
  const notice = useUi((s) =>
    s.incidentNotice?.incidentId === incident.id ? s.incidentNotice.text : undefined,
  );
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo(
    () => incidentAlertRows(incident.sourceAlerts, loaded ? alerts : undefined),
    [incident.sourceAlerts, alerts, loaded],
  );
  const shown = showAll ? rows : rows.slice(0, ROW_LIMIT);

  return (
    <section className="incident-section incident-alerts" aria-labelledby="incident-alerts-title">
      <div className="incident-section__head">
        <h2 id="incident-alerts-title" className="incident-section__title">
          Alerts
        </h2>
        <span className="incident-section__hint muted">{incidentAlertsSummary(rows)}</span>
      </div>
      {notice ? (
        <p className="incident-alerts__notice" role="status">
          {notice}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">
          No alerts on this incident. To add some, tick them in the alerts view and choose “Add to
          incident…”.
        </p>
      ) : (
        <ul className="incident-alerts__list" aria-label="Alerts on this incident">
          {shown.map((row) => (
            <AlertItem key={row.alert.id} row={row} scale={scale} zone={zone} now={now} />
          ))}
        </ul>
      )}
      {shown.length < rows.length ? (
        <button type="button" className="btn btn--link" onClick={() => setShowAll(true)}>
          Show all {rows.length} alerts
        </button>
      ) : null}
    </section>
  );
}

function AlertItem(props: {
  row: IncidentAlertRow;
  scale: SeverityScale;
  zone: string;
  now: number;
}) {
  const { row, zone, now } = props;
  const { alert, state } = row;
  const settled = state === 'resolved' || state === 'gone';
  return (
    <li className={`incident-alert incident-alert--${state}`}>
      <SeverityBadge severity={alert.severity} scale={props.scale} quiet={settled} />
      <span className="incident-alert__main">
        <span className="incident-alert__title">{alert.title}</span>
        {row.labels.length > 0 ? (
          <span className="incident-alert__chips">
            {row.labels.map((label) => (
              <LabelChip key={label.name} name={label.name} value={label.value} />
            ))}
          </span>
        ) : null}
        <span className="incident-alert__facts">
          <span>
            started{' '}
            <time
              className="tabular"
              dateTime={alert.startsAt}
              title={formatZonedFull(alert.startsAt, zone)}
            >
              {formatZonedShort(alert.startsAt, zone, now)}
            </time>
          </span>
          {row.endedAt !== undefined ? (
            <span>
              ended{' '}
              <time
                className="tabular"
                dateTime={row.endedAt}
                title={formatZonedFull(row.endedAt, zone)}
              >
                {formatZonedShort(row.endedAt, zone, now)}
              </time>
            </span>
          ) : null}
          {row.ackBy !== undefined ? <span>acknowledged by {row.ackBy}</span> : null}
        </span>
      </span>
      <span className={`incident-alert__state incident-alert__state--${state}`}>
        {ALERT_STATE_WORDS[state]}
      </span>
    </li>
  );
}
