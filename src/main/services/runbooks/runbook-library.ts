import {
  compileRunbookMatch,
  matchRunbooks,
  resolveRunbookUrl,
  type AlertLabels,
  type Runbook,
  type RunbookLoadError,
  type RunbookUrlResolution,
} from '../../../shared/domain/runbook';
import type { AppLog } from '../app/app-log';
import { createDirWatcher, type DirWatcher } from './dir-watcher';
import { createRunbookParser } from './runbook-parser';
import {
  loadRunbookFolder,
  runbookParserOptions,
  type RunbookFolder,
  type RunbookFolderLimits,
} from './load-runbook-folder';

/** How long the folder must stay quiet before it is reloaded (git and editors write in bursts). */
export const DEFAULT_RUNBOOK_RELOAD_DEBOUNCE_MS = 300;

/** What the runbook library needs. */
export interface RunbookLibraryOptions {
  /** The runbook folder chosen in settings. */
  dir: string;
  log: AppLog;
  /** Reload by itself when files change (default false: call `reload()` on demand). */
  watch?: boolean;
  debounceMs?: number;
  limits?: RunbookFolderLimits;
}

/** What the library reports after a reload that changed something. */
export interface RunbookLibraryChange {
  runbooks: readonly Runbook[];
  errors: readonly RunbookLoadError[];
}

/** The runbooks of one folder, kept current. */
export interface RunbookLibrary {
  /** Every runbook, sorted by id; broken ones included, with `error` set. */
  list(): readonly Runbook[];
  /** Every problem found by the last load. */
  errors(): readonly RunbookLoadError[];
  get(id: string): Runbook | undefined;
  /** The runbooks whose front matter matches an alert's labels, best first. */
  forAlert(labels: AlertLabels): Runbook[];
  /** Where an alert's `runbook_url` annotation leads, against the runbooks loaded now. */
  resolveUrl(runbookUrl: string): RunbookUrlResolution;
  /** Reads the folder again; concurrent calls share one pending load. */
  reload(): Promise<RunbookLibraryChange>;
  /** Called after a load that changed the runbooks or errors. Returns unsubscribe. */
  onChange(listener: (change: RunbookLibraryChange) => void): () => void;
  /** Stops watching and drops listeners. */
  close(): void;
}

function summarise(folder: RunbookFolder): string {
  const shown = folder.errors
    .slice(0, 3)
    .map((error) => `${error.file}: ${error.message}`)
    .join('; ');
  const more = folder.errors.length > 3 ? ` (and ${folder.errors.length - 3} more)` : '';
  return `runbooks: ${folder.errors.length} problem(s) in ${folder.runbooks.length} file(s): ${shown}${more}`;
}

/**
 * Loads a runbook folder and keeps it current: on demand with `reload()`, and, with `watch`,
 * after changes settle for `debounceMs`. Resolves once the first load is done, so `list()` is
 * never a misleading empty list. A folder that is missing or broken is reported through
 * `errors()` and the log, never thrown.
 * @param options - folder, log, and whether to watch
 */
export async function createRunbookLibrary(
  options: RunbookLibraryOptions,
): Promise<RunbookLibrary> {
  const debounceMs = options.debounceMs ?? DEFAULT_RUNBOOK_RELOAD_DEBOUNCE_MS;
  const listeners = new Set<(change: RunbookLibraryChange) => void>();
  let state: RunbookLibraryChange = { runbooks: [], errors: [] };
  let byId = new Map<string, Runbook>();
  let fingerprint = '';
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let watcher: DirWatcher | undefined;
  // One parser (and worker thread) across reloads; it stops its worker when idle.
  const parser = createRunbookParser(runbookParserOptions(options.limits));

  const apply = (folder: RunbookFolder): RunbookLibraryChange => {
    if (!closed) watcher?.sync(folder.dirs);
    const next = { runbooks: folder.runbooks, errors: folder.errors };
    // Watch events also come for edits that change nothing we show (a touch, a swap file).
    const nextFingerprint = JSON.stringify(next);
    if (nextFingerprint === fingerprint) return state;
    fingerprint = nextFingerprint;
    state = next;
    // Patterns are compiled here, once per load, rather than on the first alert that needs them.
    for (const runbook of folder.runbooks) compileRunbookMatch(runbook.match);
    byId = new Map(folder.runbooks.map((runbook) => [runbook.id, runbook]));
    if (folder.errors.length > 0) options.log('warn', summarise(folder));
    for (const listener of [...listeners]) {
      try {
        listener(state);
      } catch (error) {
        options.log('error', `runbooks: a change listener failed: ${String(error)}`);
      }
    }
    return state;
  };

  // Loads run one at a time; while one runs, further calls share the single load queued after
  // it, so a burst of changes costs at most two loads and the last one sees the final files.
  let chain: Promise<unknown> = Promise.resolve();
  let queued: Promise<RunbookLibraryChange> | undefined;
  const reload = (): Promise<RunbookLibraryChange> => {
    if (queued !== undefined) return queued;
    const next = chain.then(async () => {
      queued = undefined;
      return apply(await loadRunbookFolder(options.dir, options.limits, parser));
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  };

  if (options.watch === true) {
    watcher = createDirWatcher(
      () => {
        if (closed) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          reload().catch((error: unknown) =>
            options.log('error', `runbooks: reload failed: ${String(error)}`),
          );
        }, debounceMs);
        timer.unref();
      },
      (dir, error) => options.log('warn', `runbooks: cannot watch ${dir}: ${error.message}`),
    );
  }

  await reload();

  return {
    list: () => state.runbooks,
    errors: () => state.errors,
    get: (id) => byId.get(id),
    forAlert: (labels) => matchRunbooks(state.runbooks, labels),
    resolveUrl: (runbookUrl) => resolveRunbookUrl(runbookUrl, [...byId.keys()]),
    reload,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      clearTimeout(timer);
      watcher?.close();
      listeners.clear();
      void parser.close();
    },
  };
}
