import { describe, expect, it } from 'vitest';
import {
  parseShiftSubject,
  shiftReminderText,
  shiftSubject,
} from '../../../../src/shared/schedules/shift-deadlines';

describe('shift deadlines', () => {
  it('reads back the subjects it writes, and nothing else', () => {
    const subject = {
      scheduleId: 'platform',
      layer: 'secondary' as const,
      start: 1_774_252_800_000,
    };
    expect(parseShiftSubject(shiftSubject(subject))).toEqual(subject);
    expect(parseShiftSubject('platform|primary')).toEqual({
      scheduleId: 'platform',
      layer: 'primary',
    });
    expect(parseShiftSubject('platform|tertiary')).toBeUndefined();
    expect(parseShiftSubject('platform|primary|soon')).toBeUndefined();
  });

  it('says the shift start in the reader’s zone, with the weekday when it is not today', () => {
    const start = Date.parse('2026-03-23T08:00:00Z');
    const platform = { name: 'Platform' };
    expect(
      shiftReminderText(platform, 'primary', start, new Date('2026-03-23T07:45Z'), 'Europe/Berlin')
        .title,
    ).toBe('Your on-call shift starts at 09:00 (primary, Platform)');
    expect(
      shiftReminderText(
        platform,
        'secondary',
        start,
        new Date('2026-03-22T20:00Z'),
        'America/New_York',
      ).title,
    ).toBe('Your on-call shift starts at Mon 04:00 (secondary, Platform)');
  });
});
