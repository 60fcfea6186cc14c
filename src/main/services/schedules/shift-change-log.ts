import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  MAX_SHIFT_CHANGES,
  shiftChangeSchema,
  type ShiftChange,
} from '../../../shared/schedules/shift-change';
import type { AppLog } from '../app/app-log';
import { makePrivateDirSync } from '../home/private-mode';
import { isCode, replaceFileDurably } from '../journal/durable-fs';

/** The log's file inside its directory (`<home>/schedules/`). */
export const SHIFT_CHANGE_FILE = 'shift-changes.json';

/** The changes of who is on call, kept for the handoff review. */
export interface ShiftChangeLog {
  /** Adds a change, unless one with its id is there already; resolves once it is on disk. */
  append(change: ShiftChange): Promise<void>;
  /** Every change kept, oldest first. */
  list(): Promise<ShiftChange[]>;
}

const fileSchema = z.object({ changes: z.array(shiftChangeSchema) });

/**
 * A small JSON file of the last {@link MAX_SHIFT_CHANGES} changes, replaced whole and atomically
 * on each append. Each change is appended by its `shift-change` deadline after the deadline's
 * fired mark is on disk, so a restart never records one twice (and the id check makes sure).
 * An unreadable file is logged and started afresh: this log is a convenience, the schedule can
 * always be expanded again.
 * @param dir - its directory
 * @param log - where a problem is reported
 */
export function createShiftChangeLog(dir: string, log: AppLog): ShiftChangeLog {
  const file = path.join(dir, SHIFT_CHANGE_FILE);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  const read = async (): Promise<ShiftChange[]> => {
    try {
      return fileSchema.parse(JSON.parse(await readFile(file, 'utf8'))).changes;
    } catch (error) {
      if (!isCode(error, 'ENOENT')) {
        log(
          'warn',
          `Schedules: ${file} could not be read, the shift-change log starts afresh: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      return [];
    }
  };
  return {
    append: (change) =>
      serial(async () => {
        const changes = await read();
        if (changes.some((c) => c.id === change.id)) return;
        const kept = [...changes, change].slice(-MAX_SHIFT_CHANGES);
        makePrivateDirSync(dir);
        await replaceFileDurably(
          dir,
          `${file}.tmp`,
          file,
          new TextEncoder().encode(`${JSON.stringify({ changes: kept })}\n`),
        );
      }),
    list: () => serial(read),
  };
}
