import type { AppLog } from '../app/app-log';
import { openDbusNotifier } from './dbus-notifier';
import { createNodeNotifierAdapter } from './node-notifier-adapter';
import type { NotificationActionHandler } from './notification-actions';
import type { Notifier } from './notifier';

/** A notifier for plain Node (browser mode), and whether its notifications offer actions. */
export interface DesktopNotifier {
  notifier: Notifier;
  /** True when alert notifications carry Acknowledge and Snooze. */
  actions: boolean;
  close(): void;
}

/**
 * The notifier browser mode uses: on Linux the D-Bus notifier, whose alert notifications offer
 * Acknowledge and Snooze; elsewhere, or when the session bus or its daemon cannot do that,
 * node-notifier (notify-send on Linux), which shows the same text without actions. The reason
 * for falling back is logged, never silent.
 * @param deps - what a chosen action does, the platform, and the log
 */
export async function openDesktopNotifier(deps: {
  onAction: NotificationActionHandler;
  log: AppLog;
  platform?: NodeJS.Platform;
}): Promise<DesktopNotifier> {
  if ((deps.platform ?? process.platform) === 'linux') {
    try {
      const dbus = await openDbusNotifier({ onAction: deps.onAction });
      return { notifier: dbus, actions: true, close: () => dbus.close() };
    } catch (error) {
      deps.log(
        'warn',
        `Notifications: without Acknowledge and Snooze buttons (${error instanceof Error ? error.message : String(error)}); using notify-send.`,
      );
    }
  }
  return { notifier: createNodeNotifierAdapter(), actions: false, close: () => undefined };
}
