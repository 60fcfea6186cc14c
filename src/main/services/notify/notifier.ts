/** How loudly the OS should present a notification; sev1 alerts are `critical`. */
export type NotificationUrgency = 'low' | 'normal' | 'critical';

/** One OS notification. */
export interface AppNotification {
  title: string;
  body: string;
  urgency: NotificationUrgency;
  /**
   * The one alert it is about. A notifier whose platform offers actions shows Acknowledge and
   * Snooze on it (see notification-actions); the others ignore it.
   */
  alertId?: string;
}

/**
 * The port to the OS notification system: node-notifier in browser mode and tests,
 * Electron's Notification in the shell. `notify` resolves once the OS accepted it and
 * rejects with a readable error when it did not.
 */
export interface Notifier {
  notify(notification: AppNotification): Promise<void>;
}
