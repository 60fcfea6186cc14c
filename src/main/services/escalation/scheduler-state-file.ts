import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import {
  emptySchedulerState,
  schedulerStateSchema,
  type SchedulerState,
} from '../../../shared/escalation/scheduler-state';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { makePrivateDirSync, makePrivateFileSync } from '../home/private-mode';
import { isCode, syncDirectory, writeTempFile } from '../journal/durable-fs';
import { moveAside } from '../journal/keep-aside';

/** The scheduler's file inside its directory (`<home>/escalation/`). */
export const SCHEDULER_FILE = 'deadlines.json';

/** The scheduler's one file: read once at start, replaced whole and atomically on every change. */
export interface SchedulerStateFile {
  readonly path: string;
  /** The state on disk; an unreadable file is kept aside (named in the log) and the state is empty. */
  load(): Promise<SchedulerState>;
  /**
   * Replace the file: temp 0600 → fsync → rename. Resolves once renamed: from then on a crash
   * of the process (kill -9) leaves the new state. The directory's fsync, which only a power
   * cut needs, follows in the background and is awaited by the next save and by `flush`.
   */
  save(state: SchedulerState): Promise<void>;
  /** Wait for the last save's directory fsync. */
  flush(): Promise<void>;
}

/**
 * Opens the scheduler's file in `dir` (made 0700; the file is 0600).
 * @param dir - the scheduler's directory
 * @param clock - names a kept-aside copy
 * @param log - where a kept-aside file is reported
 */
export function schedulerStateFile(dir: string, clock: Clock, log: AppLog): SchedulerStateFile {
  const file = path.join(dir, SCHEDULER_FILE);
  const temp = `${file}.tmp`;
  let dirSync: Promise<void> = Promise.resolve();
  return {
    path: file,
    async load() {
      makePrivateDirSync(dir);
      makePrivateFileSync(file);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (isCode(error, 'ENOENT')) return emptySchedulerState();
        throw error;
      }
      let problem: string;
      try {
        const parsed = schedulerStateSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        problem = parsed.error.issues
          .slice(0, 3)
          .map((issue) => `${issue.path.join('.') || '(top)'}: ${issue.message}`)
          .join('; ');
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
      // Kept, never overwritten: the copy is what a person needs to see what was pending.
      const aside = await moveAside(file, 'unreadable', clock);
      log(
        'warn',
        `Escalation: ${file} could not be read (${problem}); it was kept as ${aside} and the app starts with nothing scheduled: alerts still firing are announced again.`,
      );
      return emptySchedulerState();
    },
    async save(state) {
      await dirSync;
      await writeTempFile(temp, new TextEncoder().encode(`${JSON.stringify(state)}\n`));
      await rename(temp, file);
      // Why not awaited here: every action of the scheduler waits for this promise, and the
      // time between the rename and the action is the one window in which a killed process
      // loses a notification (at most once). A power cut before this fsync may bring back the
      // previous state, so the last notification could come again: a trade for the far more
      // common crash of the app itself.
      dirSync = syncDirectory(dir).catch((error: unknown) =>
        log(
          'warn',
          `Escalation: ${dir} could not be synced after a write: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    },
    flush: () => dirSync,
  };
}
