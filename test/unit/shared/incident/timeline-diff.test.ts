import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../src/shared/incident/schema';
import {
  diffTimeline,
  mergeTimeline,
  sameTimelineEntry,
} from '../../../../src/shared/incident/timeline-diff';

const entry = (id: string, minute: number, text = id): TimelineEntry => ({
  id,
  at: new Date(Date.UTC(2025, 2, 4, 14, minute)).toISOString(),
  kind: 'note',
  text,
  author: 'sam',
  auto: false,
  createdAt: new Date(Date.UTC(2025, 2, 4, 14, minute)).toISOString(),
});
const byId = (entries: TimelineEntry[]) => new Map(entries.map((e) => [e.id, e]));

describe('diffTimeline', () => {
  it('sends only entries added or changed, and the ids gone', () => {
    const a = entry('a', 1);
    const b = entry('b', 2);
    const before = byId([a, b, entry('c', 3)]);
    const changes = diffTimeline(before, [
      { ...a },
      { ...b, text: 'edited', editedAt: a.at, editedBy: 'kim' },
      entry('d', 4),
    ]);
    expect(changes.upserted.map((e) => e.id)).toEqual(['b', 'd']);
    expect(changes.removed).toEqual(['c']);
  });

  it('still sees an entry gone when the others are the very objects sent before', () => {
    const [a, b, c] = [entry('a', 1), entry('b', 2), entry('c', 3)];
    const d = entry('d', 4);
    expect(diffTimeline(byId([a, b, c]), [a, b, d])).toEqual({ upserted: [d], removed: ['c'] });
    expect(diffTimeline(byId([a, b, c]), [a, b, c, d])).toEqual({ upserted: [d], removed: [] });
  });

  it('a strike or a restore is a change', () => {
    const a = entry('a', 1);
    const struck = {
      ...a,
      struck: { at: a.at, by: 'kim' },
      strikes: [{ struck: true, at: a.at, by: 'kim' }],
    };
    expect(sameTimelineEntry(a, struck)).toBe(false);
    const restored = { ...a, strikes: [...struck.strikes, { struck: false, at: a.at, by: 'sam' }] };
    expect(sameTimelineEntry(struck, restored)).toBe(false);
  });
});

describe('mergeTimeline', () => {
  it('adds a new last entry at the end and keeps every other entry the same object', () => {
    const entries = [entry('a', 1), entry('b', 2)];
    const merged = mergeTimeline(entries, { upserted: [entry('c', 3)], removed: [] });
    expect(merged.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(merged[0]).toBe(entries[0]);
    expect(merged[1]).toBe(entries[1]);
  });

  it('puts an entry dated earlier in its place, and moves an entry whose time was edited', () => {
    const entries = [entry('a', 1), entry('b', 5), entry('c', 9)];
    const merged = mergeTimeline(entries, {
      upserted: [entry('early', 3), { ...entry('c', 9), at: entries[0]?.at ?? '' }],
      removed: ['b'],
    });
    expect(merged.map((e) => e.id)).toEqual(['a', 'c', 'early']);
  });

  it('changes nothing, not even the array, when nothing changed', () => {
    const entries = [entry('a', 1)];
    expect(mergeTimeline(entries, { upserted: [], removed: [] })).toBe(entries);
  });
});
