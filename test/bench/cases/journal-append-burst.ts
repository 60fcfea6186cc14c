import type { BenchCase } from '../bench-case';
import { BURST } from '../journal/append-jobs';
import { percentile, startJournalWorker } from '../journal/blocking-worker';

const ITERATIONS = 100;
const measured: number[] = [];
const floor: number[] = [];

/**
 * A burst of concurrent appends (a fast scribe plus remote edits), all awaited: group commit
 * should make it cost about two fdatasyncs (the first append alone, the rest together), not
 * a hundred. The floor is the least any burst can cost: one write of all its bytes, one
 * fdatasync.
 */
export const benchCase: BenchCase = {
  get figure() {
    if (measured.length === 0) return `burst of ${BURST} concurrent durable journal appends`;
    const timed = measured.slice(-ITERATIONS);
    return (
      `burst of ${BURST} concurrent durable journal appends (p99 ${p99(timed)} ms, ` +
      `${((percentile(timed, 0.5) / BURST) * 1000).toFixed(0)} µs per append; ` +
      `floor p99 ${p99(floor.slice(-ITERATIONS))} ms)`
    );
  },
  floor: `one write of ${BURST} × 72 B + datasync`,
  iterations: ITERATIONS,
  setup() {
    const worker = startJournalWorker();
    return {
      measured: () => measured.push(worker.run('burst')),
      floor: () => floor.push(worker.run('raw-burst')),
    };
  },
};

function p99(samples: number[]): string {
  return percentile(samples, 0.99).toFixed(2);
}
