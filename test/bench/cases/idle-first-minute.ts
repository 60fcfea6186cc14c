import type { BenchCase } from '../bench-case';
import { idleWindow, measuredIdleWindow, SETTLE_SECONDS } from '../idle/idle-window';
import { floorLabel } from '../idle/idle-labels';

/**
 * CPU of browser mode in its first minute after start (issue 10's idle budget, ≤ 0.1 % of a
 * core, applies here too), next to an idle node process started with it; wake-ups and RSS of
 * both at the end of that minute in the label. The start-up's tail is here: the first failed
 * polls, the "not receiving alerts" notification, V8's memory reducer a few seconds in.
 */
export const benchCase: BenchCase = {
  get figure() {
    const window = measuredIdleWindow();
    const tail =
      window === undefined
        ? ''
        : `; wake-ups ${window.app.startUp.wakeupsPerSecond.toFixed(2)}/s ` +
          `(floor ${window.floor.startUp.wakeupsPerSecond.toFixed(2)}/s), ` +
          `RSS ${mb(window.app.startUp.rss)} MB (floor ${mb(window.floor.startUp.rss)} MB)`;
    return `browser mode, first ${SETTLE_SECONDS} s after start (default source unreachable), CPU (budget ≤ 0.1 %${tail})`;
  },
  floor: floorLabel,
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: '%',
  compare: 'difference',
  setup: () => ({
    measured: async () => (await idleWindow()).app.startUp.cpuPercent,
    floor: async () => (await idleWindow()).floor.startUp.cpuPercent,
  }),
};

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
