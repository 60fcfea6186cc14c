import { describe, expect, it } from 'vitest';
import { DEFAULT_ALARM } from '../../../../src/shared/escalation/alarm-settings';
import { alarmsRinging } from '../../../../src/shared/escalation/alarm-ringing';
import { makeDeadline } from '../../../../src/shared/escalation/deadline';
import { makeAlert } from '../make-alert';

const NOW = new Date('2025-03-04T05:10:00.000Z');
const repeatAt = (alertId: string, iso: string) =>
  makeDeadline({ kind: 'alarm-repeat', subject: alertId, dueAt: iso, step: 1 });

describe('alarmsRinging', () => {
  const down = makeAlert('down', { severity: 'sev1' });
  const alarm = { ...DEFAULT_ALARM };

  it('rings for a sev1 firing unacknowledged with its next repeat within a minute', () => {
    const ringing = alarmsRinging(
      [repeatAt('prod:down', '2025-03-04T05:10:40.000Z')],
      [down],
      alarm,
      NOW,
    );
    expect(ringing).toEqual([
      { alertId: 'prod:down', title: down.title, nextRepeatAt: '2025-03-04T05:10:40.000Z' },
    ]);
  });

  it('is quiet while snoozed (the next repeat further than a period away), acknowledged, silenced, or below sev1', () => {
    const snoozed = [repeatAt('prod:down', '2025-03-04T05:25:00.000Z')];
    expect(alarmsRinging(snoozed, [down], alarm, NOW)).toEqual([]);
    const soon = [repeatAt('prod:down', '2025-03-04T05:10:40.000Z')];
    const acked = { ...down, ack: { by: 'me', at: NOW.toISOString(), via: 'source' as const } };
    expect(alarmsRinging(soon, [acked], alarm, NOW)).toEqual([]);
    expect(alarmsRinging(soon, [{ ...down, status: 'suppressed' }], alarm, NOW)).toEqual([]);
    expect(alarmsRinging(soon, [{ ...down, severity: 'sev2' }], alarm, NOW)).toEqual([]);
    expect(
      alarmsRinging(soon, [down], { ...alarm, sev1: { mode: 'once', repeatSeconds: 60 } }, NOW),
    ).toEqual([]);
  });
});
