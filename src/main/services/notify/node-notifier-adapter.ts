import nodeNotifier from 'node-notifier';
import type NotifySend from 'node-notifier/notifiers/notifysend';
import { escapeNotificationMarkup } from './notification-markup';
import type { AppNotification, Notifier, NotificationUrgency } from './notifier';
import { PRODUCT_NAME } from '../settings/home-dir';

/** The parts of node-notifier this adapter uses (its default export picks the OS's notifier). */
export interface NodeNotifierLike {
  notify(
    options: NotifySend.Notification,
    callback: (error: Error | string | null, response?: string) => void,
  ): unknown;
}

/** Options of {@link createNodeNotifierAdapter}. */
export interface NodeNotifierAdapterOptions {
  /** Shown by the notification daemon as the sender; default "On-Call Companion". */
  appName?: string;
  /** Absolute path of an icon, if there is one. */
  icon?: string;
  /** Default: node-notifier's own choice for this OS (notify-send on Linux). */
  backend?: NodeNotifierLike;
  /** Default: `process.platform`. */
  platform?: NodeJS.Platform;
}

/** notify-send's options, including the two node-notifier passes on but does not type. */
interface NotifySendOptions extends NotifySend.Notification {
  'app-name': string;
  'expire-time': string;
}

/**
 * The Notifier port over node-notifier, for browser mode and the tests (the shell uses
 * Electron's Notification). On Linux it runs notify-send, which returns once the notification
 * daemon accepted the notification over D-Bus, so a resolved promise means it was delivered.
 */
export function createNodeNotifierAdapter(options: NodeNotifierAdapterOptions = {}): Notifier {
  const backend = options.backend ?? (nodeNotifier as unknown as NodeNotifierLike);
  const appName = options.appName ?? PRODUCT_NAME;
  const linux = (options.platform ?? process.platform) === 'linux';

  return {
    notify(notification: AppNotification): Promise<void> {
      const base: NotifySend.Notification = {
        title: notification.title,
        // node-notifier refuses an empty message.
        message: notification.body === '' ? ' ' : notification.body,
        wait: false,
        ...(options.icon ? { icon: options.icon } : {}),
      };
      const request = linux ? notifySendOptions(base, notification.urgency, appName) : base;
      return new Promise<void>((resolve, reject) => {
        backend.notify(request, (error) => {
          // node-notifier hands over notify-send's stderr as the "error" when it exited 0:
          // only an Error means the notification was not delivered.
          if (error instanceof Error) reject(readableError(error));
          else resolve();
        });
      });
    },
  };
}

function notifySendOptions(
  base: NotifySend.Notification,
  urgency: NotificationUrgency,
  appName: string,
): NotifySendOptions {
  return {
    ...base,
    message: forNotifySendBody(base.message ?? ' '),
    urgency,
    'app-name': appName,
    // A string passes through node-notifier unchanged (a number is multiplied by 1000, and
    // leaving it out means 10 s). 0: a critical alert stays until dismissed; -1: the
    // daemon's own default for the urgency.
    'expire-time': urgency === 'critical' ? '0' : '-1',
  };
}

/**
 * Alert text is untrusted and daemons read the body as markup, so it is escaped to be shown as
 * written ({@link escapeNotificationMarkup}). notify-send also unescapes backslash sequences in
 * the body (node-notifier relies on it for newlines), so a literal backslash is doubled first.
 */
function forNotifySendBody(body: string): string {
  return escapeNotificationMarkup(body.replace(/\\/g, '\\\\'));
}

/** Turn node-notifier's "Command failed: notify-send … <stderr>" into a sentence a user can act on. */
function readableError(error: Error): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (
    code === 'ENOENT' ||
    /not found: notify-send|notify-send must be installed/.test(error.message)
  ) {
    return new Error(
      'notify-send is not installed (Debian/Ubuntu package libnotify-bin). Notifications are off until it is.',
      { cause: error },
    );
  }
  // exec's message is the command line (which holds the alert text), then stderr.
  const stderr = error.message.startsWith('Command failed:')
    ? error.message.split('\n').slice(1).join(' ').replace(/\s+/g, ' ').trim()
    : error.message;
  if (/connect|bus|ServiceUnknown|org\.freedesktop\.Notifications|NoReply|Timeout/i.test(stderr)) {
    return new Error(
      `No notification daemon answered (notify-send: ${stderr}). Notifications are off until one runs.`,
      { cause: error },
    );
  }
  return new Error(`The notification was not shown (notify-send: ${stderr || error.message}).`, {
    cause: error,
  });
}
