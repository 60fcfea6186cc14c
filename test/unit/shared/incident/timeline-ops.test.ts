import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { postStatusUpdate } from '../../../../src/shared/incident/lifecycle-ops';
import { readIncident } from '../../../../src/shared/incident/read-incident';
import { tickCheck } from '../../../../src/shared/incident/team-ops';
import {
  addTimelineEntry,
  editTimelineEntry,
  strikeTimelineEntry,
} from '../../../../src/shared/incident/timeline-ops';
import { at, newIncident, refusal, updatesDuring } from './incident-fixtures';

describe('addTimelineEntry', () => {
  it('adds a hand-written entry at the typed event time, kept with its author', () => {
    const doc = newIncident();
    const result = addTimelineEntry(
      doc,
      { text: 'Rolled back deploy 4711', kind: 'mitigation', time: '14:23' },
      at(2, 'sam'),
    );
    expect(result.at).toBe('2025-03-04T14:23:00.000Z');
    const entry = readIncident(doc).timeline.find((e) => e.id === result.id);
    expect(entry).toEqual({
      id: result.id,
      at: '2025-03-04T14:23:00.000Z',
      kind: 'mitigation',
      text: 'Rolled back deploy 4711',
      author: 'sam',
      auto: false,
      createdAt: '2025-03-04T14:32:00.000Z',
    });
  });

  it('defaults to a note at the current time', () => {
    const doc = newIncident();
    const { id, at: when } = addTimelineEntry(doc, { text: '  paged the DBA  ' }, at(3));
    expect(when).toBe('2025-03-04T14:33:00.000Z');
    expect(readIncident(doc).timeline.find((e) => e.id === id)).toMatchObject({
      kind: 'note',
      text: 'paged the DBA',
    });
  });

  it('reads the typed time in the scribe’s zone, and wraps past midnight', () => {
    const doc = newIncident();
    const berlin = addTimelineEntry(
      doc,
      { text: 'x', time: '15:20' },
      at(0, 'sam', { timeZone: 'Europe/Berlin' }),
    );
    expect(berlin.at).toBe('2025-03-04T14:20:00.000Z');
    const wrap = addTimelineEntry(
      doc,
      { text: 'y', time: '23:50' },
      { now: '2025-03-05T00:05:00Z', actor: 'sam' },
    );
    expect(wrap.at).toBe('2025-03-04T23:50:00.000Z');
  });

  it('refuses scribe-only kinds it does not own, empty text, and bad times, writing nothing', () => {
    const doc = newIncident();
    expect(
      refusal(() => addTimelineEntry(doc, { text: 'x', kind: 'severity' as never }, at(1))).code,
    ).toBe('invalid');
    expect(refusal(() => addTimelineEntry(doc, { text: '   ' }, at(1))).code).toBe('invalid');
    const late = refusal(() => addTimelineEntry(doc, { text: 'x', time: '2:23pm' }, at(1)));
    expect(late.code).toBe('bad-time');
    expect(late.message).toMatch(/HH:MM/);
    expect(
      updatesDuring(doc, () => addTimelineEntry(doc, { text: 'x', time: '99:00' }, at(1))),
    ).toBe(0);
  });

  it('refuses a document that holds no incident', () => {
    expect(refusal(() => addTimelineEntry(new Y.Doc(), { text: 'x' }, at(1))).code).toBe(
      'not-created',
    );
  });

  it('gives every entry its own id, within one document and across peers', () => {
    const a = newIncident({}, 7);
    const b = new Y.Doc();
    b.clientID = 8;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (let i = 0; i < 20; i++) {
      addTimelineEntry(a, { text: `a${i}` }, at(1));
      addTimelineEntry(b, { text: `b${i}` }, at(1));
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const ids = readIncident(a).timeline.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(41);
  });
});

describe('readIncident timeline order', () => {
  it('sorts by event time, then by when entries were written, then by id', () => {
    const doc = newIncident(); // declared at 14:30
    addTimelineEntry(doc, { text: 'second written, same time', time: '14:20' }, at(5));
    addTimelineEntry(doc, { text: 'earliest', time: '14:10' }, at(6));
    addTimelineEntry(doc, { text: 'first written, same time', time: '14:20' }, at(4));
    addTimelineEntry(doc, { text: 'same time, same write 1', time: '14:25' }, at(7));
    addTimelineEntry(doc, { text: 'same time, same write 2', time: '14:25' }, at(7));
    const texts = readIncident(doc).timeline.map((e) => e.text);
    const tie = readIncident(doc)
      .timeline.filter((e) => e.text.startsWith('same time, same write'))
      .map((e) => e.id);
    expect(texts.slice(0, 3)).toEqual([
      'earliest',
      'first written, same time',
      'second written, same time',
    ]);
    expect(tie).toEqual([...tie].sort());
    expect(texts.at(-1)).toBe('Declared SEV2: Checkout errors');
  });
});

describe('editTimelineEntry', () => {
  it('changes the text and keeps the original author, text and who edited', () => {
    const doc = newIncident();
    const { id } = addTimelineEntry(doc, { text: 'rolled back', time: '14:23' }, at(2, 'sam'));
    expect(editTimelineEntry(doc, { id, text: 'rolled back deploy 4711' }, at(5, 'kim'))).toEqual({
      changed: true,
    });
    expect(readIncident(doc).timeline.find((e) => e.id === id)).toEqual({
      id,
      at: '2025-03-04T14:23:00.000Z',
      kind: 'note',
      text: 'rolled back deploy 4711',
      author: 'sam',
      auto: false,
      createdAt: '2025-03-04T14:32:00.000Z',
      editedAt: '2025-03-04T14:35:00.000Z',
      editedBy: 'kim',
      original: { at: '2025-03-04T14:23:00.000Z', kind: 'note', text: 'rolled back' },
    });
  });

  it('moves an entry in time near its current time, and re-sorts it', () => {
    const doc = newIncident();
    const { id } = addTimelineEntry(doc, { text: 'db failover', time: '14:25' }, at(2));
    editTimelineEntry(doc, { id, time: '14:05', kind: 'decision' }, at(24 * 60, 'kim'));
    const timeline = readIncident(doc).timeline;
    expect(timeline[0]).toMatchObject({
      id,
      at: '2025-03-04T14:05:00.000Z',
      kind: 'decision',
      editedBy: 'kim',
    });
  });

  it('keeps both of two concurrent edits of different fields', () => {
    const a = newIncident({}, 1);
    const { id } = addTimelineEntry(a, { text: 'failover', time: '14:25' }, at(2, 'sam'));
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    editTimelineEntry(a, { id, text: 'db failover to replica 2' }, at(5, 'sam'));
    editTimelineEntry(b, { id, time: '14:21' }, at(6, 'kim'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const entry = readIncident(a).timeline.find((e) => e.id === id);
    expect(entry).toMatchObject({
      text: 'db failover to replica 2',
      at: '2025-03-04T14:21:00.000Z',
      author: 'sam',
      editedBy: 'kim',
      editedAt: '2025-03-04T14:36:00.000Z',
    });
    expect(readIncident(b)).toEqual(readIncident(a));
  });

  it('changes nothing when the values are the same', () => {
    const doc = newIncident();
    const { id } = addTimelineEntry(doc, { text: 'x', time: '14:20' }, at(1));
    expect(editTimelineEntry(doc, { id, text: 'x', time: '14:20', kind: 'note' }, at(2))).toEqual({
      changed: false,
    });
    expect(readIncident(doc).timeline.find((e) => e.id === id)?.editedAt).toBeUndefined();
  });

  it('refuses entries written by the app, unknown ids, and empty edits', () => {
    const doc = newIncident();
    tickCheck(doc, { itemId: 'ic.bridge' }, at(1));
    const declared = readIncident(doc).timeline.find((e) => e.kind === 'declared');
    const update = postStatusUpdate(doc, { text: 'Investigating' }, at(2));
    for (const id of [declared?.id ?? '', update.id]) {
      expect(refusal(() => editTimelineEntry(doc, { id, text: 'rewritten' }, at(3))).code).toBe(
        'read-only',
      );
    }
    expect(refusal(() => editTimelineEntry(doc, { id: 'nope', text: 'x' }, at(3))).code).toBe(
      'not-found',
    );
    expect(refusal(() => editTimelineEntry(doc, { id: 'nope' }, at(3))).code).toBe('invalid');
  });
});

describe('strikeTimelineEntry', () => {
  it('strikes an entry out and restores it, keeping its text and every strike and restore', () => {
    const doc = newIncident();
    const { id } = addTimelineEntry(doc, { text: 'rolled back 4711' }, at(1, 'sam'));
    expect(strikeTimelineEntry(doc, { id, struck: true }, at(2, 'kim'))).toEqual({ changed: true });
    expect(readIncident(doc).timeline.find((e) => e.id === id)).toMatchObject({
      text: 'rolled back 4711',
      struck: { at: '2025-03-04T14:32:00.000Z', by: 'kim' },
    });
    strikeTimelineEntry(doc, { id, struck: false }, at(4, 'sam'));
    const restored = readIncident(doc).timeline.find((e) => e.id === id);
    expect(restored?.struck).toBeUndefined();
    expect(restored?.text).toBe('rolled back 4711');
    expect(restored?.strikes).toEqual([
      { struck: true, at: '2025-03-04T14:32:00.000Z', by: 'kim' },
      { struck: false, at: '2025-03-04T14:34:00.000Z', by: 'sam' },
    ]);
  });

  it('changes nothing when the entry already is as asked', () => {
    const doc = newIncident();
    const { id } = addTimelineEntry(doc, { text: 'x' }, at(1));
    expect(strikeTimelineEntry(doc, { id, struck: false }, at(2))).toEqual({ changed: false });
    strikeTimelineEntry(doc, { id, struck: true }, at(3));
    expect(updatesDuring(doc, () => strikeTimelineEntry(doc, { id, struck: true }, at(4)))).toBe(0);
  });

  it('keeps a strike and a restore made at once on two peers; the later one decides', () => {
    const a = newIncident({}, 1);
    const { id } = addTimelineEntry(a, { text: 'x' }, at(1, 'sam'));
    strikeTimelineEntry(a, { id, struck: true }, at(2, 'sam'));
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    strikeTimelineEntry(a, { id, struck: false }, at(5, 'sam'));
    strikeTimelineEntry(b, { id, struck: false }, at(6, 'kim'));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const entry = readIncident(a).timeline.find((e) => e.id === id);
    expect(entry?.strikes?.map((s) => s.by)).toEqual(['sam', 'sam', 'kim']);
    expect(entry?.struck).toBeUndefined();
    expect(readIncident(b)).toEqual(readIncident(a));
  });

  it('refuses entries written by the app and unknown ids', () => {
    const doc = newIncident();
    const declared = readIncident(doc).timeline.find((e) => e.kind === 'declared');
    expect(
      refusal(() => strikeTimelineEntry(doc, { id: declared?.id ?? '', struck: true }, at(1))).code,
    ).toBe('read-only');
    expect(refusal(() => strikeTimelineEntry(doc, { id: 'nope', struck: true }, at(1))).code).toBe(
      'not-found',
    );
  });
});
