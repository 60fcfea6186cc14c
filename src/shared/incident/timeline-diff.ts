import { compareTimelineEntries } from './read-incident';
import type { TimelineEntry } from './schema';

/** What changed on a timeline between two readings: entries added or changed, and ids gone. */
export interface TimelineChanges {
  /** Entries new since the last reading, or changed (edited, moved, struck, restored). */
  upserted: TimelineEntry[];
  /** Ids of entries no longer read (an entry a peer's record left out as unreadable). */
  removed: string[];
}

/**
 * True when two readings of the same entry show the same thing. The id, author, `auto` and
 * `createdAt` never change; what edits, strikes and restores change is compared.
 * @param a - one reading
 * @param b - the other
 */
export function sameTimelineEntry(a: TimelineEntry, b: TimelineEntry): boolean {
  return (
    a === b ||
    (a.id === b.id &&
      a.at === b.at &&
      a.kind === b.kind &&
      a.text === b.text &&
      a.author === b.author &&
      a.auto === b.auto &&
      a.createdAt === b.createdAt &&
      a.editedAt === b.editedAt &&
      a.editedBy === b.editedBy &&
      a.struck?.at === b.struck?.at &&
      a.struck?.by === b.struck?.by &&
      (a.strikes?.length ?? 0) === (b.strikes?.length ?? 0))
  );
}

/**
 * What changed on a timeline since the reading `before`, to send only that.
 * @param before - the entries last sent, by id
 * @param after - the timeline as read now (a reading: each entry object in it once)
 */
export function diffTimeline(
  before: ReadonlyMap<string, TimelineEntry>,
  after: readonly TimelineEntry[],
): TimelineChanges {
  const upserted: TimelineEntry[] = [];
  let kept = 0;
  for (const entry of after) {
    const old = before.get(entry.id);
    if (old === entry) kept++;
    else if (old === undefined || !sameTimelineEntry(old, entry)) upserted.push(entry);
  }
  // Every entry sent before is in this reading as the very same object, so none is gone: a long
  // timeline does not build a set of its 10,000 ids for each line the scribe adds.
  if (kept === before.size) return { upserted, removed: [] };
  const seen = new Set(after.map((entry) => entry.id));
  const removed = [...before.keys()].filter((id) => !seen.has(id));
  return { upserted, removed };
}

/**
 * Apply changes to a sorted timeline, keeping it sorted. Entries that did not change stay the
 * same objects, so a view that compares rows by identity re-renders only the changed ones. An
 * entry added after the last one (the usual case: the scribe's next line) costs no sort.
 * @param entries - the timeline, sorted as `compareTimelineEntries` sorts it
 * @param changes - what changed
 * @returns a new sorted array, or `entries` itself when nothing changed
 */
export function mergeTimeline(
  entries: readonly TimelineEntry[],
  changes: TimelineChanges,
): readonly TimelineEntry[] {
  if (changes.upserted.length === 0 && changes.removed.length === 0) return entries;
  const drop = new Set([...changes.removed, ...changes.upserted.map((entry) => entry.id)]);
  const next = drop.size === 0 ? [...entries] : entries.filter((entry) => !drop.has(entry.id));
  for (const entry of changes.upserted) {
    next.splice(insertionIndex(next, entry), 0, entry);
  }
  return next;
}

// Binary search for the first entry that sorts after `entry`.
function insertionIndex(sorted: readonly TimelineEntry[], entry: TimelineEntry): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareTimelineEntries(sorted[mid] as TimelineEntry, entry) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
