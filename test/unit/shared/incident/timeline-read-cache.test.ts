import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { createTimelineReadCache } from '../../../../src/shared/incident/timeline-read-cache';
import {
  addTimelineEntry,
  editTimelineEntry,
  strikeTimelineEntry,
} from '../../../../src/shared/incident/timeline-ops';
import { at, newIncident } from './incident-fixtures';

describe('timeline read cache', () => {
  it('reads the same as without it after adds, edits, strikes and a peer’s update', () => {
    const doc = newIncident({}, 1);
    const cache = createTimelineReadCache(doc);
    const { id } = addTimelineEntry(doc, { text: 'first' }, at(1, 'sam'));
    const before = readIncident(doc, cache);
    addTimelineEntry(doc, { text: 'second' }, at(2, 'sam'));
    editTimelineEntry(doc, { id, text: 'first, fixed' }, at(3, 'sam'));
    expect(readIncident(doc, cache)).toEqual(readIncident(doc));
    strikeTimelineEntry(doc, { id, struck: true }, at(4, 'kim'));
    expect(readIncident(doc, cache)).toEqual(readIncident(doc));

    const peer = new Y.Doc();
    peer.clientID = 2;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    strikeTimelineEntry(peer, { id, struck: false }, at(5, 'ana'));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));
    const after = readIncident(doc, cache);
    expect(after).toEqual(readIncident(doc));
    expect(after.timeline.find((e) => e.id === id)?.struck).toBeUndefined();
    // Entries that did not change are the very objects read before.
    const declared = before.timeline.find((e) => e.kind === 'declared');
    expect(after.timeline.find((e) => e.kind === 'declared')).toBe(declared);
    cache.dispose();
  });

  it('keeps the shown order through backdated lines, moved times, strikes and peers typing at once', () => {
    // A seeded walk: each step is checked against a whole reading without the cache.
    let seed = 12;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const doc = newIncident({}, 1);
    const peer = new Y.Doc();
    peer.clientID = 2;
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    const cache = createTimelineReadCache(doc);
    const ids: string[] = [];
    for (let step = 1; step <= 120; step++) {
      const minute = 10 + step;
      const choice = random(6);
      const time = `2025-03-04T${String(11 + random(3)).padStart(2, '0')}:${String(random(60)).padStart(2, '0')}:00Z`;
      if (choice === 0 && ids.length > 0) {
        const id = ids[random(ids.length)]!;
        editTimelineEntry(doc, { id, time }, at(minute, 'sam'));
      } else if (choice === 1 && ids.length > 0) {
        const id = ids[random(ids.length)]!;
        strikeTimelineEntry(doc, { id, struck: random(2) === 0 }, at(minute, 'kim'));
      } else if (choice === 2) {
        // A peer writes while this side writes too, then they exchange what each has.
        ids.push(addTimelineEntry(peer, { text: `peer ${step}`, time }, at(minute, 'ana')).id);
        ids.push(addTimelineEntry(doc, { text: `local ${step}` }, at(minute, 'sam')).id);
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer, Y.encodeStateVector(doc)));
      } else {
        const args = choice === 3 ? { text: `backdated ${step}`, time } : { text: `line ${step}` };
        ids.push(addTimelineEntry(doc, args, at(minute, 'sam')).id);
      }
      Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(peer)));
      expect(readIncident(doc, cache).timeline).toEqual(readIncident(doc).timeline);
    }
    cache.dispose();
  });
});
