import type { OfferedAction } from './alert-actions';

/**
 * The action buttons for one alert or for the ticked ones: Acknowledge / Un-acknowledge /
 * Extend, Snooze, Silence 1 h · 4 h · Custom…; each names its key in its tooltip.
 */
export function AlertActionBar(props: {
  offered: readonly OfferedAction[];
  /** "for 3 alerts", added to each tooltip. */
  scope?: string;
  onAction: (offered: OfferedAction) => void;
}) {
  if (props.offered.length === 0) return null;
  return (
    <span className="action-bar" role="group" aria-label="Alert actions">
      {props.offered.map((item) => (
        <button
          key={item.id}
          type="button"
          className={`btn btn--small${item.id === 'extend' ? ' btn--primary' : ''}`}
          title={[item.label, props.scope, item.key ? `(key ${item.key})` : '']
            .filter(Boolean)
            .join(' ')}
          onClick={() => props.onAction(item)}
        >
          {item.label}
        </button>
      ))}
    </span>
  );
}
