import * as Y from 'yjs';
import { scratchDir } from '../../support/peer-process';
import { openSyncPeer, type SyncPeer } from '../../support/sync-peer';
import { syncServerProcess } from '../../support/sync-server';
import { tcpProxy, type TcpProxy } from '../../support/tcp-proxy';
import type { BenchCase } from '../bench-case';
import { waitUntil } from '../sync/wait-until';

const OFFLINE_ENTRIES = 1_000;

/** The state both had before going offline, and the updates each run wrote offline. */
let lastBase: Uint8Array | undefined;
let lastUpdates: Uint8Array[] = [];

/**
 * Two members' apps (incident store + team sync, journalled) each write OFFLINE_ENTRIES timeline
 * entries while cut off from the sync server, then the network returns: the time from the
 * reconnection until both hold the same 2,000-entry timeline (each side's remote updates applied
 * and journalled), next to applying the same updates to one Y.Doc in memory.
 */
export const benchCase: BenchCase = {
  figure: `2 members × ${OFFLINE_ENTRIES.toLocaleString('en')} offline entries: reconnect → converged (real server, journalled)`,
  floor: 'Y.applyUpdate of the same 2,000 updates, one by one, in memory',
  iterations: 3,
  warmup: 1,
  sample: 'value',
  async setup() {
    const server = await syncServerProcess();
    await server.start();
    const proxies: TcpProxy[] = [];
    const peers: SyncPeer[] = [];
    for (const name of ['Ana', 'Ben']) {
      const proxy = await tcpProxy(server.port);
      proxies.push(proxy);
      peers.push(
        await openSyncPeer({
          name,
          home: scratchDir(`oncall-bench-${name}-`),
          url: `ws://127.0.0.1:${proxy.port}`,
        }),
      );
    }
    const [ana, ben] = peers as [SyncPeer, SyncPeer];
    return {
      async measured() {
        const id = await ana.declare('Bench incident');
        await waitUntil(() => ben.sync.view().teamIncidents.some((i) => i.id === id));
        await ben.sync.join(id);
        await waitUntil(() => ana.state().kind === 'synced' && ben.state().kind === 'synced');
        for (const proxy of proxies) proxy.cut();
        await waitUntil(() => ana.state().kind === 'offline' && ben.state().kind === 'offline');
        const before = ana.store.document(id);
        lastBase = before ? Y.encodeStateAsUpdate(before) : undefined;
        const updates: Uint8Array[] = [];
        const collect = (update: Uint8Array) => updates.push(update);
        ana.store.document(id)?.on('update', collect);
        ben.store.document(id)?.on('update', collect);
        for (let i = 0; i < OFFLINE_ENTRIES; i++) {
          await ana.write(id, `Ana ${i}`);
          await ben.write(id, `Ben ${i}`);
        }
        ana.store.document(id)?.off('update', collect);
        ben.store.document(id)?.off('update', collect);
        lastUpdates = updates;
        const total = ana.texts(id).length + OFFLINE_ENTRIES;
        const started = performance.now();
        for (const proxy of proxies) proxy.heal();
        await waitUntil(() => ana.texts(id).length === total && ben.texts(id).length === total, 5);
        return performance.now() - started;
      },
      floor() {
        const doc = new Y.Doc();
        // From the shared state before the cut, as the members were: otherwise every update
        // would wait as pending for the incident it belongs to.
        if (lastBase) Y.applyUpdate(doc, lastBase);
        const started = performance.now();
        for (const update of lastUpdates) Y.applyUpdate(doc, update);
        const elapsed = performance.now() - started;
        doc.destroy();
        return elapsed;
      },
      async teardown() {
        for (const peer of peers) await peer.close();
        for (const proxy of proxies) await proxy.close();
        await server.stop();
      },
    };
  },
};
