import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../support/peer-process';
import { until } from '../../support/sync-client';
import { openSyncPeer, type SyncPeer } from '../../support/sync-peer';
import { syncServerProcess, type RealSyncServer } from '../../support/sync-server';
import { tcpProxy, type TcpProxy } from '../../support/tcp-proxy';

// A message lost on the way while the connection stays up: Yjs does not notice on its own
// (yjs/yjs#405, yjs/yjs#550). The proxy in front of Ben drops one update the server sends him.
describe('guards against updates lost on the way (a real server, a lossy link to Ben)', () => {
  let server: RealSyncServer;
  let proxy: TcpProxy;
  const peers: SyncPeer[] = [];

  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.close();
    await proxy.close();
  });
  afterAll(async () => {
    await server.stop();
  });

  const pair = async (benResyncEveryMs?: number) => {
    proxy = await tcpProxy(server.port);
    const ana = await openSyncPeer({
      name: 'Ana',
      home: scratchDir('oncall-ana-'),
      url: server.url,
    });
    const ben = await openSyncPeer({
      name: 'Ben',
      home: scratchDir('oncall-ben-'),
      url: `ws://127.0.0.1:${proxy.port}`,
      resyncEveryMs: benResyncEveryMs,
    });
    peers.push(ana, ben);
    const id = await ana.declare('Lossy link');
    await until(() => ana.state().kind === 'synced', 'Ana synced');
    await until(() => ben.sync.view().teamIncidents.some((i) => i.id === id), 'listed at Ben');
    await ben.sync.join(id);
    await until(() => ben.state().kind === 'synced', 'Ben synced');
    return { ana, ben, id };
  };

  it('notices an update it cannot apply (its predecessor was lost) and asks the server again', async () => {
    // The periodic resync is left at its 5 minutes: only the pending-update guard can help.
    const { ana, ben, id } = await pair();
    const lost = proxy.dropNextUpdate(id);
    await ana.write(id, 'first (lost on the way to Ben)');
    await lost;
    await ana.write(id, 'second (depends on the first)');
    await until(
      () => ben.texts(id).includes('second (depends on the first)'),
      'both entries at Ben through the resync',
    );
    expect(ben.texts(id)).toEqual(ana.texts(id));
    await until(() => ben.state().kind === 'synced', 'Ben synced again');
  });

  it('finds a lost update nothing depends on with the periodic state-vector resync', async () => {
    const { ana, ben, id } = await pair(1_000);
    const lost = proxy.dropNextUpdate(id);
    await ana.write(id, 'alone (lost on the way to Ben)');
    await lost;
    expect(ben.texts(id)).not.toContain('alone (lost on the way to Ben)');
    await until(
      () => ben.texts(id).includes('alone (lost on the way to Ben)'),
      'the entry at Ben after a resync',
    );
    expect(ben.texts(id)).toEqual(ana.texts(id));
  });
});
