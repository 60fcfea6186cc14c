import type { Alert } from '../../../shared/domain/alert';
import type { SeverityScale } from '../../../shared/domain/severity';
import { LabelChip } from '../../components/chip';
import { SeverityBadge } from '../../components/severity-badge';
import { formatDuration, formatTimestamp } from '../../components/time-format';
import { PartBoundary } from '../../components/part-boundary';
import { AlertDetails } from './alert-details';
import { keyLabels } from './alert-fields';

/** What one row shows and does. */
export interface AlertRowProps {
  alert: Alert;
  sourceName: string;
  scale: SeverityScale;
  /** Epoch ms of the ticking clock. */
  now: number;
  selected: boolean;
  expanded: boolean;
  onToggle: (id: string) => void;
  /** Ticked for "Declare from N alerts". */
  checked: boolean;
  onCheck: (id: string) => void;
}

/**
 * One alert: severity, title, summary, where (key labels), source, age and status; its details
 * below when expanded. All alert text is untrusted and rendered as text nodes only.
 */
export function AlertRow(props: AlertRowProps) {
  const { alert, sourceName, scale, now, selected, expanded, onToggle, checked, onCheck } = props;
  const resolved = alert.status === 'resolved';
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
    selected ? 'alert--selected' : '',
    expanded ? 'alert--expanded' : '',
    checked ? 'alert--checked' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes} aria-current={selected ? 'true' : undefined}>
      <div className="alert__line">
        <label className="alert__check">
          <input
            type="checkbox"
            checked={checked}
            onChange={() => onCheck(alert.id)}
            aria-label={`Select “${alert.title}” to declare an incident`}
          />
        </label>
        <button
          type="button"
          className="alert__head"
          data-alert-id={alert.id}
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          onClick={() => onToggle(alert.id)}
        >
          <span className="alert__severity">
            <SeverityBadge severity={alert.severity} scale={scale} quiet={resolved} />
          </span>
          <span className="alert__main">
            <span className="alert__title">{alert.title}</span>
            {alert.summary ? <span className="alert__summary">{alert.summary}</span> : null}
            <span className="alert__chips">
              {keyLabels(alert).map((label) => (
                <LabelChip key={label.name} name={label.name} value={label.value} />
              ))}
            </span>
          </span>
          <span className="alert__meta">
            <span className="alert__age tabular" title={ageTitle}>
              {age}
            </span>
            <span className={`status status--${alert.status}`}>{alert.status}</span>
            <span className="alert__source" title={`Source: ${sourceName}`}>
              {sourceName}
            </span>
          </span>
        </button>
      </div>
      {expanded ? (
        <PartBoundary part="the alert's details">
          <AlertDetails id={detailsId} alert={alert} sourceName={sourceName} now={now} />
        </PartBoundary>
      ) : null}
    </li>
  );
}
