import type { RawSyncClient } from '../../support/sync-client';
import { rawSyncClient } from '../../support/sync-client';
import { syncServerProcess, type RealSyncServer } from '../../support/sync-server';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { waitUntil } from '../sync/wait-until';

const CLIENTS = 20;
/** Keystrokes a second per typist: a fast scribe. */
const RATE = 5;
const BURST_MS = 1_000;
const ITERATIONS = 8;
const DOCUMENT = 'inc-20261205-000000-beef';

/** Updates in the timed bursts (warm-up left out of the overall p99). */
const TIMED = ITERATIONS * CLIENTS * RATE * (BURST_MS / 1_000);

const fanout: number[] = [];
const single: number[] = [];

/**
 * One incident on a real sync server process, 20 clients all typing (5 updates a second each),
 * each update timed from its sender until the 19 others have it (write-ahead fdatasync on the
 * server included); next to one client typing alone to the same 19.
 */
export const benchCase: BenchCase = {
  get figure() {
    const tail =
      fanout.length === 0
        ? ''
        : ` (all timed updates: p99 ${p99(fanout.slice(-TIMED))} ms; floor p99 ${p99(single.slice(-TIMED / CLIENTS))} ms)`;
    return `update fan-out, one incident, ${CLIENTS} clients typing ${RATE}/s each, per-burst p99${tail}`;
  },
  floor: '1 client typing to the same 19 (p99 of a burst)',
  iterations: ITERATIONS,
  warmup: 1,
  sample: 'value',
  async setup() {
    const server: RealSyncServer = await syncServerProcess();
    await server.start();
    const clients: RawSyncClient[] = [];
    for (let i = 0; i < CLIENTS; i++) clients.push(rawSyncClient(server.url, DOCUMENT));
    await Promise.all(clients.map((client) => client.saved()));
    const arrivals = new Map<string, number[]>();
    const sentAt = new Map<string, number>();
    clients.forEach((client, index) => {
      client.doc.getArray<string>('typed').observe((event) => {
        if (event.transaction.local) return;
        const now = performance.now();
        for (const item of event.changes.added) {
          for (const key of item.content.getContent() as string[]) {
            const list = arrivals.get(key) ?? [];
            list[index] = now;
            arrivals.set(key, list);
          }
        }
      });
    });
    let seq = 0;

    const burst = async (typists: RawSyncClient[], receivers: number, into: number[]) => {
      const keys: string[] = [];
      const interval = 1_000 / RATE;
      const rounds = Math.round(BURST_MS / interval);
      for (let round = 0; round < rounds; round++) {
        const started = performance.now();
        typists.forEach((client, index) => {
          // Spread over the interval, as people do not type in step.
          setTimeout(
            () => {
              const key = `${index}:${seq++}`;
              keys.push(key);
              sentAt.set(key, performance.now());
              client.doc.getArray<string>('typed').push([key]);
            },
            (index * interval) / typists.length,
          );
        });
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, interval - (performance.now() - started))),
        );
      }
      await waitUntil(
        () =>
          keys.length === rounds * typists.length &&
          keys.every(
            (key) => (arrivals.get(key)?.filter((t) => t !== undefined).length ?? 0) >= receivers,
          ),
        5,
      );
      const latencies = keys.map((key) => {
        const times = (arrivals.get(key) ?? []).filter((t): t is number => t !== undefined);
        return Math.max(...times) - (sentAt.get(key) ?? 0);
      });
      into.push(...latencies);
      return percentile(latencies, 0.99);
    };

    return {
      measured: () => burst(clients, CLIENTS - 1, fanout),
      // One typist, the same 19 receivers: what fan-out costs without the load of 20 typing.
      floor: () => burst(clients.slice(0, 1), CLIENTS - 1, single),
      async teardown() {
        for (const client of clients) client.destroy();
        await server.stop();
      },
    };
  },
};

function p99(samples: number[]): string {
  return percentile(samples, 0.99).toFixed(1);
}
