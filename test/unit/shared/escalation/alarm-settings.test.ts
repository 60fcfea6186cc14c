import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsSchema } from '../../../../src/shared/domain/settings';
import { alarmRepeatMs, nextRepeatAt } from '../../../../src/shared/escalation/alarm-settings';

describe('my alarm settings', () => {
  it('defaults to sev1 every minute, sev2 every 5 minutes, sev3 once and sev4 silent', () => {
    const { alarm } = defaultSettings();
    expect(alarmRepeatMs(alarm, 'sev1')).toBe(60_000);
    expect(alarmRepeatMs(alarm, 'sev2')).toBe(300_000);
    expect(alarmRepeatMs(alarm, 'sev3')).toBeUndefined();
    expect(alarm.sev4.mode).toBe('silent');
  });

  it('takes one severity changed and keeps the defaults of the rest', () => {
    const settings = settingsSchema.parse({
      alarm: { sev2: { mode: 'repeat', repeatSeconds: 30 } },
    });
    expect(alarmRepeatMs(settings.alarm, 'sev2')).toBe(30_000);
    expect(alarmRepeatMs(settings.alarm, 'sev1')).toBe(60_000);
  });

  it('refuses a repeat faster than every 10 seconds, naming the field', () => {
    const parsed = settingsSchema.safeParse({
      alarm: { sev1: { mode: 'repeat', repeatSeconds: 1 } },
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['alarm', 'sev1', 'repeatSeconds']);
  });

  it('repeats on the grid after the step that fired, once, however long it was missed, never a moment after a late one', () => {
    const due = new Date('2026-01-01T10:00:00.000Z');
    expect(nextRepeatAt(due, 60_000, due).toISOString()).toBe('2026-01-01T10:01:00.000Z');
    expect(nextRepeatAt(due, 60_000, new Date('2026-01-01T10:42:30.000Z')).toISOString()).toBe(
      '2026-01-01T10:43:00.000Z',
    );
    expect(nextRepeatAt(due, 60_000, new Date('2026-01-01T10:42:50.000Z')).toISOString()).toBe(
      '2026-01-01T10:44:00.000Z',
    );
  });
});
