import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { severityRank } from '../../../shared/domain/severity';
import { systemClock, type Clock } from '../clock/clock';
import { alertNotification, summaryNotification } from './alert-notification-text';
import type { AppNotification, Notifier } from './notifier';

/** More new alerts than this in one change are announced by one summary notification. */
export const SUMMARY_THRESHOLD = 3;

/** What changed in the alert list (an AlertDiff fits). */
export interface AlertChange {
  /** Alerts seen for the first time; the only ones that can raise a notification… */
  readonly added: readonly Alert[];
  /** …except a known alert that was suppressed (silenced, acknowledged) and fires again. */
  readonly changed?: readonly Alert[];
  /** Alerts that ended; if one fires again later, it is new again. */
  readonly resolved?: readonly Alert[];
}

/** Why the last notification failed, for the UI to say notifications are not reaching the user. */
export interface NotificationFailure {
  message: string;
  at: string;
}

/** Decides which alert changes deserve an OS notification, and sends them. */
export interface AlertNotifier {
  /** Announce the new firing alerts of a change. Never rejects; failures go to the log and {@link AlertNotifier.lastError}. */
  onAlertsChanged(change: AlertChange): Promise<void>;
  /** The last failure to notify, cleared by the next success. */
  lastError(): NotificationFailure | undefined;
  /** Send a test notification (`notifications:test`). */
  sendTest(): Promise<{ delivered: boolean; error?: string }>;
}

/** What {@link createAlertNotifier} needs. */
export interface AlertNotifierOptions {
  notifier: Notifier;
  /** The current settings, read on every change so edits apply at once. */
  settings: () => Settings;
  log: (message: string) => void;
  clock?: Clock;
}

/**
 * The alert notification policy (docs/architecture.md, data flow 4): one notification per new
 * firing alert, or one summary when more than {@link SUMMARY_THRESHOLD} arrive together; never
 * repeated while the alert stays active; respects `notifications.enabled` and `minSeverity`.
 */
export function createAlertNotifier(options: AlertNotifierOptions): AlertNotifier {
  const { notifier, log } = options;
  const clock = options.clock ?? systemClock;
  // Active alerts already considered, so a source that re-reports them (a restarted poller, a
  // changed source list) does not announce them twice. Forgotten when they resolve.
  const known = new Set<string>();
  // Known alerts currently suppressed: when one fires again the user needs to hear it.
  const suppressed = new Set<string>();
  let failure: NotificationFailure | undefined;

  const send = async (notification: AppNotification): Promise<boolean> => {
    try {
      await notifier.notify(notification);
      failure = undefined;
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failure = { message, at: clock.now().toISOString() };
      log(`Notifications: "${notification.title}" was not shown: ${message}`);
      return false;
    }
  };

  const newlyFiring = (change: AlertChange): Alert[] => {
    for (const alert of change.resolved ?? []) {
      known.delete(alert.id);
      suppressed.delete(alert.id);
    }
    const firing: Alert[] = [];
    for (const alert of change.added) {
      if (alert.status === 'resolved' || known.has(alert.id)) continue;
      known.add(alert.id);
      if (alert.status === 'suppressed') suppressed.add(alert.id);
      else firing.push(alert);
    }
    for (const alert of change.changed ?? []) {
      if (alert.status === 'suppressed') {
        if (known.has(alert.id)) suppressed.add(alert.id);
      } else if (alert.status === 'firing' && suppressed.delete(alert.id)) {
        firing.push(alert);
      }
    }
    return firing;
  };

  return {
    async onAlertsChanged(change) {
      try {
        const firing = newlyFiring(change);
        if (firing.length === 0) return;
        const settings = options.settings();
        if (!settings.notifications.enabled) return;
        const floor = severityRank(settings.notifications.minSeverity);
        const loudEnough = firing.filter((alert) => severityRank(alert.severity) <= floor);
        if (loudEnough.length === 0) return;
        if (loudEnough.length > SUMMARY_THRESHOLD) {
          await send(summaryNotification(loudEnough, settings));
        } else {
          await Promise.all(loudEnough.map((alert) => send(alertNotification(alert, settings))));
        }
      } catch (error) {
        // The caller is the poller's pipeline: a bug here must not stop alerts from updating.
        log(
          `Notifications: could not handle an alert change: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    },
    lastError: () => (failure ? { ...failure } : undefined),
    async sendTest() {
      const delivered = await send({
        title: 'On-Call Companion',
        body: 'Test notification: alerts will reach you like this.',
        urgency: 'normal',
      });
      return delivered ? { delivered } : { delivered, error: failure?.message ?? 'unknown error' };
    },
  };
}
