import Conf from 'conf';
import type { Clock } from '../clock/clock';
import { createConfSettingsStore, SETTINGS_STORE_FORMAT } from './conf-settings-store';
import { SETTINGS_CONFIG_NAME, settingsFilePath } from './settings-file';
import type { SettingsLog, SettingsStore } from './settings-store';

/** What browser mode knows when it opens its settings. */
export interface OpenConfSettingsStoreOptions {
  /** The app's home directory (see resolveHome); the file is `<home>/settings.json`. */
  home: string;
  clock: Clock;
  log: SettingsLog;
  watchDebounceMs?: number;
}

/**
 * Browser mode's settings store: conf over `<home>/settings.json`. The Electron shell does the
 * same with electron-store (`new Store({ ...SETTINGS_STORE_FORMAT, cwd: home, name: 'settings' })`).
 */
export function openConfSettingsStore(options: OpenConfSettingsStoreOptions): SettingsStore {
  return createConfSettingsStore({
    file: settingsFilePath(options.home),
    open: () =>
      new Conf<Record<string, unknown>>({
        ...SETTINGS_STORE_FORMAT,
        cwd: options.home,
        configName: SETTINGS_CONFIG_NAME,
      }),
    clock: options.clock,
    log: options.log,
    watchDebounceMs: options.watchDebounceMs,
  });
}
