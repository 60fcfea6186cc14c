import { describe, expect, it } from 'vitest';
import { nextUpdateText } from '../../../../src/renderer/features/incident/next-update';

// 2025-03-04 14:30 UTC.
const NOW = Date.parse('2025-03-04T14:30:00.000Z');

describe('next status update', () => {
  it('counts down, warns when close, and says how late', () => {
    expect(nextUpdateText(undefined, NOW)).toEqual({ text: 'no update scheduled', tone: 'none' });
    expect(nextUpdateText('2025-03-04T14:42:00Z', NOW)).toEqual({
      text: 'update in 12 min',
      tone: 'due',
    });
    expect(nextUpdateText('2025-03-04T14:33:00Z', NOW).tone).toBe('soon');
    expect(nextUpdateText('2025-03-04T14:27:00Z', NOW)).toEqual({
      text: 'update overdue by 3 min',
      tone: 'overdue',
    });
  });
});
