// A deadline scheduler for tests of what runs on it: its "file" is a string in memory, which a
// test may hand to a second scheduler to play a restart without touching the disk.
import type { AppLog } from '../../src/main/services/app/app-log';
import type { Clock } from '../../src/main/services/clock/clock';
import {
  createDeadlineScheduler,
  type DeadlineScheduler,
} from '../../src/main/services/escalation/deadline-scheduler';
import type { SchedulerStateFile } from '../../src/main/services/escalation/scheduler-state-file';
import {
  emptySchedulerState,
  schedulerStateSchema,
} from '../../src/shared/escalation/scheduler-state';

/** A scheduler file kept as text in memory; `text` is what a restart would read. */
export interface MemorySchedulerFile extends SchedulerStateFile {
  text: string | undefined;
  writes: number;
}

/** A new, empty in-memory scheduler file. */
export function memorySchedulerFile(): MemorySchedulerFile {
  const file: MemorySchedulerFile = {
    path: '(memory)/deadlines.json',
    text: undefined,
    writes: 0,
    async load() {
      return file.text === undefined
        ? emptySchedulerState()
        : schedulerStateSchema.parse(JSON.parse(file.text));
    },
    async save(state) {
      file.text = JSON.stringify(state);
      file.writes++;
    },
    async flush() {},
  };
  return file;
}

/**
 * A scheduler over `file`, already opening; its monotonic clock follows `clock`, so moving a
 * manual clock is time passing, not a jump.
 */
export function testScheduler(
  clock: Clock,
  file: SchedulerStateFile = memorySchedulerFile(),
  log: AppLog = () => undefined,
): DeadlineScheduler {
  const scheduler = createDeadlineScheduler({
    file,
    clock,
    monotonic: () => clock.now().getTime(),
    log,
  });
  void scheduler.open();
  return scheduler;
}
