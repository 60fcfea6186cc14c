/** What the user chose on an alert's notification; the same shapes as the tray's actions. */
export type AlertNotificationAction =
  | { type: 'openAlert'; alertId: string }
  | { type: 'acknowledge'; alertId: string }
  | { type: 'snooze'; alertId: string; minutes: number };

/** Told the action a user chose on a notification (the tray actions carry it out). */
export type NotificationActionHandler = (action: AlertNotificationAction) => void;

/** How long "Snooze" on a notification snoozes, in minutes. */
export const NOTIFICATION_SNOOZE_MINUTES = 15;

/**
 * The buttons an alert's notification offers, as freedesktop action keys and labels. `default`
 * is the click on the notification itself, which opens the window, never acknowledges: a stray
 * click must not silence a page.
 */
export const ALERT_NOTIFICATION_ACTIONS: readonly { key: string; label: string }[] = [
  { key: 'default', label: 'Open' },
  { key: 'acknowledge', label: 'Acknowledge' },
  { key: 'snooze', label: `Snooze ${NOTIFICATION_SNOOZE_MINUTES} min` },
];

/**
 * The action behind a key the notification daemon reported, or undefined for a key this app
 * never offered (the signal is broadcast, and daemons may invent keys).
 * @param key - the action key from the daemon's ActionInvoked
 * @param alertId - the alert the notification was about
 */
export function alertNotificationAction(
  key: string,
  alertId: string,
): AlertNotificationAction | undefined {
  switch (key) {
    case 'default':
      return { type: 'openAlert', alertId };
    case 'acknowledge':
      return { type: 'acknowledge', alertId };
    case 'snooze':
      return { type: 'snooze', alertId, minutes: NOTIFICATION_SNOOZE_MINUTES };
    default:
      return undefined;
  }
}
