import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  emptySchedulerState,
  schedulerStateSchema,
  type SchedulerState,
} from '../../../shared/escalation/scheduler-state';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { makePrivateDirSync, makePrivateFileSync } from '../home/private-mode';
import { commitTempFile, isCode, writeTempFile } from '../journal/durable-fs';
import { moveAside } from '../journal/keep-aside';

/** The scheduler's file inside its directory (`<home>/escalation/`). */
export const SCHEDULER_FILE = 'deadlines.json';

/** The scheduler's one file: read once at start, replaced whole and atomically on every change. */
export interface SchedulerStateFile {
  readonly path: string;
  /** The state on disk; an unreadable file is kept aside (named in the log) and the state is empty. */
  load(): Promise<SchedulerState>;
  /** Replace the file: temp 0600 → fsync → rename → fsync directory. Resolves once durable. */
  save(state: SchedulerState): Promise<void>;
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
      await writeTempFile(temp, new TextEncoder().encode(`${JSON.stringify(state)}\n`));
      await commitTempFile(dir, temp, file);
    },
  };
}
