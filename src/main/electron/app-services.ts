// The one place the shell calls the services' composition root, with the shell's adapters.
import type { AppLog } from '../services/app/app-log';
import { createAppServices, type AppServices } from '../services/app/create-app-services';
import type { EventSink } from '../services/app/event-sink';
import type { Clock } from '../services/clock/clock';
import type { Notifier } from '../services/notify/notifier';
import { openElectronSecretStore } from './electron-secret-store';
import { openElectronSettingsStore } from './electron-settings-store';

/** The shell's adapters for the services. */
export interface ShellServicesOptions {
  version: string;
  home: string;
  clock: Clock;
  notifier: Notifier;
  emit: EventSink;
  openExternal: (url: string) => Promise<boolean>;
  log: AppLog;
}

/**
 * The app's services in `electron` mode: settings in electron-store under the home directory,
 * tokens sealed with safeStorage.
 */
export function createShellServices(options: ShellServicesOptions): AppServices {
  const settingsStore = openElectronSettingsStore({
    home: options.home,
    clock: options.clock,
    log: (message) => options.log('warn', message),
  });
  const secretStore = openElectronSecretStore({
    home: options.home,
    clock: options.clock,
    log: options.log,
    acceptBasicText: () => settingsStore.view().settings.secrets.acceptBasicText,
  });
  return createAppServices({ mode: 'electron', ...options, settingsStore, secretStore });
}
