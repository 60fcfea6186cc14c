import { createHash } from 'node:crypto';

// 12 hex digits (48 bits): collisions between steps of one runbook are not a practical concern.
const HASH_LENGTH = 12;

/**
 * Gives each step a stable id: a hash of its text (whitespace collapsed, so re-wrapping a line
 * keeps it) plus its position among the steps with that same text (so two identical
 * "Check the dashboard" steps stay apart). Adding a paragraph, or another step, elsewhere in the
 * file leaves the ids, and so the ticks of an incident, alone; editing the step itself does not.
 * @param texts - the steps' texts in document order
 * @returns one id per text, in the same order
 */
export function stepIds(texts: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const hash = createHash('sha256')
      .update(text.replace(/\s+/g, ' ').trim())
      .digest('hex')
      .slice(0, HASH_LENGTH);
    const occurrence = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, occurrence);
    return `${hash}-${occurrence}`;
  });
}
