import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { startPushWorker } from '../webhook/blocking-push-worker';

const ITERATIONS = 500;
const measured: number[] = [];
const floor: number[] = [];

/**
 * Alertmanager's webhook POST of one new alert, until the alert is published (the receiver
 * answers after the source manager published it), next to the same POST to a bare server.
 */
export const benchCase: BenchCase = {
  // The table has one median column; p99 goes into the label, read after the runs.
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `webhook push of a new alert → published${tail}`;
  },
  floor: 'the same POST to a bare node:http server (loopback)',
  iterations: ITERATIONS,
  setup() {
    const worker = startPushWorker();
    return {
      measured: () => measured.push(worker.run('push')),
      floor: () => floor.push(worker.run('raw-post')),
    };
  },
};

// Warm-up runs are recorded too; the percentiles use the timed runs only.
function p99(samples: number[]): string {
  return percentile(samples.slice(-ITERATIONS), 0.99).toFixed(2);
}
