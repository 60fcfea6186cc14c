import { describe, expect, it } from 'vitest';
import { readComposerLine } from '../../../../src/renderer/features/timeline/composer-line';

// 2025-03-04 14:30 UTC = 15:30 in Berlin (CET, +01:00).
const NOW = Date.parse('2025-03-04T14:30:00.000Z');
const read = (line: string) => readComposerLine(line, { nowMs: NOW, timeZone: 'Europe/Berlin' });

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
