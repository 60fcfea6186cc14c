import { diffArrays } from 'diff';

/** The text after {@link carryTemplateChange}, and how many changes it could not place. */
export interface CarriedText {
  text: string;
  /** Changes left out because the writer had reworded the lines they touch. */
  skipped: number;
}

/**
 * Carry what changed between two fills of a template into the text a person edited, leaving
 * everything they wrote alone: a line the template changed is replaced only where the text still
 * has it word for word; a line the template added goes next to its neighbour in the text. This is
 * how a phase switch changes only what the phase owns ("— Investigating" becomes "— Identified",
 * the next-update promise comes or goes) and keeps the writer's words.
 * @param edited - the text as the person left it
 * @param before - the template as it was filled
 * @param after - the same template filled again, differing only in what changed
 */
export function carryTemplateChange(edited: string, before: string, after: string): CarriedText {
  const lines = edited.split('\n');
  const changes = diffArrays(before.split('\n'), after.split('\n'));
  // Where in `lines` the last template line found stands: changes are placed after it, so a
  // line the template shares with the writer's text (a blank line) is not matched further up.
  let cursor = 0;
  let skipped = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    if (change === undefined) continue;
    if (!change.added && !change.removed) {
      for (const line of change.value) {
        if (line.trim() === '') continue;
        const at = lines.indexOf(line, cursor);
        if (at >= 0) cursor = at + 1;
      }
      continue;
    }
    const next = changes[i + 1];
    const removed = change.removed ? change.value : [];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) i++;
    if (removed.length > 0) {
      const at = findRun(lines, removed, cursor);
      if (at < 0) {
        skipped++;
        continue;
      }
      lines.splice(at, removed.length, ...added);
      cursor = at + added.length;
    } else {
      // An added line goes before the template line that follows it, when the text has that.
      const following = changes[i + 1]?.value.find((line) => line.trim() !== '');
      const before = following === undefined ? -1 : lines.indexOf(following, cursor);
      const at = before >= 0 ? before : Math.min(cursor, lines.length);
      lines.splice(at, 0, ...added);
      cursor = at + added.length;
    }
  }
  return { text: lines.join('\n'), skipped };
}

/** Where `run` first appears in `lines` as consecutive lines, at or after `from`; -1 if nowhere. */
function findRun(lines: readonly string[], run: readonly string[], from: number): number {
  for (const start of [from, 0]) {
    for (let at = start; at + run.length <= lines.length; at++) {
      if (run.every((line, k) => lines[at + k] === line)) return at;
    }
  }
  return -1;
}
