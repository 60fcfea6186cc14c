import type { BenchCase } from '../bench-case';
import { startOpenWorker } from '../incidents/blocking-open-worker';
import { ENTRIES } from '../incidents/open-jobs';

/**
 * Opening an incident of ENTRIES timeline entries through the store (list the folder, read and
 * check the journal, replay, check for pending updates, read the incident for the UI, close),
 * next to applying the same bytes to a Y.Doc and nothing else. The journal is laid out as the
 * store leaves it: a snapshot from its last compaction and the records since.
 */
export const benchCase: BenchCase = {
  figure: `open an incident of ${ENTRIES.toLocaleString('en')} timeline entries through the store (snapshot + records)`,
  floor: 'Y.applyUpdate of the same bytes',
  iterations: 15,
  setup() {
    const worker = startOpenWorker('compacted');
    return {
      measured: () => worker.run('open-store'),
      floor: () => worker.run('raw-apply'),
    };
  },
};
