import type { ReactNode } from 'react';

/**
 * What a settings section says next to its buttons. `note` is said calmly, and unlike `saving`
 * it leaves Save enabled.
 */
export interface SectionStatus {
  kind: 'saving' | 'saved' | 'error' | 'note';
  text: string;
}

/**
 * A section's Save button (enabled once there is something to save and nothing is being saved),
 * the section's other buttons, and its status.
 */
export function SaveActions(props: {
  canSave: boolean;
  status: SectionStatus | undefined;
  children?: ReactNode;
}) {
  const { status } = props;
  return (
    <div className="settings__actions">
      <button
        type="submit"
        className="btn btn--primary"
        disabled={!props.canSave || status?.kind === 'saving'}
      >
        Save
      </button>
      {props.children}
      {status ? (
        <span
          className={`save-status save-status--${status.kind === 'note' ? 'saving' : status.kind}`}
          role="status"
        >
          {status.text}
        </span>
      ) : null}
    </div>
  );
}
