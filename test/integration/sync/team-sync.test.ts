import { createServer, type Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../support/free-port';
import { scratchDir } from '../../support/peer-process';
import { until } from '../../support/sync-client';
import { openSyncPeer, type SyncPeer } from '../../support/sync-peer';
import { syncServerProcess, type RealSyncServer } from '../../support/sync-server';

describe('team sync between two apps through a real sync server', () => {
  let server: RealSyncServer;
  const peers: SyncPeer[] = [];
  const peer = async (name: string, url = server.url, token?: string) => {
    const opened = await openSyncPeer({ name, home: scratchDir(`oncall-${name}-`), url, token });
    peers.push(opened);
    return opened;
  };

  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterEach(async () => {
    for (const p of peers.splice(0)) await p.close();
    await server.start().catch(() => {}); // a test that stopped it leaves it running again
  });
  afterAll(async () => {
    await server.stop();
  });

  it('lists a teammate’s incident, joins it, and both see each other’s entries', async () => {
    const ana = await peer('Ana');
    const ben = await peer('Ben');
    const id = await ana.declare('Checkout errors');
    await until(
      () => ben.sync.view().teamIncidents.some((i) => i.id === id && !i.joined),
      'Ana’s incident in Ben’s team list',
    );
    expect(ben.sync.view().teamIncidents.find((i) => i.id === id)).toMatchObject({
      title: 'Checkout errors',
      severity: 'sev2',
      status: 'investigating',
      joined: false,
    });
    const joined = await ben.sync.join(id);
    expect(joined.incident.title).toBe('Checkout errors');
    await ana.write(id, 'Ana: rolled back');
    await ben.write(id, 'Ben: error rate falling');
    await until(
      () =>
        ana.texts(id).includes('Ben: error rate falling') &&
        ben.texts(id).includes('Ana: rolled back'),
      'both entries on both apps',
    );
    expect(ben.texts(id)).toEqual(ana.texts(id));
    await until(() => ana.state().kind === 'synced' && ben.state().kind === 'synced', 'synced');
    // What Ben shows is on Ben's disk: reopened without the server, it is all there.
    const texts = ben.texts(id);
    await ben.close();
    peers.splice(peers.indexOf(ben), 1);
    const again = await openSyncPeer({ name: 'Ben', home: ben.home, url: 'ws://127.0.0.1:9' });
    peers.push(again);
    expect(again.texts(id)).toEqual(texts);
  });

  it('says when the server went away, keeps working, and sends what waited when it is back', async () => {
    const ana = await peer('Ana');
    const ben = await peer('Ben');
    const id = await ana.declare('Disk full');
    await until(() => ben.sync.view().teamIncidents.some((i) => i.id === id), 'listed');
    await ben.sync.join(id);
    await until(() => ana.state().kind === 'synced', 'Ana synced');

    await server.stop();
    await until(() => {
      const state = ana.state();
      return state.kind === 'offline' && state.lastError !== undefined;
    }, 'Ana offline, saying why');
    await ana.write(id, 'written offline 1');
    await ana.write(id, 'written offline 2');
    const offline = ana.state();
    expect(offline).toMatchObject({ kind: 'offline', waiting: 2 });
    expect(offline.kind === 'offline' && offline.lastError).toContain('nothing listens at');
    // An incident declared offline reaches the team when the network returns.
    const later = await ana.declare('Declared while offline');
    expect(ana.texts(id)).toContain('written offline 2');

    await server.start();
    await until(() => ben.texts(id).includes('written offline 2'), 'offline entries at Ben');
    await until(() => ben.sync.view().teamIncidents.some((i) => i.id === later), 'later listed');
    await until(() => ana.state().kind === 'synced', 'Ana synced again');
    expect(ben.texts(id)).toEqual(ana.texts(id));
  });

  it('says the server refused a wrong token, and local work goes on', async () => {
    const eve = await peer('Eve', server.url, 'wrong-token-0123456789');
    await until(() => eve.state().kind === 'refused', 'refused');
    expect(eve.state()).toEqual({ kind: 'refused', reason: 'wrong team token' });
    const id = await eve.declare('Still mine');
    await eve.write(id, 'kept here');
    expect(eve.texts(id)).toContain('kept here');
  });

  it('says a wrong server is not a sync server', async () => {
    const web: Server = createServer((_request, response) => response.end('a web page'));
    const port = await freePort();
    await new Promise<void>((resolve) => web.listen(port, '127.0.0.1', resolve));
    try {
      const ana = await peer('Ana', `ws://127.0.0.1:${port}`);
      await until(() => {
        const state = ana.state();
        return state.kind === 'offline' && state.lastError !== undefined;
      }, 'offline with a reason');
      const state = ana.state();
      expect(state.kind === 'offline' && state.lastError).toBe(
        `ws://127.0.0.1:${port} answered HTTP 200, not as a sync server; is the address right?`,
      );
      const id = await ana.declare('Works offline');
      await ana.write(id, 'still written');
      expect(ana.texts(id)).toContain('still written');
    } finally {
      await new Promise<void>((resolve) => web.close(() => resolve()));
    }
  });
});
