import type { BenchCase } from '../bench-case';
import { benchScheduler, loadTheMachine } from '../escalation/bench-scheduler';
import { percentile } from '../journal/blocking-worker';

const ITERATIONS = 60;
/** How far ahead each step is scheduled: far enough that its own write is done before. */
const AHEAD_MS = 100;
const measured: number[] = [];
const floor: number[] = [];

/**
 * How late a due step acts (its notification would be sent), with every core busy: scheduled
 * AHEAD_MS ahead through the persisted scheduler (write, arm, wake, mark fired on disk, act).
 * The floor is how late a bare setTimeout of the same delay fires on the same loaded machine.
 */
export const benchCase: BenchCase = {
  get figure() {
    const base = 'escalation step lateness, machine loaded';
    if (measured.length === 0) return base;
    return `${base} (p50 ${p(measured, 0.5)} / p99 ${p(measured, 0.99)} ms; setTimeout drift p50 ${p(floor, 0.5)} / p99 ${p(floor, 0.99)} ms)`;
  },
  floor: `setTimeout(${AHEAD_MS} ms) drift`,
  iterations: ITERATIONS,
  warmup: 3,
  sample: 'value',
  async setup() {
    let arrived: (lateMs: number) => void = () => undefined;
    const bench = await benchScheduler((due) => ({
      do: 'fire',
      act: async () => arrived(Date.now() - Date.parse(due.deadline.dueAt)),
    }));
    const load = loadTheMachine();
    let n = 0;
    return {
      async measured() {
        const lateness = new Promise<number>((resolve) => (arrived = resolve));
        const dueAt = new Date(Date.now() + AHEAD_MS).toISOString();
        await bench.schedule([{ kind: 'alarm-repeat', subject: `bench:${n++}`, dueAt }]);
        const ms = await lateness;
        measured.push(ms);
        return ms;
      },
      async floor() {
        const start = Date.now();
        const ms = await new Promise<number>((resolve) =>
          setTimeout(() => resolve(Date.now() - start - AHEAD_MS), AHEAD_MS),
        );
        floor.push(ms);
        return ms;
      },
      async teardown() {
        await load.stop();
        await bench.close();
      },
    };
  },
};

function p(samples: number[], share: number): string {
  return percentile(samples.slice(-ITERATIONS), share).toFixed(1);
}
