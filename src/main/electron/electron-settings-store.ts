import Store from 'electron-store';
import type { Clock } from '../services/clock/clock';
import {
  createConfSettingsStore,
  SETTINGS_STORE_FORMAT,
} from '../services/settings/conf-settings-store';
import { SETTINGS_CONFIG_NAME, settingsFilePath } from '../services/settings/settings-file';
import type { SettingsLog, SettingsStore } from '../services/settings/settings-store';

/**
 * The shell's settings store: electron-store (a Conf subclass) over `<home>/settings.json`, with
 * the same format and loading rules as browser mode's conf, through the services' adapter.
 */
export function openElectronSettingsStore(options: {
  home: string;
  clock: Clock;
  log: SettingsLog;
}): SettingsStore {
  return createConfSettingsStore({
    file: settingsFilePath(options.home),
    open: () =>
      new Store<Record<string, unknown>>({
        ...SETTINGS_STORE_FORMAT,
        cwd: options.home,
        name: SETTINGS_CONFIG_NAME,
      }),
    clock: options.clock,
    log: options.log,
  });
}
