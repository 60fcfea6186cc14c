import type { BenchCase } from '../bench-case';
import {
  ALERTS,
  CHANGED_EVERY,
  alertmanagerBody,
  pollOnce,
  previousSnapshot,
  yieldToLoop,
} from '../sources/alertmanager-body';

/** One poll of a large Alertmanager, next to the JSON.parse it cannot avoid. */
export const benchCase: BenchCase = {
  figure: `poll of ${ALERTS.toLocaleString('en')} alerts: parse + check + normalise (in slices) + diff (1% changed)`,
  floor: 'JSON.parse of the same body',
  iterations: 30,
  async setup() {
    const previous = previousSnapshot();
    const body = alertmanagerBody('current');
    const check = await pollOnce(body, previous, yieldToLoop);
    if (check.diff.changed.length !== ALERTS / CHANGED_EVERY) {
      throw new Error(
        `expected ${ALERTS / CHANGED_EVERY} changed alerts, the diff found ${check.diff.changed.length}`,
      );
    }
    return {
      measured: () => pollOnce(body, previous, yieldToLoop),
      floor: () => JSON.parse(body),
    };
  },
};
