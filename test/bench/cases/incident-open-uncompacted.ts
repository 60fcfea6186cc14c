import type { BenchCase } from '../bench-case';
import { startOpenWorker } from '../incidents/blocking-open-worker';
import { ENTRIES } from '../incidents/open-jobs';

/**
 * The worst case of incident-open.ts: a journal never compacted, one record per change, as it
 * would be if every compaction had failed.
 */
export const benchCase: BenchCase = {
  figure: `open an incident of ${ENTRIES.toLocaleString('en')} timeline entries, never compacted (one record each)`,
  floor: 'Y.applyUpdate of the same records',
  iterations: 10,
  setup() {
    const worker = startOpenWorker('records');
    return {
      measured: () => worker.run('open-store'),
      floor: () => worker.run('raw-apply'),
    };
  },
};
