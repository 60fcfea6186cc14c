import { describe, expect, it } from 'vitest';
import { decideAlarmWindow } from '../../../../../src/main/services/shell/alarm-window-model';

const alarm = (alertId: string, nextRepeatAt: string, title = `${alertId} is down`) => ({
  alertId,
  title,
  nextRepeatAt,
});
const DB = alarm('db', '2026-12-05T03:01:00.000Z');
const QUEUE = alarm('queue', '2026-12-05T03:00:30.000Z');

describe('the alarm window decision', () => {
  it('opens when a SEV1 starts ringing and nothing is shown', () => {
    expect(decideAlarmWindow([DB], undefined)).toEqual({
      action: 'open',
      shows: { alertId: 'db', windowTitle: 'SEV1 alarm: db is down', more: 0 },
    });
  });

  it('shows the most overdue alarm first and counts the others', () => {
    expect(decideAlarmWindow([DB, QUEUE], undefined)).toEqual({
      action: 'open',
      shows: { alertId: 'queue', windowTitle: 'SEV1 alarm: queue is down (+1 more)', more: 1 },
    });
  });

  it('keeps the window when the same alarm is still the worst', () => {
    expect(decideAlarmWindow([QUEUE, DB], 'queue').action).toBe('keep');
  });

  it('raises the window again when another alarm becomes the worst', () => {
    expect(decideAlarmWindow([DB, QUEUE], 'db')).toMatchObject({
      action: 'raise',
      shows: { alertId: 'queue' },
    });
  });

  it('closes when nothing rings any more (acknowledged, resolved or snoozed)', () => {
    expect(decideAlarmWindow([], 'db')).toEqual({ action: 'close' });
    expect(decideAlarmWindow([], undefined)).toEqual({ action: 'none' });
  });

  it('bounds a long title in the window title', () => {
    const decision = decideAlarmWindow(
      [alarm('long', DB.nextRepeatAt, 'x'.repeat(500))],
      undefined,
    );
    expect(decision.action === 'open' && decision.shows.windowTitle.length).toBeLessThan(140);
  });
});
