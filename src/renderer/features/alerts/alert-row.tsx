import { memo } from 'react';
import type { Alert } from '../../../shared/domain/alert';
import { alertState } from '../../../shared/domain/alert-state';
import type { SeverityScale } from '../../../shared/domain/severity';
import { SeverityBadge } from '../../components/severity-badge';
import { formatDuration, formatTimestamp } from '../../components/time-format';
import { PartBoundary } from '../../components/part-boundary';
import type { IncidentRef } from './incident-alerts';

/** What one row shows and does. */
export interface AlertRowProps {
  alert: Alert;
  /** The labels that tell this row apart (see `rowLabels`). */
  labels: ReadonlyArray<{ name: string; value: string }>;
  /** False inside a group line that already names the alert. */
  showTitle: boolean;
  /** Undefined when only one source is watched: then naming it says nothing. */
  sourceName: string | undefined;
  scale: SeverityScale;
  /** Epoch ms of the ticking clock. */
  now: number;
  selected: boolean;
  expanded: boolean;
  checked: boolean;
  /** The open incidents it is in. */
  incidents: readonly IncidentRef[] | undefined;
  /** Why the last action failed on it, if it did. */
  failure: string | undefined;
  /** Label chips switched on in the filter, as `name=value`. */
  activeTerms: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onCheck: (id: string) => void;
  onLabel: (name: string, value: string) => void;
  onIncident: (id: string) => void;
  /** The details, rendered only when expanded. */
  details: React.ReactNode;
}

/**
 * One alert on one line: severity, title and summary, the labels that tell it apart (each a
 * button that filters by it), then its incident, its state when it is not simply firing, its
 * source when several are watched, and its age. All alert text is untrusted, rendered as text.
 */
export const AlertRow = memo(function AlertRow(props: AlertRowProps) {
  const { alert, now } = props;
  const state = alertState(alert);
  const resolved = state === 'resolved';
  const started = Date.parse(alert.startsAt);
  const ended = alert.endsAt ? Date.parse(alert.endsAt) : undefined;
  const age = resolved
    ? `resolved ${formatDuration(now - (ended ?? now))} ago`
    : formatDuration(now - started);
  const ageTitle =
    resolved && ended !== undefined
      ? `Resolved ${formatTimestamp(new Date(ended))}`
      : `Firing since ${formatTimestamp(new Date(started))}`;
  const detailsId = `alert-details-${alert.id}`;
  const classes = [
    'alert',
    `alert--${alert.severity}`,
    `alert--${alert.status}`,
    `alert--state-${state}`,
    props.selected ? 'alert--selected' : '',
    props.expanded ? 'alert--expanded' : '',
    props.checked ? 'alert--checked' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const unmapped = alert.severityUnmapped === true ? (alert.severityLabel ?? '') : undefined;

  return (
    <li className={classes} aria-current={props.selected ? 'true' : undefined}>
      <div className="alert__line">
        <label className="alert__check">
          <input
            type="checkbox"
            checked={props.checked}
            onChange={() => props.onCheck(alert.id)}
            aria-label={`Select “${alert.title}” to declare an incident`}
          />
        </label>
        <button
          type="button"
          className="alert__head"
          data-alert-id={alert.id}
          aria-expanded={props.expanded}
          aria-controls={props.expanded ? detailsId : undefined}
          onClick={() => props.onToggle(alert.id)}
        >
          <SeverityBadge
            severity={alert.severity}
            scale={props.scale}
            quiet={resolved}
            unmappedWord={unmapped}
          />
          <span className="alert__text">
            {props.showTitle ? <span className="alert__title">{alert.title}</span> : null}
            {alert.summary ? <span className="alert__summary">{alert.summary}</span> : null}
          </span>
        </button>
        <span className="alert__chips">
          {props.labels.map((label) => {
            const on = props.activeTerms.has(`${label.name}=${label.value}`);
            return (
              <button
                type="button"
                key={label.name}
                className={`chip chip--button${on ? ' chip--on' : ''}`}
                // The label as written, for the tooltip and the accessible name; `aria-pressed`
                // says whether it filters.
                aria-label={`${label.name}=${label.value}`}
                title={`${label.name}=${label.value}`}
                aria-pressed={on}
                onClick={() => props.onLabel(label.name, label.value)}
              >
                <span className="chip__key">{label.name}=</span>
                {label.value}
              </button>
            );
          })}
        </span>
        <span className="alert__meta">
          {props.incidents?.map((incident) => (
            <button
              type="button"
              key={incident.id}
              className="incident-chip"
              title={`In incident “${incident.title}” (${incident.id}): open it`}
              onClick={() => props.onIncident(incident.id)}
            >
              {incident.title}
            </button>
          ))}
          {state !== 'firing' ? (
            <span className={`status status--${state}`}>
              {state === 'acknowledged' ? 'acked' : state}
            </span>
          ) : null}
          {props.sourceName !== undefined ? (
            <span className="alert__source" title={`Source: ${props.sourceName}`}>
              {props.sourceName}
            </span>
          ) : null}
          <span className="alert__age tabular" title={ageTitle}>
            {age}
          </span>
        </span>
      </div>
      {props.failure !== undefined ? (
        <p className="alert__failure" role="alert">
          {props.failure}
        </p>
      ) : null}
      {props.expanded ? (
        <div id={detailsId}>
          <PartBoundary part="the alert's details">{props.details}</PartBoundary>
        </div>
      ) : null}
    </li>
  );
});
