import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { rawSyncClient, until, type RawSyncClient } from '../../support/sync-client';
import {
  runSyncServerCli,
  syncServerProcess,
  type RealSyncServer,
} from '../../support/sync-server';

const entries = (doc: Y.Doc) => doc.getArray<string>('timeline').toArray();

describe('the sync server (a real process)', () => {
  let server: RealSyncServer;
  const clients: RawSyncClient[] = [];
  const client = (...args: Parameters<typeof rawSyncClient>) => {
    const made = rawSyncClient(...args);
    clients.push(made);
    return made;
  };

  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server.stop();
  });

  it('lets two clients see each other’s entries', async () => {
    const a = client(server.url, 'inc-20261205-100000-aaaa', { member: 'Ana' });
    const b = client(server.url, 'inc-20261205-100000-aaaa', { member: 'Ben' });
    entries(a.doc);
    a.doc.getArray<string>('timeline').push(['from Ana']);
    b.doc.getArray<string>('timeline').push(['from Ben']);
    await until(
      () => entries(a.doc).length === 2 && entries(b.doc).length === 2,
      'both entries on both clients',
    );
    expect(entries(a.doc).sort()).toEqual(['from Ana', 'from Ben']);
    expect(entries(b.doc)).toEqual(entries(a.doc));
  });

  it('loses nothing a client was told was saved when the server is killed and restarted', async () => {
    const name = 'inc-20261205-110000-bbbb';
    const writer = client(server.url, name);
    const array = writer.doc.getArray<string>('timeline');
    for (let i = 0; i < 50; i++) array.push([`entry ${i}`]);
    await writer.saved();
    writer.destroy();
    // No graceful close: whatever the server acknowledged must already be on disk.
    await server.kill();
    await server.start();
    const reader = client(server.url, name);
    await until(() => entries(reader.doc).length === 50, 'the 50 saved entries after a restart');
    expect(entries(reader.doc)).toEqual(Array.from({ length: 50 }, (_, i) => `entry ${i}`));
  });

  it('refuses a wrong team token, saying so', async () => {
    const intruder = client(server.url, 'inc-20261205-100000-aaaa', {
      token: 'not-the-team-token',
    });
    await expect(intruder.refused()).resolves.toBe('wrong team token');
    expect(entries(intruder.doc)).toEqual([]);
  });

  it('refuses to start without a team token, or on a port in use, saying what to do', async () => {
    const missing = await runSyncServerCli(['--port', '0'], {});
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No team token: set ONCALL_SYNC_TOKEN or pass --token-file');
    const busy = await runSyncServerCli(['--port', String(server.port)], {
      ONCALL_SYNC_TOKEN: 'a-long-enough-team-token',
    });
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`Port ${server.port} on 127.0.0.1 is in use`);
  });
});
