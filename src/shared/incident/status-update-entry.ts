import type { StatusPhase, StatusTemplateKind } from '../templates/status-update';

/*
 * How a posted status update reads on the timeline, `Status update (status page, resolved): …`,
 * written and read back here only, so what closure judges from the timeline stays in step with
 * what posting writes.
 */

const AUDIENCE_WORD: Readonly<Record<StatusTemplateKind, string>> = {
  internal: 'internal',
  'status-page': 'status page',
  'customer-email': 'customer email',
  resolution: 'resolution notice',
};

const PHASES: readonly StatusPhase[] = ['investigating', 'identified', 'monitoring', 'resolved'];

/** What a status update entry says about the update: who it was for, at which phase. */
export interface StatusUpdateLabels {
  audience?: StatusTemplateKind;
  phase?: StatusPhase;
}

/**
 * The timeline text of a posted status update.
 * @param text - the text that went out
 * @param labels - its audience and phase, when known
 */
export function statusUpdateEntryText(text: string, labels: StatusUpdateLabels): string {
  const words = [labels.audience && AUDIENCE_WORD[labels.audience], labels.phase].filter(
    (word): word is string => typeof word === 'string',
  );
  return `Status update${words.length > 0 ? ` (${words.join(', ')})` : ''}: ${text}`;
}

/**
 * Read back the audience and phase of a status update entry; undefined for any other text.
 * @param entryText - a timeline entry's text
 */
export function readStatusUpdateEntry(entryText: string): StatusUpdateLabels | undefined {
  if (!entryText.startsWith('Status update')) return undefined;
  const match = /^Status update(?: \(([^)]*)\))?: /.exec(entryText);
  if (!match) return undefined;
  const labels: StatusUpdateLabels = {};
  for (const word of (match[1] ?? '').split(', ')) {
    const audience = (Object.keys(AUDIENCE_WORD) as StatusTemplateKind[]).find(
      (kind) => AUDIENCE_WORD[kind] === word,
    );
    if (audience !== undefined) labels.audience = audience;
    const phase = PHASES.find((p) => p === word);
    if (phase !== undefined) labels.phase = phase;
  }
  return labels;
}
