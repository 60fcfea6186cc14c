import type { BenchCase } from '../bench-case';
import { idleWindow, type IdleFigures } from '../idle/idle-window';
import { floorLabel, idleLabel } from '../idle/idle-labels';

let breakdown = '';

/**
 * Resident memory of browser mode at the end of the idle window, and where it is (read from
 * /proc and the process's own report), next to an idle node process read the same way.
 */
export const benchCase: BenchCase = {
  get figure() {
    return idleLabel(`RSS${breakdown}`);
  },
  floor: floorLabel,
  iterations: 1,
  warmup: 0,
  sample: 'value',
  unit: 'MB',
  compare: 'difference',
  setup: () => ({
    async measured() {
      const { app, floor } = await idleWindow();
      breakdown = ` = ${where(app)}; floor ${where(floor)}`;
      return mb(app.memory.rss);
    },
    floor: async () => mb((await idleWindow()).floor.memory.rss),
  }),
};

// File-backed pages ("file") are node's own code and libraries, shared with every node process
// and dropped under pressure; anonymous ones ("anon") are this process's: the JS heap (its code
// included), external buffers and the rest of native memory (malloc, thread stacks).
function where({ memory, heap }: IdleFigures): string {
  const native = memory.rssAnon - heap.heapTotal - heap.external;
  const whole = (bytes: number) => mb(bytes).toFixed(0);
  return (
    `file ${whole(memory.rssFile)} + anon ${whole(memory.rssAnon)} ` +
    `(JS heap ${whole(heap.heapUsed)} used of ${whole(heap.heapTotal)}, code ${mb(heap.code).toFixed(1)}; ` +
    `external ${mb(heap.external).toFixed(1)}; other native ≈ ${whole(native)})`
  );
}

function mb(bytes: number): number {
  return bytes / 1024 / 1024;
}
