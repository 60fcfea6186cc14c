import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppServices,
  type AppServices,
} from '../../../src/main/services/app/create-app-services';
import { systemClock } from '../../../src/main/services/clock/clock';
import { plainFileEncryptor } from '../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../src/main/services/secrets/open-secret-store';
import { openConfSettingsStore } from '../../../src/main/services/settings/open-conf-settings-store';
import { eventContract, type EventPayload } from '../../../src/shared/ipc/contract';
import { createDispatcher } from '../../../src/shared/ipc/dispatch';
import type { IpcResult } from '../../../src/shared/ipc/result';
import { scratchDir } from '../../support/peer-process';
import { until } from '../../support/sync-client';
import { syncServerProcess, TEST_SYNC_TOKEN, type RealSyncServer } from '../../support/sync-server';

interface App {
  services: AppServices;
  call: (channel: string, request: unknown) => Promise<IpcResult<unknown>>;
  /** Every `sync:changed` pushed, each checked against the contract. */
  syncPushes: EventPayload<'sync:changed'>[];
  /** Every `presence:changed` pushed. */
  presencePushes: EventPayload<'presence:changed'>[];
}

/** One member's app as a shell builds it (browser mode's adapters), with no sync settings yet. */
function app(name: string): App {
  const home = scratchDir(`oncall-app-${name}-`);
  const syncPushes: EventPayload<'sync:changed'>[] = [];
  const presencePushes: EventPayload<'presence:changed'>[] = [];
  const log = () => {};
  const services = createAppServices({
    mode: 'browser',
    version: '0.0.0-test',
    home,
    clock: systemClock,
    notifier: { notify: async () => {} },
    settingsStore: openConfSettingsStore({ home, clock: systemClock, log }),
    secretStore: openSecretStore({ home, clock: systemClock, log, encryptor: plainFileEncryptor }),
    emit: (channel, payload) => {
      // What a shell would send: it must pass the contract's schema.
      eventContract[channel].parse(payload);
      if (channel === 'sync:changed') syncPushes.push(payload as EventPayload<'sync:changed'>);
      if (channel === 'presence:changed') {
        presencePushes.push(payload as EventPayload<'presence:changed'>);
      }
    },
    openExternal: async () => false,
    log,
    env: {},
    syncMaxDelayMs: 300,
  });
  services.start();
  return { services, call: createDispatcher(services.handlers), syncPushes, presencePushes };
}

const value = <T>(result: IpcResult<unknown>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
};

describe('team sync through the app services and the IPC contract', () => {
  let server: RealSyncServer;
  const apps: App[] = [];
  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
  });
  afterAll(async () => {
    for (const a of apps) await a.services.stop();
    await server.stop();
  });

  let ana: App;
  let ben: App;
  let id: string;

  it('is off until configured, says why it refuses, then shares and joins over IPC', async () => {
    ana = app('ana');
    ben = app('ben');
    apps.push(ana, ben);
    expect(value(await ana.call('sync:get', {}))).toMatchObject({ state: { kind: 'off' } });

    // A server set but no token: refused, saying what to do.
    value(await ana.call('settings:update', { sync: { url: server.url, name: 'Ana' } }));
    await until(() => ana.syncPushes.at(-1)?.state.kind === 'refused', 'refused for no token');
    expect(ana.syncPushes.at(-1)?.state).toEqual({
      kind: 'refused',
      reason: 'no team token: set it in Settings (team sync) or in ONCALL_SYNC_TOKEN',
    });
    // Settings can tell, after a reload too, whether a token is stored.
    expect(value<{ token?: unknown }>(await ana.call('sync:get', {})).token).toEqual({
      set: false,
    });
    expect(value(await ana.call('sync:setToken', { token: TEST_SYNC_TOKEN }))).toEqual({
      set: true,
      hint: `••••${TEST_SYNC_TOKEN.slice(-4)}`,
    });
    expect(value<{ token?: unknown }>(await ana.call('sync:get', {})).token).toEqual({
      set: true,
      hint: `••••${TEST_SYNC_TOKEN.slice(-4)}`,
    });
    value(await ben.call('settings:update', { sync: { url: server.url, name: 'Ben' } }));
    value(await ben.call('sync:setToken', { token: TEST_SYNC_TOKEN }));

    const declared = value<{ incident: { id: string } }>(
      await ana.call('incident:declare', { title: 'Checkout errors', severity: 'sev2' }),
    );
    id = declared.incident.id;
    await until(
      () => ben.syncPushes.at(-1)?.teamIncidents.some((i) => i.id === id && !i.joined) === true,
      'the incident pushed to Ben’s list',
    );
    const joined = value<{ incident: { title: string } }>(await ben.call('sync:join', { id }));
    expect(joined.incident.title).toBe('Checkout errors');
    value(
      await ben.call('incident:apply', {
        id,
        op: { type: 'timeline.add', args: { text: 'Ben joined the bridge' } },
      }),
    );
    const textsAtAna = async () =>
      value<{ incident: { timeline: { text: string }[] } }>(
        await ana.call('incident:get', { id }),
      ).incident.timeline.map((entry) => entry.text);
    let texts: string[] = [];
    await until(
      () => texts.includes('Ben joined the bridge'),
      'Ben’s entry at Ana',
      20_000,
      async () => {
        texts = await textsAtAna();
      },
    );
    await until(
      () =>
        ana.syncPushes.at(-1)?.state.kind === 'synced' &&
        ben.syncPushes.at(-1)?.state.kind === 'synced',
      'both say synced',
    );

    const missing = await ben.call('sync:join', { id: 'inc-20200101-000000-0000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('tells Ben who is in the incident, with the role the incident says she holds, typing or not', async () => {
    const roles = value<{ incident: { roles: { id: string; name: string }[] } }>(
      await ana.call('incident:get', { id }),
    ).incident.roles;
    const scribe = roles.find((role) => role.name === 'Scribe');
    expect(scribe).toBeDefined();
    value(
      await ana.call('incident:apply', {
        id,
        op: { type: 'role.assign', args: { roleId: scribe?.id, holder: 'Ana' } },
      }),
    );
    const atBen = () => ben.presencePushes.at(-1)?.incidents[id];

    value(await ana.call('presence:set', { incidentId: id, activity: 'viewing' }));
    await until(() => atBen()?.[0]?.roles.includes('Scribe') === true, 'Ana, scribe, at Ben');
    expect(atBen()).toEqual([
      { name: 'Ana', roles: ['Scribe'], activity: 'viewing', since: expect.any(String) },
    ]);
    expect(value(await ben.call('presence:get', {}))).toEqual(ben.presencePushes.at(-1));

    value(await ana.call('presence:set', { incidentId: id, activity: 'typing' }));
    await until(() => atBen()?.[0]?.activity === 'typing', 'Ana typing at Ben');

    value(await ana.call('presence:set', { incidentId: null, activity: 'viewing' }));
    await until(() => atBen() === undefined, 'Ana no longer in the incident at Ben');
    // Nobody is told about themselves.
    expect(ana.presencePushes.some((push) => push.incidents[id] !== undefined)).toBe(false);
  });
});
