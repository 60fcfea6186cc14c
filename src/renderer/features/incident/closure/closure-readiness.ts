import type { ClosureState, IncidentStatus } from '../../../../shared/incident/schema';

/** Whether the incident may be closed, and the sentence that says so. */
export interface ClosureReadiness {
  canClose: boolean;
  /** What the panel says next to the Close button. */
  text: string;
  /** `4 of 6 required items ticked`. */
  progress: string;
  /** The required items still open, by their text, in checklist order. */
  missing: string[];
}

/**
 * Whether the closure checklist allows closing, in words a person acts on: which items are still
 * open, by name, rather than a disabled button that does not say why.
 * @param closure - the incident's closure checklist
 * @param status - the incident's status
 */
export function closureReadiness(closure: ClosureState, status: IncidentStatus): ClosureReadiness {
  const required = closure.items.filter((item) => item.required);
  const ticked = required.filter((item) => item.done !== undefined).length;
  const missing = closure.items
    .filter((item) => closure.missing.includes(item.id))
    .map((item) => item.text);
  const progress =
    required.length === 0
      ? 'nothing is required at this severity'
      : `${ticked} of ${required.length} required ${required.length === 1 ? 'item' : 'items'} ticked`;
  if (status === 'closed') {
    return { canClose: false, text: 'The incident is closed.', progress, missing };
  }
  if (missing.length > 0) {
    return {
      canClose: false,
      text: `Close needs ${missing.length === 1 ? 'one more item' : `${missing.length} more items`} ticked: ${missing.join('; ')}.`,
      progress,
      missing,
    };
  }
  return {
    canClose: true,
    text: 'Every required item is ticked: the incident can be closed.',
    progress,
    missing,
  };
}

/** A lifecycle button of the closure panel. */
export interface LifecycleButton {
  to: Exclude<IncidentStatus, 'closed' | 'investigating'>;
  label: string;
}

/**
 * The steps forward short of closing, from where the incident stands: an incident fixed in one
 * go may be marked resolved straight from investigating.
 * @param status - the incident's status
 */
export function lifecycleButtons(status: IncidentStatus): LifecycleButton[] {
  const buttons: LifecycleButton[] = [];
  if (status === 'investigating') buttons.push({ to: 'mitigated', label: 'Mark mitigated' });
  if (status === 'investigating' || status === 'mitigated') {
    buttons.push({ to: 'resolved', label: 'Mark resolved' });
  }
  return buttons;
}
