import type { BenchCase } from '../bench-case';
import { IDLE_SECONDS, idleWindow, measuredIdleWindow, SETTLE_SECONDS } from '../idle/idle-window';
import { floorLabel } from '../idle/idle-labels';

/**
 * Main-thread wake-ups of browser mode with team sync connected to a real local sync server
 * (Hocuspocus) and one incident shared, left alone (issue 10's budget, ≤ 1 a second): the
 * provider's connection check, our keepalive and its answer are what wake it. CPU and RSS in
 * the label, the first minute's too.
 */
export const benchCase: BenchCase = {
  get figure() {
    const synced = measuredIdleWindow()?.synced;
    const tail =
      synced === undefined
        ? ''
        : `; CPU ${synced.cpuPercent.toFixed(2)} %, RSS ${(synced.memory.rss / 1024 / 1024).toFixed(0)} MB; ` +
          `first ${SETTLE_SECONDS} s: ${synced.startUp.cpuPercent.toFixed(2)} %, ` +
          `${synced.startUp.wakeupsPerSecond.toFixed(2)}/s`;
    return `browser mode idle, team sync connected to a local sync server, one incident shared: main-thread wake-ups over ${IDLE_SECONDS} s from ${SETTLE_SECONDS} s after start (budget ≤ 1/s${tail})`;
  },
  floor: floorLabel,
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: '/s',
  compare: 'difference',
  setup: () => ({
    measured: async () => (await idleWindow()).synced.wakeupsPerSecond,
    floor: async () => (await idleWindow()).floor.wakeupsPerSecond,
  }),
};
