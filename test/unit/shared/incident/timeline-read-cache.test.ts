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
});
