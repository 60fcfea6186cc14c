import type { BenchCase } from '../bench-case';
import { benchScheduler } from '../escalation/bench-scheduler';

const PENDING = 100;
const WINDOW_MS = 65_000;
const HOUR_MS = 3_600_000;

/**
 * The scheduler's idle cost: timer wake-ups per minute with 100 pending deadlines spread over
 * the next hour (about two of them come due in the window). The floor is what the app did
 * before the scheduler: the status update and acknowledgement reminders each re-checked on a
 * 30 s timer, counted over the same window.
 */
export const benchCase: BenchCase = {
  figure: `escalation wake-ups per minute, ${PENDING} deadlines pending over the next hour`,
  floor: 'two 30 s re-check timers (before the scheduler)',
  unit: '/min',
  iterations: 1,
  warmup: 0,
  sample: 'value',
  async setup() {
    const bench = await benchScheduler(() => ({ do: 'fire' }));
    return {
      async measured() {
        const now = Date.now();
        await bench.schedule(
          Array.from({ length: PENDING }, (_, i) => ({
            kind: 'alarm-repeat' as const,
            subject: `bench:${i}`,
            dueAt: new Date(now + 30_000 + (i * HOUR_MS) / PENDING).toISOString(),
          })),
        );
        const before = bench.scheduler.stats().wakeUps;
        await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
        return ((bench.scheduler.stats().wakeUps - before) * 60_000) / WINDOW_MS;
      },
      async floor() {
        let wakeUps = 0;
        const timers = [0, 1].map(() => setInterval(() => wakeUps++, 30_000));
        await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
        for (const timer of timers) clearInterval(timer);
        return (wakeUps * 60_000) / WINDOW_MS;
      },
      teardown: () => bench.close(),
    };
  },
};
