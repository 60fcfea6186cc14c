import * as dbusNative from '@homebridge/dbus-native';
import { PRODUCT_NAME } from '../settings/home-dir';
import {
  ALERT_NOTIFICATION_ACTIONS,
  alertNotificationAction,
  type NotificationActionHandler,
} from './notification-actions';
import { escapeNotificationMarkup } from './notification-markup';
import type { AppNotification, Notifier, NotificationUrgency } from './notifier';

const SERVICE = 'org.freedesktop.Notifications';
const PATH = '/org/freedesktop/Notifications';

/** Most notifications whose actions are remembered; the oldest are forgotten first. */
export const DBUS_NOTIFIER_REMEMBERED = 500;

/** How long a call on the bus may take before it counts as failed. */
const CALL_TIMEOUT_MS = 5_000;

// The freedesktop urgency hint is a byte: 0 low, 1 normal, 2 critical.
const URGENCY_BYTE: Readonly<Record<NotificationUrgency, number>> = {
  low: 0,
  normal: 1,
  critical: 2,
};

/** The parts of a dbus-native message this file reads. */
interface BusMessage {
  type?: number;
  interface?: string;
  member?: string;
  body?: unknown[];
}

/** The part of dbus-native's bus this file uses. */
interface Bus {
  invoke(
    message: Record<string, unknown>,
    callback: (error: { name: string; message: unknown } | undefined, value: unknown) => void,
  ): void;
  addMatch(rule: string, callback: (error: unknown) => void): void;
  connection: {
    on(event: 'message', listener: (message: BusMessage) => void): void;
    on(event: 'error' | 'end', listener: (error?: unknown) => void): void;
    end(): void;
  };
}

// dbus-native's index.js exports sessionBus (the README's own example) but its index.d.ts
// declares only systemBus, so the one call is typed here.
const { sessionBus } = dbusNative as unknown as {
  sessionBus(options?: { busAddress?: string }): Bus;
};

// A signal, in dbus-native's message type numbers.
const SIGNAL = 4;

/** A notifier over the freedesktop notification service, with actions. */
export interface DbusNotifier extends Notifier {
  /** Leave the bus. */
  close(): void;
}

/** What {@link openDbusNotifier} needs. */
export interface DbusNotifierOptions {
  /** Told when the user picks Open, Acknowledge or Snooze on an alert's notification. */
  onAction: NotificationActionHandler;
  /** The session bus; `DBUS_SESSION_BUS_ADDRESS` by default. */
  busAddress?: string;
  /** Shown by the daemon as the sender; "On-Call Companion" by default. */
  appName?: string;
  /** Absolute path of the app's icon, if there is one. */
  icon?: string;
}

/**
 * Notifications straight over D-Bus (org.freedesktop.Notifications), in pure JavaScript, so an
 * alert's notification can offer Acknowledge and Snooze where notify-send (browser mode) and
 * Electron's Notification on Linux offer none. Resolves once the daemon answered that it shows
 * actions; rejects with the reason otherwise, so the caller keeps its plain notifier.
 * @param options - what to do on an action, and which bus
 */
export async function openDbusNotifier(options: DbusNotifierOptions): Promise<DbusNotifier> {
  const address = options.busAddress ?? process.env.DBUS_SESSION_BUS_ADDRESS;
  if (!address) throw new Error('No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).');
  const bus = sessionBus({ busAddress: address });
  let broken: string | undefined;
  // A call waiting for its answer fails at once when the bus goes, not after the timeout.
  const pending = new Set<(reason: string) => void>();
  const fail = (reason: string): void => {
    broken ??= reason;
    for (const reject of pending) reject(broken);
    pending.clear();
  };
  bus.connection.on('error', (error) => {
    fail(`the D-Bus session bus failed: ${error instanceof Error ? error.message : String(error)}`);
  });
  bus.connection.on('end', () => fail('the D-Bus session bus closed'));

  const call = (member: string, signature: string, body: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const failed = (reason: string): void => {
        clearTimeout(timer);
        reject(new Error(`The notification was not shown: ${reason}.`));
      };
      const timer = setTimeout(() => {
        pending.delete(failed);
        reject(new Error(`No notification daemon answered ${member} on D-Bus.`));
      }, CALL_TIMEOUT_MS);
      if (broken) return failed(broken);
      pending.add(failed);
      bus.invoke(
        { destination: SERVICE, path: PATH, interface: SERVICE, member, signature, body },
        (error, value) => {
          clearTimeout(timer);
          pending.delete(failed);
          if (error) {
            reject(new Error(`${member} on D-Bus failed: ${error.name}: ${String(error.message)}`));
          } else resolve(value);
        },
      );
    });

  try {
    const capabilities = await call('GetCapabilities', '', []);
    if (!Array.isArray(capabilities) || !capabilities.includes('actions')) {
      throw new Error('The notification daemon shows no actions (no "actions" capability).');
    }
  } catch (error) {
    bus.connection.end();
    throw error;
  }

  // Notification id → the alert it is about; only ids this app created are acted on, since
  // ActionInvoked is broadcast to every client of the daemon.
  const alertOf = new Map<number, string>();
  bus.connection.on('message', (message) => {
    if (message.type !== SIGNAL || message.interface !== SERVICE) return;
    const [id, key] = message.body ?? [];
    if (typeof id !== 'number') return;
    if (message.member === 'NotificationClosed') {
      alertOf.delete(id);
    } else if (message.member === 'ActionInvoked' && typeof key === 'string') {
      const alertId = alertOf.get(id);
      const action = alertId === undefined ? undefined : alertNotificationAction(key, alertId);
      if (action) options.onAction(action);
    }
  });
  await new Promise<void>((resolve, reject) =>
    bus.addMatch(`type='signal',interface='${SERVICE}',path='${PATH}'`, (error) =>
      error
        ? reject(new Error(`D-Bus refused to pass on notification actions: ${String(error)}`))
        : resolve(),
    ),
  ).catch((error: unknown) => {
    bus.connection.end();
    throw error;
  });

  const appName = options.appName ?? PRODUCT_NAME;
  return {
    async notify(notification: AppNotification) {
      const actions = notification.alertId
        ? ALERT_NOTIFICATION_ACTIONS.flatMap((a) => [a.key, a.label])
        : [];
      const hints = [['urgency', ['y', URGENCY_BYTE[notification.urgency]]]];
      const id = await call('Notify', 'susssasa{sv}i', [
        appName,
        0,
        options.icon ?? '',
        notification.title,
        // Daemons read the body as markup; alert text is untrusted (notification-markup).
        escapeNotificationMarkup(notification.body),
        actions,
        hints,
        // 0: a critical alert stays until dismissed; -1: the daemon's default for the urgency.
        notification.urgency === 'critical' ? 0 : -1,
      ]);
      if (notification.alertId && typeof id === 'number') {
        alertOf.set(id, notification.alertId);
        if (alertOf.size > DBUS_NOTIFIER_REMEMBERED) {
          const [oldest] = alertOf.keys();
          if (oldest !== undefined) alertOf.delete(oldest);
        }
      }
    },
    close: () => bus.connection.end(),
  };
}
