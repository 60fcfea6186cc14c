import { describe, expect, it } from 'vitest';
import { createIncidentPatches } from '../../../../../src/main/services/incidents/incident-patches';
import type { TimelineEntry } from '../../../../../src/shared/incident/schema';
import { incidentView } from '../../../renderer/incident-fixtures';

const note = (id: string, text = id): TimelineEntry => ({
  id,
  at: '2025-03-04T14:40:00.000Z',
  kind: 'note',
  text,
  author: 'sam',
  auto: false,
  createdAt: '2025-03-04T14:40:00.000Z',
});

const withTimeline = (timeline: TimelineEntry[]) => {
  const view = incidentView();
  return { ...view, incident: { ...view.incident, timeline } };
};

describe('incident patches', () => {
  it('a loaded incident is version 0; each change is the next version with only what changed', () => {
    const patches = createIncidentPatches();
    expect(patches.versioned(withTimeline([note('a'), note('b')])).version).toBe(0);
    const first = patches.next(withTimeline([note('a'), note('b'), note('c')]));
    expect(first).toMatchObject({ id: 'inc-1', version: 1, base: 0 });
    expect(first.timeline).toEqual({ upserted: [note('c')], removed: [] });
    expect('timeline' in first.incident).toBe(false);
    const second = patches.next(withTimeline([note('a'), note('b', 'edited'), note('c')]));
    expect(second).toMatchObject({ version: 2, base: 1 });
    expect(second.timeline.upserted.map((e) => e.text)).toEqual(['edited']);
    expect(patches.version('inc-1')).toBe(2);
    expect(patches.versioned(withTimeline([])).version).toBe(2);
  });

  it('the first change of an incident nobody loaded sends its whole timeline', () => {
    const patches = createIncidentPatches();
    const patch = patches.next(withTimeline([note('a')]));
    expect(patch).toMatchObject({ version: 1, base: 0 });
    expect(patch.timeline.upserted).toEqual([note('a')]);
  });

  it('a line added after the entries last read sends only it; one gone among them is still sent as gone', () => {
    const patches = createIncidentPatches();
    const [a, b, c] = [note('a'), note('b'), note('c')];
    patches.versioned(withTimeline([a, b]));
    expect(patches.next(withTimeline([a, b, c])).timeline).toEqual({ upserted: [c], removed: [] });
    const d = note('d');
    expect(patches.next(withTimeline([a, c, d])).timeline).toEqual({
      upserted: [d],
      removed: ['b'],
    });
  });
});
