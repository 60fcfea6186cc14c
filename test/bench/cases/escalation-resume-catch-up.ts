import { mkdtempSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeTempFile } from '../../../src/main/services/journal/durable-fs';
import { makeDeadline } from '../../../src/shared/escalation/deadline';
import type { BenchCase } from '../bench-case';
import { benchScheduler } from '../escalation/bench-scheduler';

const OVERDUE = 100;

/**
 * Catch-up after a resume from sleep: 100 steps fell due while the machine slept; from
 * `resume()` until every one has acted (one write marks them all fired with their next steps,
 * then the actions run). The floor is one durable write of a file of the same size (temp,
 * fsync, rename), the least that recording them can cost.
 */
export const benchCase: BenchCase = {
  figure: `catch-up after resume: ${OVERDUE} overdue steps fired`,
  floor: 'one write of the same file (temp + fsync + rename)',
  iterations: 20,
  warmup: 2,
  sample: 'value',
  async setup() {
    let acted = 0;
    const bench = await benchScheduler((due) => ({
      do: 'fire',
      then: [
        {
          kind: 'alarm-repeat',
          subject: due.deadline.subject,
          dueAt: new Date(bench.clock.now().getTime() + 3_600_000).toISOString(),
        },
      ],
      act: async () => void acted++,
    }));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oncall-bench-catch-up-'));
    let round = 0;
    let bytes = new Uint8Array();
    return {
      async measured() {
        const dueAt = new Date(bench.clock.now().getTime() + 60_000).toISOString();
        round++;
        await bench.scheduler.update((state) => ({
          ...state,
          deadlines: Array.from({ length: OVERDUE }, (_, i) =>
            makeDeadline({ kind: 'alarm-repeat', subject: `bench:${round}:${i}`, dueAt }),
          ),
        }));
        acted = 0;
        bench.sleep(120_000);
        const start = performance.now();
        await bench.scheduler.resume();
        const ms = performance.now() - start;
        if (acted !== OVERDUE) throw new Error(`${acted} of ${OVERDUE} acted`);
        bytes = new TextEncoder().encode(JSON.stringify(bench.scheduler.state()));
        return ms;
      },
      async floor() {
        const file = path.join(dir, 'deadlines.json');
        const start = performance.now();
        await writeTempFile(`${file}.tmp`, bytes);
        await rename(`${file}.tmp`, file);
        return performance.now() - start;
      },
      async teardown() {
        await bench.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
