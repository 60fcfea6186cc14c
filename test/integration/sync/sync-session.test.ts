import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { systemClock } from '../../../src/main/services/clock/clock';
import { SyncSession } from '../../../src/main/services/sync/sync-session';
import { rawSyncClient, until } from '../../support/sync-client';
import { tcpProxy } from '../../support/tcp-proxy';
import { syncServerProcess, TEST_SYNC_TOKEN, type RealSyncServer } from '../../support/sync-server';

describe('a sync session on a real server', () => {
  let server: RealSyncServer;
  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('keeps syncing a document shared again under the same name (an incident reopened from disk)', async () => {
    const name = 'inc-20261205-120000-cccc';
    const session = new SyncSession({
      url: server.url,
      server: server.url,
      token: TEST_SYNC_TOKEN,
      name: 'Ana',
      clock: systemClock,
      onChange: () => {},
      onRemoteUpdate: () => {},
      maxDelayMs: 300,
    });
    const other = rawSyncClient(server.url, name, { member: 'Ben' });
    try {
      const first = new Y.Doc();
      first.getArray<string>('timeline').push(['before the reopen']);
      session.share(name, first);
      await until(() => other.doc.getArray('timeline').length === 1, 'the first entry at Ben');
      // Reopened from disk: a new document with the same content.
      const reopened = new Y.Doc();
      Y.applyUpdate(reopened, Y.encodeStateAsUpdate(first));
      session.share(name, reopened);
      reopened.getArray<string>('timeline').push(['after the reopen']);
      other.doc.getArray<string>('timeline').push(['from Ben']);
      await until(
        () =>
          other.doc.getArray('timeline').length === 3 && reopened.getArray('timeline').length === 3,
        'every entry on both sides after the reopen',
      );
      expect(reopened.getArray('timeline').toArray()).toEqual(
        other.doc.getArray('timeline').toArray(),
      );
    } finally {
      session.close();
      other.destroy();
    }
  });

  it('keeps an idle connection up (no awareness traffic) with its keepalive', async () => {
    let drops = 0;
    let wasConnected = false;
    const session: SyncSession = new SyncSession({
      url: server.url,
      server: server.url,
      token: TEST_SYNC_TOKEN,
      name: 'Ana',
      clock: systemClock,
      onChange: () => {
        if (wasConnected && !session.connected) drops++;
        wasConnected = session.connected;
      },
      onRemoteUpdate: () => {},
      maxDelayMs: 300,
      // Without a message for 2 s the provider would call the connection dead.
      deadAfterMs: 2_000,
      keepaliveMs: 500,
    });
    try {
      session.share('inc-20261205-130000-dddd', new Y.Doc());
      await until(() => session.connected, 'connected');
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      expect(drops).toBe(0);
      expect(session.connected).toBe(true);
    } finally {
      session.close();
    }
  });

  it('notices a connection that went silent without closing, and says it is offline', async () => {
    const proxy = await tcpProxy(server.port);
    const url = `ws://127.0.0.1:${proxy.port}`;
    const session: SyncSession = new SyncSession({
      url,
      server: url,
      token: TEST_SYNC_TOKEN,
      name: 'Ana',
      clock: systemClock,
      onChange: () => {},
      onRemoteUpdate: () => {},
      maxDelayMs: 300,
      deadAfterMs: 2_000,
      keepaliveMs: 500,
    });
    try {
      session.share('inc-20261205-130000-eeee', new Y.Doc());
      await until(() => session.connected, 'connected');
      proxy.silence();
      await until(() => !session.connected, 'offline once nothing came back for a while');
    } finally {
      session.close();
      await proxy.close();
    }
  });
});
