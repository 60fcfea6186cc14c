import { describe, expect, it } from 'vitest';
import { kindForShortcut } from '../../../../src/renderer/features/timeline/timeline-kinds';

describe('kind shortcuts', () => {
  it('Alt+1…5 pick note, decision, action, hypothesis, mitigation', () => {
    expect(['Digit1', 'Digit2', 'Digit3', 'Digit4', 'Numpad5'].map(kindForShortcut)).toEqual([
      'note',
      'decision',
      'action',
      'hypothesis',
      'mitigation',
    ]);
    expect(kindForShortcut('Digit6')).toBeUndefined();
    expect(kindForShortcut('KeyN')).toBeUndefined();
  });
});
