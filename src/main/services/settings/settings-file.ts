import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  defaultSettings,
  describeIssues,
  settingsSchema,
  type Settings,
} from '../../../shared/domain/settings';
import type { SettingsProblem } from '../../../shared/ipc/contract';
import type { Clock } from '../clock/clock';
import type { SettingsLog } from './settings-store';

/** Base name of the settings file in the app's home directory (conf's `configName`, electron-store's `name`). */
export const SETTINGS_CONFIG_NAME = 'settings';

/**
 * The settings file of a home directory.
 * @param home - the app's home directory
 */
export function settingsFilePath(home: string): string {
  return path.join(home, `${SETTINGS_CONFIG_NAME}.json`);
}

/**
 * The text written to the settings file: pretty-printed JSON with a final newline, because
 * people edit this file by hand. Conf and electron-store use it as their `serialize`.
 * @param value - the settings (or anything conf hands over)
 */
export function serializeSettings(value: unknown): string {
  return `${JSON.stringify(value, undefined, 2)}\n`;
}

/** What was found in the settings file, before anything is done about it. */
export type SettingsFileContent =
  | { state: 'missing' }
  | { state: 'valid'; settings: Settings; text: string; ignoredFields: string[] }
  | { state: 'invalid'; text: string; issues: string[] }
  | { state: 'unreadable'; issues: string[] };

/**
 * Validate the text of a settings file with the shared schema.
 * @param text - the file's content
 */
export function parseSettingsText(
  text: string,
): { ok: true; settings: Settings; ignoredFields: string[] } | { ok: false; issues: string[] } {
  let json: unknown;
  try {
    // Editors on Windows like to start the file with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, issues: [`(file): not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = settingsSchema.safeParse(json);
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error) };
  return { ok: true, settings: parsed.data, ignoredFields: unknownTopLevelFields(json) };
}

/**
 * Read and validate the settings file without changing anything on disk.
 * @param file - path of `settings.json`
 */
export function readSettingsFile(file: string): SettingsFileContent {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    return { state: 'unreadable', issues: [`(file): cannot be read: ${(error as Error).message}`] };
  }
  const parsed = parseSettingsText(text);
  return parsed.ok
    ? { state: 'valid', settings: parsed.settings, text, ignoredFields: parsed.ignoredFields }
    : { state: 'invalid', text, issues: parsed.issues };
}

/**
 * Move an unusable settings file aside, byte for byte, to `settings.json.invalid-<time>`,
 * so that nothing the user wrote is lost when the app goes on without it.
 * @param file - path of `settings.json`
 * @param clock - names the copy after the current time
 * @returns where the file now is
 */
export function keepSettingsFileAside(file: string, clock: Clock): string {
  // Colons are not allowed in Windows file names.
  const stamp = clock.now().toISOString().replace(/:/g, '-');
  let keptAs = `${file}.invalid-${stamp}`;
  for (let n = 1; fs.existsSync(keptAs); n += 1) keptAs = `${file}.invalid-${stamp}-${n}`;
  fs.renameSync(file, keptAs);
  return keptAs;
}

/** The settings to start with, and what happened to the file on the way. */
export interface LoadedSettings {
  settings: Settings;
  /** `kept-aside`: the file was unusable and has been moved to `problem.keptAs`. */
  fileState: 'missing' | 'valid' | 'kept-aside' | 'unreadable';
  /** The file's text when it was valid, to tell later hand edits from the app's own writes. */
  text?: string;
  problem?: SettingsProblem;
}

/**
 * Load the settings file at start, the same way in both shells: a valid file is used; a missing
 * one means defaults; a file that is not JSON or fails the schema is renamed aside (never wiped)
 * and the defaults are used, with a problem the UI shows and a line in the log. Run this
 * before conf or electron-store opens the file: they throw on a file that is not JSON.
 * @param file - path of `settings.json`
 * @param clock - time of the problem and name of the kept file
 * @param log - told what went wrong, in words a person can act on
 */
export function loadSettingsFile(
  file: string,
  clock: Clock,
  log: SettingsLog = () => {},
): LoadedSettings {
  const content = readSettingsFile(file);
  switch (content.state) {
    case 'missing':
      return { settings: defaultSettings(), fileState: 'missing' };
    case 'valid':
      logIgnoredFields(file, content.ignoredFields, log);
      return { settings: content.settings, fileState: 'valid', text: content.text };
    case 'unreadable': {
      log(
        `Settings: ${file} cannot be read (${content.issues.join('; ')}). ` +
          'Using the default settings; the file was left as it is.',
      );
      const problem = { file, issues: content.issues, at: clock.now().toISOString() };
      return { settings: defaultSettings(), fileState: 'unreadable', problem };
    }
    case 'invalid': {
      const keptAs = keepSettingsFileAside(file, clock);
      log(
        `Settings: ${file} is not valid (${content.issues.join('; ')}). ` +
          `It was kept as ${keptAs}; the app uses the default settings until you fix it.`,
      );
      const problem = { file, keptAs, issues: content.issues, at: clock.now().toISOString() };
      return { settings: defaultSettings(), fileState: 'kept-aside', problem };
    }
  }
}

/**
 * Say which top-level fields of a valid file were ignored: the schema drops unknown keys, and a
 * misspelt field (`notification`) would otherwise be silently without effect.
 */
export function logIgnoredFields(file: string, fields: readonly string[], log: SettingsLog): void {
  if (fields.length === 0) return;
  log(`Settings: ${file} has fields the app does not know, ignored: ${fields.join(', ')}.`);
}

function unknownTopLevelFields(json: unknown): string[] {
  if (typeof json !== 'object' || json === null) return [];
  const known = new Set(Object.keys(settingsSchema.shape));
  return Object.keys(json).filter((key) => !known.has(key));
}

/** True when two settings say the same. */
export function sameSettings(a: Settings, b: Settings): boolean {
  return isDeepStrictEqual(a, b);
}
