// A real deadline scheduler on a temp home for the escalation bench cases, and the CPU hogs
// that load the machine while they measure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { systemClock } from '../../../src/main/services/clock/clock';
import {
  createDeadlineScheduler,
  type DeadlineHandler,
  type DeadlineScheduler,
} from '../../../src/main/services/escalation/deadline-scheduler';
import { schedulerStateFile } from '../../../src/main/services/escalation/scheduler-state-file';
import { makeDeadline, type DeadlineInput } from '../../../src/shared/escalation/deadline';

/** A scheduler as the app runs it (real clock, real file, real heartbeat) in a temp directory. */
export async function benchScheduler(handler: DeadlineHandler) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oncall-bench-escalation-'));
  // The wall clock, moved ahead by `sleep` as a machine that slept sees it.
  let skewMs = 0;
  const clock = { now: () => new Date(systemClock.now().getTime() + skewMs) };
  const scheduler: DeadlineScheduler = createDeadlineScheduler({
    file: schedulerStateFile(path.join(dir, 'escalation'), clock, () => undefined),
    clock,
    monotonic: () => performance.now(),
    log: () => undefined,
  });
  scheduler.handle('alarm-repeat', handler);
  await scheduler.open();
  return {
    scheduler,
    clock,
    /** The wall clock jumps ahead by `ms` (a sleep the monotonic clock did not count). */
    sleep(ms: number) {
      skewMs += ms;
    },
    schedule: (inputs: DeadlineInput[]) =>
      scheduler.update((state) => ({
        ...state,
        deadlines: [...state.deadlines, ...inputs.map(makeDeadline)],
      })),
    async close() {
      await scheduler.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads every core with a busy loop (a thread each), as a build or a video call would, until
 * stopped: the figures are taken on a loaded machine, the floor too.
 */
export function loadTheMachine(): { stop(): Promise<void> } {
  const workers = Array.from(
    { length: os.availableParallelism() },
    () => new Worker('for (;;) { Math.sqrt(Math.random()); }', { eval: true }),
  );
  return {
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
