import type { BenchCase } from '../bench-case';
import { IDLE_SECONDS, idleWindow, measuredIdleWindow, SETTLE_SECONDS } from '../idle/idle-window';
import { floorLabel, idleLabel } from '../idle/idle-labels';

/**
 * Main-thread wake-ups of browser mode left alone (issue 10's idle budget: ≤ 1 a second), next
 * to an idle node process over the same window.
 */
export const benchCase: BenchCase = {
  get figure() {
    const startUp = measuredIdleWindow()?.app.startUp.wakeupsPerSecond;
    const first =
      startUp === undefined
        ? ''
        : `; first ${SETTLE_SECONDS} s after start ${startUp.toFixed(2)}/s`;
    return idleLabel(`main-thread wake-ups over ${IDLE_SECONDS} s (budget ≤ 1/s${first})`);
  },
  floor: floorLabel,
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: '/s',
  compare: 'difference',
  setup: () => ({
    measured: async () => (await idleWindow()).app.wakeupsPerSecond,
    floor: async () => (await idleWindow()).floor.wakeupsPerSecond,
  }),
};
