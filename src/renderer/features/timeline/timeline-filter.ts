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
