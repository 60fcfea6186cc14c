import fs from 'node:fs';
import path from 'node:path';

/** How long the file must stay quiet before a change is read (editors write in several steps). */
export const DEFAULT_WATCH_DEBOUNCE_MS = 250;

/** What the watcher reports to. */
export interface SettingsFileWatchOptions {
  /** Called once the file has stopped changing for `debounceMs`. */
  onChange: () => void;
  onError: (error: Error) => void;
  debounceMs?: number;
}

/**
 * Watch one file for edits by hand. Watches the directory, not the file: editors and atomic
 * writers replace the file by renaming a new one over it, which a watch on the old inode misses.
 * The watcher does not keep the process alive.
 * @param file - the file to watch
 * @returns stops watching
 */
export function watchSettingsFile(file: string, options: SettingsFileWatchOptions): () => void {
  const name = path.basename(file);
  const debounceMs = options.debounceMs ?? DEFAULT_WATCH_DEBOUNCE_MS;
  let timer: NodeJS.Timeout | undefined;
  const watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, changed) => {
    // Some platforms do not report the name; then any change in the directory may be ours.
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(options.onChange, debounceMs);
    timer.unref();
  });
  watcher.on('error', options.onError);
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
