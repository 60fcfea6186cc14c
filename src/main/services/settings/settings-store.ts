import type { InvokeRequest, SettingsView } from '../../../shared/ipc/contract';

/** A change to the settings as the UI sends it (`settings:update`); fields left out stay as they are. */
export type SettingsPatch = InvokeRequest<'settings:update'>;

/** Told the new view whenever the settings or their problem change (from the UI or the file). */
export type SettingsListener = (view: SettingsView) => void;

/** Where the settings services write what a person should read in the log. */
export type SettingsLog = (message: string) => void;

/**
 * The port to the settings file: conf in browser mode, electron-store in the shell, both over
 * the same file and the same loading rules (docs/settings.md).
 */
export interface SettingsStore {
  /** The settings in use, the file they live in and any problem with that file. */
  view(): SettingsView;
  /**
   * Merge `patch` into the settings, validate the result and save it atomically.
   * @throws IpcFailure `bad-request` (with `issues`) when the result would not be valid;
   *   the file is then left untouched. `unavailable` when the file cannot be written.
   */
  update(patch: SettingsPatch): SettingsView;
  /** Subscribe to changes; returns the unsubscribe function. */
  onChange(listener: SettingsListener): () => void;
  /** Stop watching the file and drop every listener. */
  close(): void;
}
