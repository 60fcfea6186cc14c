import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { systemClock } from '../../../src/main/services/clock/clock';
import { SyncSession } from '../../../src/main/services/sync/sync-session';
import { presentPeople } from '../../../src/shared/sync/presence';
import { rawSyncClient, until } from '../../support/sync-client';
import { syncServerProcess, TEST_SYNC_TOKEN, type RealSyncServer } from '../../support/sync-server';
import { tcpProxy } from '../../support/tcp-proxy';

const INCIDENT = 'inc-20261205-110000-pres';
const OTHER = 'inc-20261205-110500-else';
const AT = '2026-12-05T11:00:00.000Z';

/** A member's session on `url`, sharing both incidents with presence. */
function member(url: string, name: string, changed: string[] = []): SyncSession {
  const session = new SyncSession({
    url,
    server: url,
    token: TEST_SYNC_TOKEN,
    name,
    clock: systemClock,
    onChange: () => {},
    onRemoteUpdate: () => {},
    onPresenceChange: (id) => changed.push(id),
    maxDelayMs: 300,
    // Short, so that a teammate gone silent disappears within the test.
    keepaliveMs: 200,
    presenceTimeoutMs: 1_500,
  });
  session.share(INCIDENT, new Y.Doc(), true);
  session.share(OTHER, new Y.Doc(), true);
  return session;
}

function names(session: SyncSession, id: string): string[] {
  return presentPeople(session.peers(id) ?? [], []).map((p) => `${p.name} ${p.activity}`);
}

describe('presence on a real sync server', () => {
  let server: RealSyncServer;
  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('shows who is in an incident and who is typing, only there, and not after they left', async () => {
    const changed: string[] = [];
    const ana = member(server.url, 'Ana');
    const ben = member(server.url, 'Ben', changed);
    try {
      await until(() => ana.connected && ben.connected, 'both connected');
      expect(names(ben, INCIDENT)).toEqual([]);

      ana.setPresence(INCIDENT, { name: 'Ana', activity: 'viewing', since: AT });
      await until(() => names(ben, INCIDENT).length === 1, 'Ana present at Ben');
      expect(names(ben, INCIDENT)).toEqual(['Ana viewing']);
      expect(names(ben, OTHER)).toEqual([]);
      expect(changed).toContain(INCIDENT);

      ana.setPresence(INCIDENT, { name: 'Ana', activity: 'typing', since: AT });
      await until(() => names(ben, INCIDENT)[0] === 'Ana typing', 'Ana typing at Ben');

      // Ana opens the other incident: she is there now, and no longer in the first.
      ana.setPresence(OTHER, { name: 'Ana', activity: 'viewing', since: AT });
      await until(
        () => names(ben, OTHER).length === 1 && names(ben, INCIDENT).length === 0,
        'Ana moved to the other incident',
      );

      ana.setPresence(undefined);
      await until(() => names(ben, OTHER).length === 0, 'Ana in no incident');
    } finally {
      ana.close();
      ben.close();
    }
  });

  it('drops a teammate whose app closed', async () => {
    const ana = member(server.url, 'Ana');
    const ben = member(server.url, 'Ben');
    try {
      ana.setPresence(INCIDENT, { name: 'Ana', activity: 'viewing', since: AT });
      await until(() => names(ben, INCIDENT).length === 1, 'Ana present at Ben');
      ana.close();
      await until(() => names(ben, INCIDENT).length === 0, 'Ana gone at Ben');
    } finally {
      ana.close();
      ben.close();
    }
  });

  it('drops a teammate gone silent without a goodbye (a laptop asleep) after the timeout', async () => {
    const proxy = await tcpProxy(server.port);
    const ana = member(`ws://127.0.0.1:${proxy.port}`, 'Ana');
    const ben = member(server.url, 'Ben');
    try {
      ana.setPresence(INCIDENT, { name: 'Ana', activity: 'typing', since: AT });
      await until(() => names(ben, INCIDENT).length === 1, 'Ana present at Ben');
      // Renewals keep her there well past the timeout while she is reachable.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      expect(names(ben, INCIDENT)).toEqual(['Ana typing']);

      proxy.freeze();
      await until(() => names(ben, INCIDENT).length === 0, 'Ana expired at Ben', 10_000);
    } finally {
      ana.close();
      ben.close();
      await proxy.close();
    }
  });

  it('shows a hostile teammate’s presence as short plain text, and ignores states that say nothing', async () => {
    const ben = member(server.url, 'Ben');
    const hostile = rawSyncClient(server.url, OTHER, { member: 'Mallory' });
    const junk = rawSyncClient(server.url, OTHER, { member: 'Junk' });
    const silent = rawSyncClient(server.url, OTHER, { member: 'Silent' });
    try {
      hostile.provider.awareness?.setLocalState({
        name: `<img src=x onerror=alert(1)>\u202e${'x'.repeat(9_000)}`,
        activity: 'typing',
        since: AT,
        extra: 'y'.repeat(50_000),
      });
      junk.provider.awareness?.setLocalState({ name: 42, activity: 'typing', since: AT });
      // `silent` keeps the provider's default state, {}.
      // Their raw providers renew every 15 s, past this test's short timeout: Ben drops and
      // gets them back in turns, so wait for a moment both the hostile and the junk one are in.
      await until(() => (ben.peers(OTHER) ?? []).length >= 2, 'the hostile and junk peers at Ben');
      const people = presentPeople(ben.peers(OTHER) ?? [], []);
      expect(people).toHaveLength(1);
      expect(people[0]?.name).toBe(`<img src=x onerror=alert(1)> ${'x'.repeat(30)}…`);
      expect([...(people[0]?.name ?? '')]).toHaveLength(60);
      expect(ben.connected).toBe(true);
    } finally {
      hostile.destroy();
      junk.destroy();
      silent.destroy();
      ben.close();
    }
  });
});
