import { memo } from 'react';
import type { SeverityScale } from '../../../shared/domain/severity';
import { SeverityBadge } from '../../components/severity-badge';
import { formatDuration, formatTimestamp } from '../../components/time-format';
import type { AlertGroup } from './alert-groups';

/**
 * A group's line: its worst severity, its name, ×count and what differs inside
 * ("KubePodCrashLooping ×12 — service: checkout 4 · payments 4 · search 4"). A button: Enter
 * or a click opens or closes the group.
 */
export const AlertGroupLine = memo(function AlertGroupLine(props: {
  group: AlertGroup;
  open: boolean;
  selected: boolean;
  scale: SeverityScale;
  /** Epoch ms of the ticking clock. */
  now: number;
  onToggle: (key: string) => void;
}) {
  const { group, open } = props;
  const worst = group.alerts[0];
  if (!worst) return null;
  const { breakdown } = group;
  // How long the group has been firing: since its oldest alert began.
  const oldest = Math.min(...group.alerts.map((a) => Date.parse(a.startsAt)));
  return (
    <li
      className={`group alert--${worst.severity}${props.selected ? ' group--selected' : ''}`}
      aria-current={props.selected ? 'true' : undefined}
    >
      <button
        type="button"
        className="group__head"
        data-alert-id={group.key}
        aria-expanded={open}
        onClick={() => props.onToggle(group.key)}
      >
        <span className="group__caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <SeverityBadge severity={worst.severity} scale={props.scale} />
        <span className="group__name">{group.name}</span>
        <span className="group__count tabular">×{group.alerts.length}</span>
        {breakdown ? (
          <span className="group__breakdown" title={`Alerts by ${breakdown.label}`}>
            — <span className="group__label">{breakdown.label}:</span>{' '}
            {breakdown.values
              .map(([value, count]) => (breakdown.unique ? value : `${value} ${count}`))
              .join(' · ')}
            {breakdown.more > 0 ? ` · +${breakdown.more} more` : ''}
          </span>
        ) : null}
        <span
          className="group__age tabular"
          title={`Firing since ${formatTimestamp(new Date(oldest))}`}
        >
          {formatDuration(props.now - oldest)}
        </span>
      </button>
    </li>
  );
});
