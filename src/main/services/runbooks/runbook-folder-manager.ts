import {
  summariseRunbook,
  type RunbookLoadError,
  type RunbookSummary,
} from '../../../shared/domain/runbook';
import type { RunbookList } from '../../../shared/ipc/contract';
import type { AppLog } from '../app/app-log';
import { createRunbookLibrary, type RunbookLibrary } from './runbook-library';

/** What the manager needs. */
export interface RunbookFolderManagerOptions {
  log: AppLog;
  /** Told the new list after every change: another folder, or files changed in this one. */
  onChange: (list: RunbookList) => void;
  /** Opens a library; the watching {@link createRunbookLibrary} by default (tests swap it). */
  open?: (dir: string) => Promise<RunbookLibrary>;
}

/** The runbook library of the folder chosen in settings, swapped when the choice changes. */
export interface RunbookFolderManager {
  /**
   * Use this folder from now on (undefined: none). The same folder again changes nothing; another
   * one closes the current library and loads the new folder in the background.
   */
  configure(dir: string | undefined): void;
  /** Resolves once the folder configured last is loaded (at once when nothing is loading). */
  settled(): Promise<void>;
  /** The library of the current folder; undefined when none is chosen or it is still loading. */
  library(): RunbookLibrary | undefined;
  /** The current list, as `runbooks:list` answers it. */
  list(): RunbookList;
  /** Closes the library; later calls to `configure` do nothing. */
  close(): void;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps one runbook library open for the folder chosen in settings. Loading is asynchronous, so
 * a folder chosen while another is still loading wins: the stale library is closed as soon as it
 * arrives and never reported. A folder that cannot be loaded at all becomes one error entry for
 * `.`, never an exception.
 * @param options - the log, the change listener and (for tests) how to open a library
 */
export function createRunbookFolderManager(
  options: RunbookFolderManagerOptions,
): RunbookFolderManager {
  const { log, onChange } = options;
  const open = options.open ?? ((dir: string) => createRunbookLibrary({ dir, log, watch: true }));
  // Starts with no folder, so configuring none at start changes (and announces) nothing.
  let dir: string | undefined;
  let closed = false;
  // Bumped by every configure() and close(), so a load that finishes late knows it is stale.
  let generation = 0;
  let current: RunbookLibrary | undefined;
  let unsubscribe: (() => void) | undefined;
  let pending: Promise<void> = Promise.resolve();
  let summaries: RunbookSummary[] = [];
  let errors: readonly RunbookLoadError[] = [];

  const list = (): RunbookList =>
    dir === undefined
      ? { runbooks: summaries, errors: [...errors] }
      : { dir, runbooks: summaries, errors: [...errors] };

  const show = (library: RunbookLibrary | undefined, folderErrors?: RunbookLoadError[]): void => {
    summaries = library ? library.list().map(summariseRunbook) : [];
    errors = folderErrors ?? library?.errors() ?? [];
    try {
      onChange(list());
    } catch (error) {
      log('error', `runbooks: a change listener failed: ${describe(error)}`);
    }
  };

  const drop = (): void => {
    unsubscribe?.();
    unsubscribe = undefined;
    current?.close();
    current = undefined;
  };

  return {
    configure(next) {
      if (closed || next === dir) return;
      dir = next;
      const ours = ++generation;
      drop();
      if (next === undefined) {
        pending = Promise.resolve();
        show(undefined);
        return;
      }
      pending = open(next).then(
        (library) => {
          if (ours !== generation) {
            library.close();
            return;
          }
          current = library;
          unsubscribe = library.onChange(() => show(library));
          show(library);
        },
        (error: unknown) => {
          if (ours !== generation) return;
          log('error', `runbooks: cannot load ${next}: ${describe(error)}`);
          show(undefined, [
            { file: '.', message: `runbook folder cannot be loaded (${describe(error)})` },
          ]);
        },
      );
    },
    async settled() {
      // A configure() while waiting starts a newer load; wait for that one instead.
      let waitingFor: Promise<void>;
      do {
        waitingFor = pending;
        await waitingFor;
      } while (waitingFor !== pending);
    },
    library: () => current,
    list,
    close() {
      closed = true;
      generation += 1;
      drop();
    },
  };
}
