import type { IncidentStatus } from '../../../shared/incident/schema';

/** Status words as the header shows them. */
export const STATUS_WORDS: Readonly<Record<IncidentStatus, string>> = {
  investigating: 'Investigating',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  closed: 'Closed',
};

/** The one button that moves the incident on, or nothing once closed. */
export type LifecycleStep =
  | { kind: 'set'; to: IncidentStatus; label: string }
  /** Closing goes through the closure checklist, not a single click. */
  | { kind: 'closure'; label: string }
  | { kind: 'none' };

/**
 * The next step: investigating → mitigated → resolved → (closure checklist) → closed.
 * @param status - where the incident stands
 */
export function nextLifecycleStep(status: IncidentStatus): LifecycleStep {
  switch (status) {
    case 'investigating':
      return { kind: 'set', to: 'mitigated', label: 'Mark mitigated' };
    case 'mitigated':
      return { kind: 'set', to: 'resolved', label: 'Mark resolved' };
    case 'resolved':
      return { kind: 'closure', label: 'Close…' };
    case 'closed':
      return { kind: 'none' };
  }
}
