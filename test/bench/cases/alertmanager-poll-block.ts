import type { BenchCase } from '../bench-case';
import { ALERTS, alertmanagerBody, pollOnce, previousSnapshot } from '../sources/alertmanager-body';

/**
 * The longest the main loop is held in one go during a poll of 10,000 alerts: the slices, the
 * parse before them and the diff after, next to the one step that cannot be cut (JSON.parse).
 */
export const benchCase: BenchCase = {
  figure: `longest event-loop block in a poll of ${ALERTS.toLocaleString('en')} alerts`,
  floor: 'JSON.parse of the same body, in one go',
  iterations: 30,
  sample: 'value',
  setup() {
    const previous = previousSnapshot();
    const body = alertmanagerBody('current');
    return {
      async measured() {
        let longest = 0;
        let since = performance.now();
        const pause = () => {
          longest = Math.max(longest, performance.now() - since);
          return new Promise<void>((resolve) =>
            setImmediate(() => {
              since = performance.now();
              resolve();
            }),
          );
        };
        await pollOnce(body, previous, pause);
        return Math.max(longest, performance.now() - since);
      },
      floor() {
        const start = performance.now();
        JSON.parse(body);
        return performance.now() - start;
      },
    };
  },
};
