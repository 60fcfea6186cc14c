import { Notification, type NativeImage } from 'electron';
import {
  ALERT_NOTIFICATION_ACTIONS,
  alertNotificationAction,
  type NotificationActionHandler,
} from '../services/notify/notification-actions';
import { escapeNotificationMarkup } from '../services/notify/notification-markup';
import type { AppNotification, Notifier } from '../services/notify/notifier';

/** What the Electron notifier needs. */
export interface ElectronNotifierOptions {
  icon?: NativeImage;
  /** Clicking a notification brings the window forward. */
  onClick: () => void;
  /** Acknowledge or Snooze chosen on an alert's notification (macOS and Windows only). */
  onAction?: NotificationActionHandler;
}

// Electron shows action buttons on macOS (signed, alert style) and Windows only
// (electronjs.org/docs/api/structures/notification-action); the click stays "Open".
const BUTTONS = ALERT_NOTIFICATION_ACTIONS.filter((a) => a.key !== 'default');

// How long to wait for the OS to confirm a notification before assuming it went through: on some
// platforms 'show' is not emitted at all, and only Windows reports 'failed'.
const CONFIRM_TIMEOUT_MS = 3_000;

/**
 * The Notifier port over Electron's `Notification` (node-notifier is for browser mode only).
 * Urgency maps to Linux's urgency hint; critical ones also stay until dismissed.
 */
export function createElectronNotifier(options: ElectronNotifierOptions): Notifier {
  // Electron drops the click handler of a notification that has been garbage-collected:
  // keep each one until it is closed.
  const live = new Set<Notification>();

  return {
    notify(notification: AppNotification): Promise<void> {
      if (!Notification.isSupported()) {
        return Promise.reject(
          new Error('This system has no notification service the app can use.'),
        );
      }
      const shown = new Notification({
        title: notification.title,
        // Linux daemons read the body as markup and Electron passes it on as it is; macOS and
        // Windows show it as text, where escaping would show the entities.
        body:
          process.platform === 'linux'
            ? escapeNotificationMarkup(notification.body)
            : notification.body,
        urgency: notification.urgency,
        ...(notification.alertId && options.onAction && process.platform !== 'linux'
          ? { actions: BUTTONS.map((b) => ({ type: 'button' as const, text: b.label })) }
          : {}),
        timeoutType: notification.urgency === 'critical' ? 'never' : 'default',
        ...(options.icon && !options.icon.isEmpty() ? { icon: options.icon } : {}),
      });
      live.add(shown);
      shown.on('click', () => options.onClick());
      const { alertId } = notification;
      if (alertId !== undefined) {
        shown.on('action', (_event, index) => {
          const key = BUTTONS[index]?.key;
          const action = key === undefined ? undefined : alertNotificationAction(key, alertId);
          if (action) options.onAction?.(action);
        });
      }
      shown.on('close', () => live.delete(shown));

      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, CONFIRM_TIMEOUT_MS);
        shown.once('show', () => {
          clearTimeout(timer);
          resolve();
        });
        shown.once('failed', (_event, error) => {
          clearTimeout(timer);
          live.delete(shown);
          reject(new Error(`The OS refused the notification: ${error}`));
        });
        shown.show();
      });
    },
  };
}
