import { describe, expect, it } from 'vitest';
import { knownScheduleIds } from '../../../../../src/renderer/features/settings/escalation/known-schedule-ids';
import { scheduleSettingsSchema } from '../../../../../src/shared/schedules/schedule-settings';

const rotation = { kind: 'rotation', participants: ['Ana'], startDate: '2026-03-16' };

describe('knownScheduleIds', () => {
  it('offers each schedule, and its secondary layer where it has one', () => {
    const schedules = scheduleSettingsSchema.parse({
      list: [
        {
          id: 'platform',
          name: 'Platform',
          timeZone: 'UTC',
          layers: { primary: rotation, secondary: rotation },
        },
        { id: 'dba', name: 'DBA', timeZone: 'UTC', layers: { primary: rotation } },
      ],
    });
    expect(knownScheduleIds({ schedules })).toEqual(['platform', 'platform-secondary', 'dba']);
  });

  it('knows none before a team has schedules, so the default levels are not refused', () => {
    expect(knownScheduleIds({ schedules: scheduleSettingsSchema.parse({}) })).toBeUndefined();
  });
});
