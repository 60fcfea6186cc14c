import fs from 'node:fs';
import path from 'node:path';
import {
  defaultSettings,
  describeIssues,
  settingsSchema,
  type Settings,
} from '../../../shared/domain/settings';
import {
  invokeContract,
  type SettingsProblem,
  type SettingsView,
} from '../../../shared/ipc/contract';
import { IpcFailure } from '../../../shared/ipc/result';
import type { Clock } from '../clock/clock';
import { makePrivateDirSync, makePrivateFileSync } from '../home/private-mode';
import {
  keepSettingsFileAside,
  loadSettingsFile,
  logIgnoredFields,
  readSettingsFile,
  sameSettings,
  serializeSettings,
} from './settings-file';
import { watchSettingsFile } from './settings-file-watcher';
import type { SettingsListener, SettingsLog, SettingsPatch, SettingsStore } from './settings-store';

/**
 * The part of conf this adapter uses. electron-store's class extends Conf, so the shell passes
 * its electron-store instance here and gets the same behaviour as browser mode.
 */
export interface ConfLike {
  readonly path: string;
  store: Record<string, unknown>;
}

/**
 * Options both conf (browser mode) and electron-store (the shell) must be opened with, so the
 * file looks the same whoever wrote it. Add `cwd: home` and the name (`configName` for conf,
 * `name` for electron-store: {@link SETTINGS_CONFIG_NAME}). No `schema`/`defaults`: validation
 * is ours (zod) and happens before conf reads the file.
 */
export const SETTINGS_STORE_FORMAT = {
  serialize: serializeSettings,
  // Settings hold source URLs, which can be internal; nobody else needs to read them.
  configFileMode: 0o600,
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false,
} as const;

/** What {@link createConfSettingsStore} needs. */
export interface ConfSettingsStoreOptions {
  /** Path of `settings.json`; must be the file `open()` opens. */
  file: string;
  /**
   * Opens conf or electron-store on `file`. Called after the file was checked (and moved
   * aside if unusable), because both throw when they open a file that is not JSON.
   */
  open: () => ConfLike;
  clock: Clock;
  log: SettingsLog;
  /** Quiet time before a hand edit is read; default 250 ms. */
  watchDebounceMs?: number;
}

type DiskState =
  | { state: 'missing' }
  | { state: 'valid'; text: string }
  | { state: 'invalid'; text: string; issues: string[] }
  | { state: 'unreadable' };

/**
 * The settings store over conf or electron-store (docs/settings.md): loads with
 * {@link loadSettingsFile}, creates the file when there is none, saves through conf (atomic:
 * temp file + rename), and follows hand edits of the file.
 */
export function createConfSettingsStore(options: ConfSettingsStoreOptions): SettingsStore {
  const { file, clock, log } = options;
  makePrivateDirSync(path.dirname(file));
  // conf's `configFileMode` applies when it writes; a file made by hand is fixed now.
  makePrivateFileSync(file);

  const loaded = loadSettingsFile(file, clock, log);
  let settings: Settings = loaded.settings;
  let problem: SettingsProblem | undefined = loaded.problem;
  let disk: DiskState =
    loaded.fileState === 'valid' && loaded.text !== undefined
      ? { state: 'valid', text: loaded.text }
      : loaded.fileState === 'unreadable'
        ? { state: 'unreadable' }
        : { state: 'missing' };
  const listeners = new Set<SettingsListener>();

  let conf: ConfLike | undefined;
  const openConf = (): ConfLike => {
    if (conf) return conf;
    const opened = options.open();
    if (path.resolve(opened.path) !== path.resolve(file)) {
      throw new Error(`The settings store opened ${opened.path} instead of ${file}.`);
    }
    conf = opened;
    return conf;
  };

  const write = (next: Settings): void => {
    // A copy: conf adds its `__internal__` key to the object it is given when the file has one.
    openConf().store = structuredClone(next);
    // Read back what conf wrote, so the watcher can tell this write from a later hand edit.
    disk = { state: 'valid', text: fs.readFileSync(file, 'utf8') };
  };

  // A missing file is created with every default written out, so there is a file to edit;
  // an unusable one has been moved aside and gets the same. Failing here must not stop the app.
  const writeDefaultsFile = (): void => {
    try {
      write(settings);
    } catch (error) {
      log(`Settings: could not write ${file}: ${messageOf(error)}. Using the settings in memory.`);
    }
  };

  const view = (): SettingsView =>
    structuredClone(problem ? { settings, path: file, problem } : { settings, path: file });

  const emit = (): void => {
    const current = view();
    for (const listener of listeners) {
      try {
        listener(current);
      } catch (error) {
        log(`Settings: a change listener failed: ${messageOf(error)}`);
      }
    }
  };

  /** Take in whatever is in the file now, if someone other than this store changed it. */
  const reload = (): void => {
    const content = readSettingsFile(file);
    const at = clock.now().toISOString();
    switch (content.state) {
      case 'missing':
        if (disk.state === 'missing') return;
        disk = { state: 'missing' };
        log(
          `Settings: ${file} was removed; using the default settings and writing them to a new file.`,
        );
        settings = defaultSettings();
        problem = undefined;
        writeDefaultsFile();
        emit();
        return;
      case 'valid':
        if (disk.state === 'valid' && disk.text === content.text) return;
        disk = { state: 'valid', text: content.text };
        logIgnoredFields(file, content.ignoredFields, log);
        if (problem === undefined && sameSettings(settings, content.settings)) return;
        settings = content.settings;
        problem = undefined;
        emit();
        return;
      case 'invalid':
        if (disk.state === 'invalid' && disk.text === content.text) return;
        disk = { state: 'invalid', text: content.text, issues: content.issues };
        // Left in place on purpose: the user may be half-way through an edit in an open
        // editor, and renaming the file under them would lose their place (docs/settings.md).
        log(
          `Settings: your edit of ${file} is not valid (${content.issues.join('; ')}). ` +
            'The app keeps the previous settings until the file is fixed; the file was left as you wrote it.',
        );
        problem = { file, issues: content.issues, at };
        emit();
        return;
      case 'unreadable':
        if (disk.state === 'unreadable') return;
        disk = { state: 'unreadable' };
        log(
          `Settings: ${file} cannot be read (${content.issues.join('; ')}); keeping the previous settings.`,
        );
        problem = { file, issues: content.issues, at };
        emit();
        return;
    }
  };

  if (loaded.fileState === 'missing' || loaded.fileState === 'kept-aside') writeDefaultsFile();
  else if (loaded.fileState === 'valid') openConf();

  const stopWatching = watchSettingsFile(file, {
    debounceMs: options.watchDebounceMs,
    onChange: () => {
      try {
        reload();
      } catch (error) {
        log(`Settings: could not reload ${file}: ${messageOf(error)}`);
      }
    },
    onError: (error) => log(`Settings: stopped watching ${file} for edits: ${error.message}`),
  });

  return {
    view,
    update(patch: SettingsPatch): SettingsView {
      const request = invokeContract['settings:update'].request.safeParse(patch);
      if (!request.success) throw notSaved(describeIssues(request.error));
      // Merge onto what the file says now, not onto a state the user has since edited by hand.
      reload();
      const parsed = settingsSchema.safeParse({ ...settings, ...definedFields(request.data) });
      if (!parsed.success) throw notSaved(describeIssues(parsed.error));

      let nextProblem: SettingsProblem | undefined;
      if (disk.state === 'invalid') {
        // Saving would overwrite an edit that is not valid yet: keep it, like at start.
        const keptAs = keepSettingsFileAside(file, clock);
        nextProblem = { file, keptAs, issues: disk.issues, at: clock.now().toISOString() };
        log(
          `Settings: your unfinished edit of ${file} was kept as ${keptAs} before saving the settings from the app.`,
        );
        disk = { state: 'missing' };
      }
      try {
        write(parsed.data);
      } catch (error) {
        throw new IpcFailure(
          'unavailable',
          `The settings could not be saved to ${file}: ${messageOf(error)}`,
        );
      }
      settings = parsed.data;
      problem = nextProblem;
      emit();
      return view();
    },
    onChange(listener: SettingsListener): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close(): void {
      stopWatching();
      listeners.clear();
    },
  };
}

function notSaved(issues: string[]): IpcFailure {
  return new IpcFailure('bad-request', `The settings were not saved: ${issues.join('; ')}`, issues);
}

/** Drop fields given as `undefined`, which would otherwise erase the current value in a spread. */
function definedFields<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
