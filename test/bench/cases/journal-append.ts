import type { BenchCase } from '../bench-case';
import { percentile, startJournalWorker } from '../journal/blocking-worker';

const ITERATIONS = 300;
const measured: number[] = [];
const floor: number[] = [];

/** One durable append awaited at a time (a scribe typing slowly), next to a bare fdatasync. */
export const benchCase: BenchCase = {
  // The table has one median column; p99 goes into the label, read after the runs.
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `durable journal append of 64 B, awaited one by one${tail}`;
  },
  floor: '64 B FileHandle write + datasync',
  iterations: ITERATIONS,
  setup() {
    const worker = startJournalWorker();
    return {
      measured: () => measured.push(worker.run('append')),
      floor: () => floor.push(worker.run('raw-one')),
    };
  },
};

// Warm-up runs are recorded too; the percentiles use the timed runs only.
function p99(samples: number[]): string {
  return percentile(samples.slice(-ITERATIONS), 0.99).toFixed(2);
}
