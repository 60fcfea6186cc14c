import {
  manualTimelineKindSchema,
  type ManualTimelineKind,
  type TimelineKind,
} from '../../../shared/incident/schema';

/** The kinds a scribe picks, in the order of their Alt+1…Alt+5 shortcuts. */
export const MANUAL_KINDS: readonly ManualTimelineKind[] = manualTimelineKindSchema.options;

/** Every kind as its chip reads. */
export const KIND_WORDS: Readonly<Record<TimelineKind, string>> = {
  note: 'note',
  decision: 'decision',
  action: 'action',
  hypothesis: 'hypothesis',
  mitigation: 'mitigation',
  alert: 'alert',
  declared: 'declared',
  severity: 'severity',
  role: 'role',
  check: 'check',
  runbook: 'runbook',
  update: 'status update',
  status: 'status',
};

/**
 * The kind an Alt+digit picks (`Alt+1` note … `Alt+5` mitigation), or undefined.
 * @param key - `KeyboardEvent.code`, so it works whatever the layout makes of Alt+digit
 */
export function kindForShortcut(code: string): ManualTimelineKind | undefined {
  const match = /^(?:Digit|Numpad)([1-9])$/.exec(code);
  if (!match) return undefined;
  return MANUAL_KINDS[Number(match[1]) - 1];
}
