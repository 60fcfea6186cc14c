import { describe, expect, it } from 'vitest';
import { readComposerLine } from '../../../../src/renderer/features/timeline/composer-line';

// 2025-03-04 14:30 UTC = 15:30 in Berlin (CET, +01:00).
const NOW = Date.parse('2025-03-04T14:30:00.000Z');
const BERLIN = 'Europe/Berlin';

describe('composer line', () => {
  it('a leading time is the event time, previewed in the scribe’s zone', () => {
    const line = readComposerLine('14:23 restarted the pool', { nowMs: NOW, timeZone: BERLIN });
    expect(line).toMatchObject({
      text: 'restarted the pool',
      time: '14:23',
      ready: true,
      preview: { ok: true, text: '14:23 today', at: '2025-03-04T13:23:00.000Z' },
    });
  });

  it('a time a minute ahead is today, previewed as today', () => {
    const line = readComposerLine('15:31 paged payments on-call', {
      nowMs: NOW,
      timeZone: BERLIN,
    });
    expect(line.ready).toBe(true);
    expect(line.preview).toEqual({ ok: true, text: '15:31 today', at: '2025-03-04T14:31:00.000Z' });
  });

  it('a time further ahead blocks Enter and says why', () => {
    const line = readComposerLine('23:50 paged the DBA', { nowMs: NOW, timeZone: BERLIN });
    expect(line.ready).toBe(false);
    expect(line.preview).toEqual({
      ok: false,
      text:
        '"23:50" is 8 h 20 min ahead (it is 15:30 Europe/Berlin); a time may be at most 15 min ' +
        'ahead. For an earlier day, type the date too, e.g. 2025-03-03 23:50',
    });
  });

  it('just after midnight, a late time is yesterday, and says so', () => {
    const justAfterMidnight = Date.parse('2025-03-04T23:05:00Z'); // 00:05 in Berlin
    const line = readComposerLine('23:50 paged the DBA', {
      nowMs: justAfterMidnight,
      timeZone: BERLIN,
    });
    expect(line.preview).toEqual({
      ok: true,
      text: '23:50 yesterday',
      at: '2025-03-04T22:50:00.000Z',
    });
  });

  it('no time: the entry is now, and the whole line is the text', () => {
    expect(readComposerLine('  rolled back  ', { nowMs: NOW, timeZone: BERLIN })).toEqual({
      text: 'rolled back',
      ready: true,
    });
  });

  it('a time that cannot be read blocks Enter and says why', () => {
    const line = readComposerLine('25:61 oops', { nowMs: NOW, timeZone: BERLIN });
    expect(line.ready).toBe(false);
    expect(line.preview).toMatchObject({ ok: false });
    expect(line.preview?.text).toContain('25:61');
  });

  it('a time with nothing after it is not an entry yet', () => {
    expect(readComposerLine('14:23 ', { nowMs: NOW, timeZone: BERLIN }).ready).toBe(false);
    expect(readComposerLine('', { nowMs: NOW, timeZone: BERLIN }).ready).toBe(false);
  });
});

const read = (line: string) => readComposerLine(line, { nowMs: NOW, timeZone: BERLIN });

describe('composer prefixes', () => {
  it('d:, h:, m: and n: pick the kind and leave the rest as the text', () => {
    expect(read('d: roll back')).toEqual({ text: 'roll back', kind: 'decision', ready: true });
    expect(read('h:  the pool is too small')).toMatchObject({
      text: 'the pool is too small',
      kind: 'hypothesis',
    });
    expect(read('M: failed over')).toMatchObject({ text: 'failed over', kind: 'mitigation' });
    expect(read('n: just a note')).toMatchObject({ text: 'just a note', kind: 'note' });
  });

  it('a prefix after a typed time: the time dates it, the prefix picks the kind', () => {
    expect(read('14:23 d: roll back')).toMatchObject({
      text: 'roll back',
      kind: 'decision',
      time: '14:23',
      ready: true,
      preview: { ok: true, text: '14:23 today', at: '2025-03-04T13:23:00.000Z' },
    });
  });

  it('a: is an action item, its owner the last @name, taken out of the text', () => {
    expect(read('a: roll back deploy 4711 @sam')).toEqual({
      text: 'roll back deploy 4711',
      kind: 'action',
      owner: 'sam',
      ready: true,
    });
    expect(read('a: ask @kim about the @pool graph @sam.k')).toMatchObject({
      text: 'ask @kim about the @pool graph',
      owner: 'sam.k',
    });
    expect(read('a: file a ticket')).toEqual({
      text: 'file a ticket',
      kind: 'action',
      ready: true,
    });
  });

  it('an action item with a typed time is not sent, and says why', () => {
    const line = read('14:23 a: roll back @sam');
    expect(line.ready).toBe(false);
    expect(line.problem).toMatch(/dated when it is written/);
  });

  it('a prefix alone is not ready; unknown letters and words are text', () => {
    expect(read('d:')).toMatchObject({ kind: 'decision', text: '', ready: false });
    expect(read('x: not a kind')).toEqual({ text: 'x: not a kind', ready: true });
    expect(read('db: slow')).toEqual({ text: 'db: slow', ready: true });
    expect(read('@sam said hi')).toEqual({ text: '@sam said hi', ready: true });
  });
});
