import { describe, expect, it } from 'vitest';
import {
  ALERT_NOTIFICATION_ACTIONS,
  alertNotificationAction,
} from '../../../../../src/main/services/notify/notification-actions';

describe('notification actions', () => {
  it('offers Open (the click), Acknowledge and Snooze 15 min on an alert notification', () => {
    expect(ALERT_NOTIFICATION_ACTIONS.map((a) => a.label)).toEqual([
      'Open',
      'Acknowledge',
      'Snooze 15 min',
    ]);
  });

  it('turns the key the daemon reports into the action on that alert', () => {
    expect(alertNotificationAction('acknowledge', 'am:1')).toEqual({
      type: 'acknowledge',
      alertId: 'am:1',
    });
    expect(alertNotificationAction('snooze', 'am:1')).toEqual({
      type: 'snooze',
      alertId: 'am:1',
      minutes: 15,
    });
    // A click on the notification opens the window: a stray click never acknowledges a page.
    expect(alertNotificationAction('default', 'am:1')).toEqual({
      type: 'openAlert',
      alertId: 'am:1',
    });
  });

  it('ignores a key this app never offered', () => {
    expect(alertNotificationAction('inline-reply', 'am:1')).toBeUndefined();
  });
});
