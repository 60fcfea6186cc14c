import type { BenchCase } from '../bench-case';
import { IDLE_SECONDS, idleWindow, measuredIdleWindow, SETTLE_SECONDS } from '../idle/idle-window';
import { floorLabel, idleLabel } from '../idle/idle-labels';

/**
 * CPU of browser mode left alone (issue 10's idle budget: ≤ 0.1 % of a core), next to an idle
 * node process over the same window. A difference, not a ratio: the floor is about zero.
 */
export const benchCase: BenchCase = {
  get figure() {
    const startUp = measuredIdleWindow()?.app.startUp.cpuPercent;
    const first =
      startUp === undefined
        ? ''
        : `; first ${SETTLE_SECONDS} s after start ${startUp.toFixed(2)} %`;
    return idleLabel(`CPU over ${IDLE_SECONDS} s (budget ≤ 0.1 %${first})`);
  },
  floor: floorLabel,
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: '%',
  compare: 'difference',
  setup: () => ({
    measured: async () => (await idleWindow()).app.cpuPercent,
    floor: async () => (await idleWindow()).floor.cpuPercent,
  }),
};
