import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import type { AlertNotifier } from '../../notify/alert-notification-policy';
import type { SettingsStore } from '../../settings/settings-store';

/** The calls about settings, and the test notification of the notification settings. */
export type SettingsHandlers = Pick<
  InvokeHandlers,
  'settings:get' | 'settings:update' | 'notifications:test'
>;

/** What the settings calls need. */
export interface SettingsHandlerDeps {
  settingsStore: Pick<SettingsStore, 'view' | 'update'>;
  alertNotifier: Pick<AlertNotifier, 'sendTest'>;
}

/**
 * `settings:get`, `settings:update` and `notifications:test`.
 * @param deps - the settings store and the alert notifier
 */
export function settingsHandlers({
  settingsStore,
  alertNotifier,
}: SettingsHandlerDeps): SettingsHandlers {
  return {
    'settings:get': async () => settingsStore.view(),
    // The store tells every listener, including the composition root's, which reconfigures the
    // sources and the runbook folder.
    'settings:update': async (patch) => settingsStore.update(patch),
    'notifications:test': async () => alertNotifier.sendTest(),
  };
}
