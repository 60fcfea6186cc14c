import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../../support/peer-process';
import { startRedis, type RealRedis } from '../../support/redis';
import { until } from '../../support/sync-client';
import { openSyncPeer, type SyncPeer } from '../../support/sync-peer';
import { syncServerProcess, type RealSyncServer } from '../../support/sync-server';

describe('two sync server processes sharing one incident through a real redis-server', () => {
  let redis: RealRedis;
  let first: RealSyncServer;
  let second: RealSyncServer;
  const peers: SyncPeer[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    // Each process keeps its own journals; Redis carries updates and locks between them.
    first = await syncServerProcess({ redisUrl: redis.url });
    second = await syncServerProcess({ redisUrl: redis.url });
    await Promise.all([first.start(), second.start()]);
  });
  afterAll(async () => {
    for (const peer of peers) await peer.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await redis?.dispose();
  });

  it('lets members on different processes see each other’s incident and entries', async () => {
    const ana = await openSyncPeer({
      name: 'Ana',
      home: scratchDir('oncall-ana-'),
      url: first.url,
    });
    const ben = await openSyncPeer({
      name: 'Ben',
      home: scratchDir('oncall-ben-'),
      url: second.url,
    });
    peers.push(ana, ben);
    const id = await ana.declare('Payments down');
    await until(
      () => ben.sync.view().teamIncidents.some((i) => i.id === id),
      'Ana’s incident listed at Ben, who is on the other process',
    );
    await ben.sync.join(id);
    for (let i = 0; i < 5; i++) {
      await ana.write(id, `Ana ${i}`);
      await ben.write(id, `Ben ${i}`);
    }
    await until(
      () => ana.texts(id).length === ben.texts(id).length && ana.texts(id).length >= 11,
      'all ten entries on both',
    );
    expect(ben.texts(id)).toEqual(ana.texts(id));
    for (let i = 0; i < 5; i++) {
      expect(ana.texts(id)).toContain(`Ben ${i}`);
      expect(ben.texts(id)).toContain(`Ana ${i}`);
    }
  });
});
