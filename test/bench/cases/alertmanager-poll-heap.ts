import type { BenchCase } from '../bench-case';
import type { Alert } from '../../../src/shared/domain/alert';
import {
  ALERTS,
  alertmanagerBody,
  pollOnce,
  previousSnapshot,
  yieldToLoop,
} from '../sources/alertmanager-body';

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Whether polling leaks: the heap after 1,000 polls of 10,000 alerts (each folded into the
 * snapshot, as the source manager does), next to the heap after 10. Flat means a ratio of 1.0.
 */
export const benchCase: BenchCase = {
  figure: `heap after 1,000 polls of ${ALERTS.toLocaleString('en')} alerts`,
  floor: 'heap after 10 polls',
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: 'MB',
  setup() {
    if (!gc) throw new Error('run the benchmarks with --expose-gc (npm run bench does)');
    const bodies = [alertmanagerBody('previous'), alertmanagerBody('current')];
    let snapshot: ReadonlyMap<string, Alert> = previousSnapshot();
    let polled = 0;
    const heapAfter = async (polls: number) => {
      for (; polled < polls; polled++) {
        snapshot = (await pollOnce(bodies[polled % 2] ?? '', snapshot, yieldToLoop)).snapshot;
      }
      gc?.();
      return process.memoryUsage().heapUsed / 1024 / 1024;
    };
    let afterTen = 0;
    return {
      // One run: the heap after 10 polls is read on the way to 1,000, for the floor.
      async measured() {
        afterTen = await heapAfter(10);
        return heapAfter(1000);
      },
      floor: () => afterTen,
    };
  },
};
