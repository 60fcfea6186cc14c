import { afterAll, describe, expect, it } from 'vitest';
import { childPeer, type ChildPeer } from '../../support/child-peer';
import { scratchDir } from '../../support/peer-process';
import { syncServerProcess, type RealSyncServer } from '../../support/sync-server';
import { tcpProxy, type TcpProxy } from '../../support/tcp-proxy';

// Seeded like yjs' own tests (tests/testHelper.js, applyRandomTests): a failing run prints its
// seed, and ONCALL_SYNC_FUZZ_SEED=<seed> replays the same schedule.
const SEED = Number(process.env.ONCALL_SYNC_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const STEPS = 120;
const MAX_SERVER_RESTARTS = 3;
const CONVERGE_TIMEOUT_MS = 30_000;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sync fuzz: 3 members, a real server, partitions, restarts and kill -9', () => {
  let server: RealSyncServer | undefined;
  const proxies: TcpProxy[] = [];
  const peers: ChildPeer[] = [];

  afterAll(async () => {
    for (const peer of peers) await peer.kill();
    for (const proxy of proxies) await proxy.close();
    await server?.stop();
  });

  it(`converges with nothing lost (seed ${SEED})`, { timeout: 120_000 }, async () => {
    const rand = random(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
    const log: string[] = [];
    const written = new Set<string>();
    const outstanding = new Set<Promise<void>>();
    try {
      server = await syncServerProcess();
      await server.start();
      for (const name of ['Ana', 'Ben', 'Cem']) {
        const proxy = await tcpProxy(server.port);
        proxies.push(proxy);
        peers.push(
          childPeer(name, scratchDir(`oncall-fuzz-${name}-`), `ws://127.0.0.1:${proxy.port}`),
        );
      }
      await Promise.all(peers.map((peer) => peer.start()));
      const [ana] = peers as [ChildPeer, ChildPeer, ChildPeer];
      const id = await ana.request<string>({ op: 'declare', title: 'Fuzzed incident' });
      for (const peer of peers.slice(1)) {
        for (let tries = 0; !(await peer.request<boolean>({ op: 'listed', id })); tries++) {
          if (tries > 200) throw new Error(`${peer.name} never listed the incident`);
          await sleep(50);
        }
        await peer.request({ op: 'join', id });
      }

      const deadUntil = new Map<ChildPeer, number>();
      let serverRestarts = 0;
      let n = 0;
      for (let step = 0; step < STEPS; step++) {
        for (const [peer, until] of deadUntil) {
          if (step >= until) {
            deadUntil.delete(peer);
            log.push(`${step}: restart ${peer.name}`);
            await peer.start();
          }
        }
        const r = rand();
        const alive = peers.filter((peer) => peer.alive);
        if (r < 0.6) {
          const peer = pick(alive);
          const text = `${peer.name}-${n++}`;
          log.push(`${step}: ${peer.name} writes ${text}`);
          const write: Promise<void> = peer
            .request({ op: 'write', id, text })
            .then(
              () => {
                written.add(text);
              },
              () => {}, // killed before it answered: never reported written
            )
            .finally(() => outstanding.delete(write));
          outstanding.add(write);
        } else if (r < 0.75) {
          const index = Math.floor(rand() * proxies.length);
          const proxy = proxies[index] as TcpProxy;
          if (proxy.isCut) proxy.heal();
          else proxy.cut();
          log.push(`${step}: ${proxy.isCut ? 'cut' : 'heal'} ${peers[index]?.name}`);
        } else if (r < 0.8 && deadUntil.size === 0) {
          const peer = pick(alive);
          log.push(`${step}: kill -9 ${peer.name}`);
          await peer.kill();
          deadUntil.set(peer, step + 1 + Math.floor(rand() * 10));
        } else if (r < 0.83 && serverRestarts < MAX_SERVER_RESTARTS) {
          serverRestarts++;
          const hard = rand() < 0.5;
          log.push(`${step}: server ${hard ? 'kill -9' : 'stop'} and start`);
          if (hard) await server.kill();
          else await server.stop();
          await server.start();
        } else {
          await sleep(Math.floor(rand() * 60));
        }
      }

      log.push('end: heal everything, restart the dead');
      for (const proxy of proxies) proxy.heal();
      for (const peer of deadUntil.keys()) await peer.start();
      await Promise.all([...outstanding]);

      let texts: string[][] = [];
      const deadline = Date.now() + CONVERGE_TIMEOUT_MS;
      for (;;) {
        texts = await Promise.all(peers.map((peer) => peer.request<string[]>({ op: 'texts', id })));
        const diverged = texts.filter((t) => JSON.stringify(t) !== JSON.stringify(texts[0])).length;
        const lost = [...written].filter((text) => texts.some((t) => !t.includes(text)));
        if ((diverged === 0 && lost.length === 0) || Date.now() > deadline) {
          expect({ diverged, lost: lost.length, lostSample: lost.slice(0, 5) }).toEqual({
            diverged: 0,
            lost: 0,
            lostSample: [],
          });
          break;
        }
        await sleep(250);
      }
      expect(written.size).toBeGreaterThan(0);
      if (process.env.ONCALL_SYNC_FUZZ_VERBOSE) {
        console.log(
          `seed ${SEED}: ${written.size} entries written, ${texts[0]?.length} on each peer`,
        );
        console.log(log.filter((line) => !line.includes(' writes ')).join('\n'));
      }
    } catch (error) {
      const replay = `ONCALL_SYNC_FUZZ_SEED=${SEED} npx vitest run test/integration/sync/sync-fuzz.test.ts`;
      throw new Error(
        `Sync fuzz failed with seed ${SEED} (replay: ${replay}).\nLast steps:\n${log.slice(-25).join('\n')}\n${
          error instanceof Error ? error.message : String(error)
        }`,
        { cause: error },
      );
    }
  });
});
