import type { TimelineEntry, TimelineKind } from '../../../shared/incident/schema';

/** Which entries the timeline shows. */
export type TimelineFilter = 'all' | 'people' | 'decisions' | 'milestones';

/** The filters in the order their buttons stand, with their labels. */
export const TIMELINE_FILTERS: ReadonlyArray<{ id: TimelineFilter; label: string }> = [
  { id: 'all', label: 'All' },
  { id: 'people', label: 'Written by people' },
  { id: 'decisions', label: 'Decisions and actions' },
  { id: 'milestones', label: 'Milestones' },
];

// What a reader catching up asks first: what was decided and done, and how the incident moved.
const DECISIONS = new Set<TimelineKind>(['decision', 'action', 'mitigation']);
const MILESTONES = new Set<TimelineKind>(['alert', 'declared', 'severity', 'status', 'update']);

/**
 * The entries a filter keeps, in the order given.
 * @param entries - the timeline, sorted
 * @param filter - which entries to keep
 */
export function filterTimeline(
  entries: readonly TimelineEntry[],
  filter: TimelineFilter,
): TimelineEntry[] {
  switch (filter) {
    case 'all':
      return [...entries];
    case 'people':
      return entries.filter((entry) => !entry.auto);
    case 'decisions':
      return entries.filter((entry) => DECISIONS.has(entry.kind));
    case 'milestones':
      return entries.filter((entry) => MILESTONES.has(entry.kind));
  }
}

/** What the reader narrowed the timeline to: a group, a kind, an author and words. */
export interface TimelineQuery {
  filter: TimelineFilter;
  /** One kind only, or any. */
  kind?: TimelineKind;
  /** One author only, or anyone. */
  author?: string;
  /** Words the entry's text or author must hold, case-insensitive; empty: any. */
  text: string;
}

/** Nothing narrowed: every entry. */
export const EVERY_ENTRY: TimelineQuery = { filter: 'all', text: '' };

/**
 * True when the query keeps every entry.
 * @param query - the query
 */
export function queriesNothing(query: TimelineQuery): boolean {
  return (
    query.filter === 'all' &&
    query.kind === undefined &&
    query.author === undefined &&
    query.text.trim() === ''
  );
}

/**
 * The entries a query keeps, in the order given; the timeline itself when it keeps them all, so
 * a long timeline is not copied for every keystroke in the composer.
 * @param entries - the timeline, sorted
 * @param query - what to keep
 */
export function queryTimeline(
  entries: readonly TimelineEntry[],
  query: TimelineQuery,
): readonly TimelineEntry[] {
  if (queriesNothing(query)) return entries;
  const words = query.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return filterTimeline(entries, query.filter).filter(
    (entry) =>
      (query.kind === undefined || entry.kind === query.kind) &&
      (query.author === undefined || entry.author === query.author) &&
      words.every(
        (word) =>
          entry.text.toLocaleLowerCase().includes(word) ||
          entry.author.toLocaleLowerCase().includes(word),
      ),
  );
}

/**
 * Everyone who wrote on the timeline, in alphabetical order, for the author filter.
 * @param entries - the timeline
 */
export function timelineAuthors(entries: readonly TimelineEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.author))].sort((a, b) => a.localeCompare(b));
}
