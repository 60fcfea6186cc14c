import fs from 'node:fs';
import { isSkippedName } from './walk-runbook-folder';

/** Watches a changing set of directories, each on its own (not recursively). */
export interface DirWatcher {
  /** Watches exactly these directories from now on: new ones are added, gone ones closed. */
  sync(dirs: readonly string[]): void;
  close(): void;
}

function inodeOf(dir: string): number | undefined {
  try {
    return fs.statSync(dir).ino;
  } catch {
    return undefined;
  }
}

/**
 * One plain `fs.watch` per directory of the runbook folder, re-synced after every load, instead
 * of `fs.watch(dir, { recursive: true })`: on Linux, Node 20's recursive mode is a JavaScript
 * emulation that walks the whole tree (.git and node_modules included) and has open bugs —
 * a race that misses events (https://github.com/nodejs/node/issues/48437), a crash on deleted
 * files (https://github.com/nodejs/node/issues/52018), spurious events
 * (https://github.com/nodejs/node/issues/58868). The loader already knows which directories
 * matter, so watching just those is simpler and works the same on every platform.
 * Watchers do not keep the process alive.
 * @param onEvent - called for every change not in a hidden or skipped entry (debounce it)
 * @param onError - called when a directory cannot be watched (it is then left unwatched)
 */
export function createDirWatcher(
  onEvent: () => void,
  onError: (dir: string, error: Error) => void,
): DirWatcher {
  const watchers = new Map<string, { watcher: fs.FSWatcher; ino: number }>();
  const stop = (dir: string): void => {
    watchers.get(dir)?.watcher.close();
    watchers.delete(dir);
  };
  const start = (dir: string): void => {
    try {
      const { ino } = fs.statSync(dir);
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        // Hidden names are editor swap/lock files and .git; a missing name may be anything.
        if (name !== null && isSkippedName(name)) return;
        onEvent();
      });
      watcher.on('error', (error) => {
        stop(dir);
        onError(dir, error);
      });
      watchers.set(dir, { watcher, ino });
    } catch (error) {
      onError(dir, error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    sync(dirs) {
      const wanted = new Set(dirs);
      for (const [dir, { ino }] of [...watchers]) {
        // A directory deleted and made again (a branch switch) is a new inode; the old watch
        // would stay silent forever.
        if (!wanted.has(dir) || inodeOf(dir) !== ino) stop(dir);
      }
      for (const dir of wanted) if (!watchers.has(dir)) start(dir);
    },
    close() {
      for (const dir of [...watchers.keys()]) stop(dir);
    },
  };
}
