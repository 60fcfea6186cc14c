import type { Runbook, RunbookLoadError } from '../../../shared/domain/runbook';
import { brokenRunbook } from './broken-runbook';
import {
  createRunbookParser,
  type RunbookParser,
  type RunbookParserOptions,
} from './runbook-parser';
import { readRunbookFile } from './read-runbook-file';
import { walkRunbookFolder } from './walk-runbook-folder';

/** A loaded runbook folder. */
export interface RunbookFolder {
  /** Every runbook file, usable or not, sorted by id; a broken one has `error` set. */
  runbooks: Runbook[];
  /** Every problem: broken runbooks, and files or folders that could not be listed at all. */
  errors: RunbookLoadError[];
  /** The directories that were walked (real paths), for a watcher. */
  dirs: string[];
}

/** Limits that keep a huge or hostile checkout from stalling the app. */
export interface RunbookFolderLimits {
  /** Largest runbook file, in bytes (default 1 MiB). */
  maxFileBytes?: number;
  /** Most Markdown files loaded (default 2000). */
  maxFiles?: number;
  /** How long one file may take to parse, in its worker thread (default 5 s). */
  parseBudgetMs?: number;
  /** Starts the parser's worker thread (tests). */
  startWorker?: RunbookParserOptions['startWorker'];
}

/**
 * The parser options a folder's limits ask for.
 * @param limits - the folder's limits
 */
export function runbookParserOptions(limits: RunbookFolderLimits = {}): RunbookParserOptions {
  return {
    ...(limits.parseBudgetMs === undefined ? {} : { budgetMs: limits.parseBudgetMs }),
    ...(limits.startWorker === undefined ? {} : { startWorker: limits.startWorker }),
  };
}

/** Default size limit of one runbook file. */
export const DEFAULT_MAX_RUNBOOK_BYTES = 1024 * 1024;
/** Default number of Markdown files loaded from one folder. */
export const DEFAULT_MAX_RUNBOOK_FILES = 2000;

/**
 * Loads every `**\/*.md` file of a runbook folder. Each file is read and parsed on its own: one
 * broken file is listed with its error and the others work. Never throws; a folder that does
 * not exist gives no runbooks and one error for `.`.
 * @param dir - the runbook folder (typically a git checkout)
 * @param limits - size and count limits
 * @param shared - a parser the caller keeps between loads (the library does); without it the
 *   load starts its own and stops it when done
 */
export async function loadRunbookFolder(
  dir: string,
  limits: RunbookFolderLimits = {},
  shared?: RunbookParser,
): Promise<RunbookFolder> {
  const maxFileBytes = limits.maxFileBytes ?? DEFAULT_MAX_RUNBOOK_BYTES;
  let walk;
  try {
    walk = await walkRunbookFolder(dir, limits.maxFiles ?? DEFAULT_MAX_RUNBOOK_FILES);
  } catch (error) {
    const reason = error instanceof Error ? (error.message.split(',')[0] ?? '') : String(error);
    return {
      runbooks: [],
      errors: [{ file: '.', message: `runbook folder cannot be opened (${reason})` }],
      dirs: [],
    };
  }
  const runbooks: Runbook[] = [];
  // Parsed in a worker thread, one file at a time, each within a time budget: the main thread
  // also polls, notifies and escalates, and a hostile file took a minute to parse (issue 10).
  const parser = shared ?? createRunbookParser(runbookParserOptions(limits));
  try {
    for (const entry of walk.files) {
      const source = { id: entry.id, file: entry.path };
      const read = await readRunbookFile(entry.path, maxFileBytes);
      runbooks.push(
        read.ok
          ? await parser.parse({ ...source, text: read.text })
          : brokenRunbook(source, read.message),
      );
    }
  } finally {
    if (shared === undefined) await parser.close();
  }
  runbooks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fileErrors = runbooks.flatMap((runbook) =>
    runbook.error === undefined ? [] : [{ file: runbook.id, message: runbook.error }],
  );
  return { runbooks, errors: [...walk.errors, ...fileErrors], dirs: walk.dirs };
}
