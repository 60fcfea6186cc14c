import { describe, expect, it } from 'vitest';
import type { ConnectionState } from '../../../src/renderer/bridge/connection-state';
import {
  applyAlertsChanged,
  applyAlertsList,
  applyRunbooksChanged,
  applyRunbooksList,
  applySourcesList,
  applySourceStatus,
  initialAppState,
} from '../../../src/renderer/stores/app-state';
import { connectAppStore, createAppStore } from '../../../src/renderer/stores/app-store';
import { moveSelection } from '../../../src/renderer/stores/ui-store';
import { defaultSettings } from '../../../src/shared/domain/settings';
import type { SyncView } from '../../../src/shared/sync/sync-view';
import { fakeBridge } from './fake-bridge';
import { alert, runbookList, source, summary } from './fixtures';

const connected: ConnectionState = { status: 'connected' };

describe('app state reducers', () => {
  it('alerts:changed replaces the list, in list order', () => {
    const state = applyAlertsChanged(initialAppState(connected), {
      alerts: [
        alert('resolved', { status: 'resolved', severity: 'sev1' }),
        alert('minor', { severity: 'sev4' }),
        alert('worst', { severity: 'sev1' }),
        alert('older', { severity: 'sev1', startsAt: '2025-03-04T04:00:00.000Z' }),
      ],
      added: ['worst'],
      resolved: [],
    });
    expect(state.alerts.map((a) => a.title)).toEqual(['worst', 'older', 'minor', 'resolved']);
    expect(state.alertsLoaded).toBe(true);
  });

  it('an alerts:list answer older than an alerts:changed event is dropped', () => {
    let state = initialAppState(connected);
    const startedAt = state.revision;
    state = applyAlertsChanged(state, {
      alerts: [alert('new')],
      added: ['prod:new'],
      resolved: [],
    });
    state = applyAlertsList(state, [alert('stale')], startedAt);
    expect(state.alerts.map((a) => a.title)).toEqual(['new']);
    // A list asked for after the event is applied.
    state = applyAlertsList(state, [alert('fresh')], state.revision);
    expect(state.alerts.map((a) => a.title)).toEqual(['fresh']);
  });

  it('source:status replaces one source in place, or adds it', () => {
    let state = applySourcesList(initialAppState(connected), [source('a'), source('b')], 0);
    state = applySourceStatus(state, source('a', { health: 'failing' }));
    state = applySourceStatus(state, source('c'));
    expect(state.sources.map((s) => `${s.sourceId}:${s.health}`)).toEqual([
      'a:failing',
      'b:ok',
      'c:ok',
    ]);
  });

  it('sources:list decides which sources exist, but keeps statuses that arrived while it was asked', () => {
    let state = applySourcesList(initialAppState(connected), [source('a'), source('gone')], 0);
    const startedAt = state.revision;
    state = applySourceStatus(state, source('a', { health: 'failing', failures: 3 }));
    state = applySourcesList(state, [source('a', { health: 'pending' }), source('new')], startedAt);
    expect(state.sources.map((s) => `${s.sourceId}:${s.health}`)).toEqual(['a:failing', 'new:ok']);
  });
});

const settingsView = { settings: defaultSettings(), path: '/home/me/settings.json' };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('connectAppStore', () => {
  it('loads everything once connected, then follows events', async () => {
    const fake = fakeBridge({
      'app:info': () => ({ mode: 'browser', version: '0.1.0', home: '/home/me' }),
      'settings:get': () => settingsView,
      'alerts:list': () => ({ alerts: [alert('a')] }),
      'sources:list': () => ({ sources: [source('prod')] }),
      'runbooks:list': () => runbookList('/srv/runbooks', 'a.md'),
      'sync:get': () => ({ state: { kind: 'off' }, teamIncidents: [] }),
      'presence:get': () => ({ incidents: {} }),
    });
    const store = createAppStore(fake.bridge);
    connectAppStore(store, fake.bridge);
    expect(fake.calls.map((c) => c.channel)).toEqual([]);
    fake.setConnection(connected);
    await flush();
    expect(fake.calls.map((c) => c.channel).sort()).toEqual([
      'alerts:list',
      'app:info',
      'presence:get',
      'runbooks:list',
      'settings:get',
      'sources:list',
      'sync:get',
    ]);
    expect(store.getState()).toMatchObject({
      connection: connected,
      info: { version: '0.1.0' },
      settings: settingsView,
      alertsLoaded: true,
      sourcesLoaded: true,
      loadError: undefined,
    });

    fake.emit('alerts:changed', {
      alerts: [alert('a'), alert('b', { severity: 'sev1' })],
      added: ['prod:b'],
      resolved: [],
    });
    expect(store.getState().alerts.map((a) => a.title)).toEqual(['b', 'a']);
    fake.emit('source:status', source('prod', { health: 'failing' }));
    expect(store.getState().sources[0]?.health).toBe('failing');

    expect(store.getState().runbooks?.runbooks.map((r) => r.id)).toEqual(['a.md']);
    const before = store.getState().runbooksRevision;
    fake.emit('runbooks:changed', runbookList('/srv/other', 'b.md'));
    expect(store.getState().runbooks).toMatchObject({ dir: '/srv/other' });
    expect(store.getState().runbooksRevision).toBeGreaterThan(before);
  });

  it('reloads after a reconnection (events sent while away are lost) and reloads sources after settings change', async () => {
    let version = 1;
    const fake = fakeBridge({
      'app:info': () => ({ mode: 'browser', version: '0.1.0', home: '/h' }),
      'settings:get': () => settingsView,
      'alerts:list': () => ({ alerts: [alert(`v${version}`)] }),
      'sources:list': () => ({ sources: [source(`s${version}`)] }),
      'runbooks:list': () => runbookList(undefined),
      'sync:get': () => ({ state: { kind: 'off' }, teamIncidents: [] }),
    });
    const store = createAppStore(fake.bridge);
    connectAppStore(store, fake.bridge);
    fake.setConnection(connected);
    await flush();
    fake.setConnection({ status: 'disconnected', attempt: 1, retryAt: 0, refused: false });
    expect(store.getState().connection.status).toBe('disconnected');
    // The list stays as last known while disconnected.
    expect(store.getState().alerts.map((a) => a.title)).toEqual(['v1']);
    version = 2;
    fake.setConnection(connected);
    await flush();
    expect(store.getState().alerts.map((a) => a.title)).toEqual(['v2']);

    version = 3;
    fake.emit('settings:changed', { ...settingsView, path: '/elsewhere.json' });
    await flush();
    expect(store.getState().settings?.path).toBe('/elsewhere.json');
    expect(store.getState().sources.map((s) => s.sourceId)).toEqual(['s3']);
  });

  it('says what failed to load', async () => {
    const fake = fakeBridge({ 'alerts:list': () => ({ alerts: [] }) });
    const store = createAppStore(fake.bridge);
    connectAppStore(store, fake.bridge);
    fake.setConnection(connected);
    await flush();
    expect(store.getState().loadError).toMatch(/^no /);
    expect(store.getState().alertsLoaded).toBe(true);
  });
});

describe('runbooks in the app state', () => {
  it('runbooks:changed replaces the list and moves the runbooks revision', () => {
    const state = applyRunbooksChanged(initialAppState(connected), runbookList('/r', 'a.md'));
    expect(state.runbooks?.dir).toBe('/r');
    expect(state.runbooksRevision).toBe(state.revision);
  });

  it('a runbooks:list answer older than a runbooks:changed event is dropped', () => {
    let state = initialAppState(connected);
    const startedAt = state.revision;
    state = applyRunbooksChanged(state, runbookList('/new', 'new.md'));
    state = applyRunbooksList(state, runbookList('/old', 'old.md'), startedAt);
    expect(state.runbooks?.dir).toBe('/new');
    // Unrelated changes in between do not hold back a list asked for after the event.
    const askedAt = state.revision;
    state = applySourceStatus(state, source('a'));
    state = applyRunbooksList(state, runbookList('/fresh'), askedAt);
    expect(state.runbooks?.dir).toBe('/fresh');
  });

  it('keeps a broken runbook listed with its error next to the good ones', () => {
    const list = runbookList('/r', 'good.md');
    list.runbooks.push({
      ...summary('broken.md'),
      match: {},
      error: 'front matter: `tags`: expected array',
    });
    list.errors.push({ file: 'broken.md', message: 'front matter: `tags`: expected array' });
    const state = applyRunbooksChanged(initialAppState(connected), list);
    expect(state.runbooks?.runbooks.map((r) => [r.id, r.error])).toEqual([
      ['good.md', undefined],
      ['broken.md', 'front matter: `tags`: expected array'],
    ]);
    expect(state.runbooks?.errors).toHaveLength(1);
  });
});

describe('moveSelection (j/k)', () => {
  const ids = ['a', 'b', 'c'];
  it('moves within the list and stops at the ends', () => {
    expect(moveSelection(ids, 'a', 1)).toBe('b');
    expect(moveSelection(ids, 'c', 1)).toBe('c');
    expect(moveSelection(ids, 'a', -1)).toBe('a');
  });
  it('starts at the top going down and at the bottom going up; nothing in an empty list', () => {
    expect(moveSelection(ids, undefined, 1)).toBe('a');
    expect(moveSelection(ids, 'gone', -1)).toBe('c');
    expect(moveSelection([], 'a', 1)).toBeUndefined();
  });
});

describe('connectAppStore and team sync', () => {
  it('shows the sync state from sync:get, then follows sync:changed; a late sync:get answer does not overwrite a newer event', async () => {
    let answerSyncGet: (view: SyncView) => void = () => {};
    const fake = fakeBridge({
      'app:info': () => ({ mode: 'browser', version: '0.1.0', home: '/h' }),
      'settings:get': () => settingsView,
      'alerts:list': () => ({ alerts: [] }),
      'sources:list': () => ({ sources: [] }),
      'runbooks:list': () => runbookList(undefined),
      'sync:get': () =>
        new Promise<SyncView>((resolve) => {
          answerSyncGet = resolve;
        }),
    });
    const store = createAppStore(fake.bridge);
    connectAppStore(store, fake.bridge);
    fake.setConnection(connected);
    await flush();
    expect(store.getState().sync).toBeUndefined();
    fake.emit('sync:changed', {
      state: { kind: 'offline', since: '2025-03-04T14:02:00.000Z', waiting: 3, unconfirmed: 0 },
      server: 'ws://127.0.0.1:1234',
      teamIncidents: [],
    });
    answerSyncGet({ state: { kind: 'synced' }, teamIncidents: [] });
    await flush();
    expect(store.getState().sync?.state).toMatchObject({ kind: 'offline', waiting: 3 });
    fake.emit('sync:changed', { state: { kind: 'synced' }, teamIncidents: [] });
    expect(store.getState().sync?.state.kind).toBe('synced');
  });

  it('shows who is present from presence:get, follows presence:changed, and numbers each link the desktop opens', async () => {
    const person = {
      name: 'Ana',
      roles: ['Scribe'],
      activity: 'typing' as const,
      since: '2026-12-05T11:00:00.000Z',
    };
    const fake = fakeBridge({
      'app:info': () => ({ mode: 'browser', version: '0.1.0', home: '/h' }),
      'settings:get': () => settingsView,
      'alerts:list': () => ({ alerts: [] }),
      'sources:list': () => ({ sources: [] }),
      'runbooks:list': () => runbookList(undefined),
      'sync:get': () => ({ state: { kind: 'off' }, teamIncidents: [] }),
      'presence:get': () => ({ incidents: { 'inc-1': [person] } }),
    });
    const store = createAppStore(fake.bridge);
    connectAppStore(store, fake.bridge);
    fake.setConnection(connected);
    await flush();
    expect(store.getState().presence?.incidents['inc-1']).toEqual([person]);
    fake.emit('presence:changed', { incidents: {} });
    expect(store.getState().presence).toEqual({ incidents: {} });

    const link = 'oncall-companion://incident/inc-1?server=ws%3A%2F%2F127.0.0.1%3A1234';
    fake.emit('link:incident', { link });
    fake.emit('link:incident', { link });
    expect(store.getState().incidentLink).toEqual({ link, seq: 2 });
  });
});
