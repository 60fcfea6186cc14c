import { describe, expect, it } from 'vitest';
import { BridgeError } from '../../../src/renderer/bridge/bridge-error';
import {
  applyIncidentAnswer,
  applyIncidentChanged,
  applyIncidentList,
  applyIncidentListAnswer,
  initialIncidentState,
  earliestUpdateDue,
  openIncidentCount,
  showIncident,
} from '../../../src/renderer/stores/incident-state';
import {
  connectIncidentStore,
  createIncidentStore,
} from '../../../src/renderer/stores/incident-store';
import type { IncidentList } from '../../../src/shared/ipc/incident-schemas';
import type { TimelineEntry } from '../../../src/shared/incident/schema';
import type { IncidentPatch } from '../../../src/shared/ipc/incident-patch-schemas';
import { fakeBridge } from './fake-bridge';
import { flush, incidentSummary, incidentView } from './incident-fixtures';

const list = (...ids: string[]): IncidentList => ({
  incidents: ids.map((id) => incidentSummary(id)),
  problems: [],
});

const note = (id: string, text: string): TimelineEntry => ({
  id,
  at: '2025-03-04T14:40:00.000Z',
  kind: 'note',
  text,
  author: 'sam',
  auto: false,
  createdAt: '2025-03-04T14:40:00.000Z',
});

const patchOf = (
  version: number,
  base: number,
  title: string,
  upserted: TimelineEntry[],
): IncidentPatch => {
  const { timeline: _timeline, ...incident } = incidentView({ title }).incident;
  return { id: 'inc-1', version, base, incident, timeline: { upserted, removed: [] } };
};

describe('incident state', () => {
  it('an incidents:list answer older than an incidents:changed event is dropped', () => {
    let state = initialIncidentState();
    const startedAt = state.revision;
    state = applyIncidentList(state, list('new'));
    state = applyIncidentListAnswer(state, list('stale'), startedAt);
    expect(state.list?.incidents.map((i) => i.id)).toEqual(['new']);
    state = applyIncidentListAnswer(state, list('fresh'), state.revision);
    expect(state.list?.incidents.map((i) => i.id)).toEqual(['fresh']);
  });

  it('incident:changed replaces the shown incident only', () => {
    let state = showIncident(initialIncidentState(), 'inc-1');
    state = applyIncidentChanged(state, incidentView({ id: 'inc-2', title: 'Other' }));
    expect(state.shown).toBeUndefined();
    state = applyIncidentChanged(state, incidentView({ title: 'Shown' }));
    expect(state.shown?.incident.title).toBe('Shown');
  });

  it('an apply answer that arrives after a newer incident:changed is dropped', () => {
    let state = showIncident(initialIncidentState(), 'inc-1');
    const startedAt = state.revision;
    state = applyIncidentChanged(state, incidentView({ title: 'From the event' }));
    state = applyIncidentAnswer(state, incidentView({ title: 'From the answer' }), startedAt);
    expect(state.shown?.incident.title).toBe('From the event');
  });

  it('switching incidents never shows the previous one under the new id', () => {
    let state = showIncident(initialIncidentState(), 'inc-1');
    state = applyIncidentChanged(state, incidentView());
    state = showIncident(state, 'inc-2');
    expect(state.shown).toBeUndefined();
    // A late answer for the incident left behind is ignored.
    state = applyIncidentAnswer(state, incidentView(), 0);
    expect(state.shown).toBeUndefined();
  });

  it('counts open incidents for the header', () => {
    expect(openIncidentCount(undefined)).toBe(0);
    expect(
      openIncidentCount({
        incidents: [
          incidentSummary('a'),
          incidentSummary('b', { status: 'resolved' }),
          incidentSummary('c', { status: 'closed' }),
        ],
        problems: [],
      }),
    ).toBe(2);
  });

  it('names the earliest status update owed by an incident not closed, for the header', () => {
    expect(earliestUpdateDue(undefined)).toBeUndefined();
    const due = (id: string, at: string, status: 'investigating' | 'closed' = 'investigating') =>
      incidentSummary(id, { status, nextUpdateDueAt: at });
    expect(
      earliestUpdateDue({
        incidents: [
          due('a', '2025-03-04T15:00:00.000Z'),
          due('b', '2025-03-04T14:45:00.000Z'),
          due('c', '2025-03-04T14:00:00.000Z', 'closed'),
          incidentSummary('d'),
        ],
        problems: [],
      }),
    ).toBe('2025-03-04T14:45:00.000Z');
  });
});

describe('incident store', () => {
  it('loads the list once connected, follows events, and loads again after a reconnect', async () => {
    let answer = list('a');
    const fake = fakeBridge({ 'incidents:list': () => answer });
    const store = createIncidentStore(fake.bridge);
    connectIncidentStore(store, fake.bridge);
    expect(fake.calls).toEqual([]);
    fake.setConnection({ status: 'connected' });
    await flush();
    expect(store.getState().list?.incidents.map((i) => i.id)).toEqual(['a']);

    fake.emit('incidents:changed', list('a', 'b'));
    expect(store.getState().list?.incidents.map((i) => i.id)).toEqual(['a', 'b']);

    // Events sent while disconnected are lost: reconnecting asks again.
    fake.setConnection({ status: 'disconnected', attempt: 1, retryAt: 0, refused: false });
    answer = list('a', 'b', 'c');
    fake.setConnection({ status: 'connected' });
    await flush();
    expect(store.getState().list?.incidents.map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps why the list could not be loaded, and forgets it once a list arrives', async () => {
    const fake = fakeBridge({});
    const store = createIncidentStore(fake.bridge);
    fake.setConnection({ status: 'connected' });
    connectIncidentStore(store, fake.bridge);
    await flush();
    expect(store.getState().listError).toBe('no incidents:list');
    fake.emit('incidents:changed', list('a'));
    expect(store.getState().listError).toBeUndefined();
  });

  it('shows an incident, then merges incident:patched for it, loading again on a gap', async () => {
    let loads = 0;
    const fake = fakeBridge({
      'incident:load': () => {
        loads += 1;
        return { ...incidentView(), version: loads === 1 ? 3 : 9 };
      },
      'incidents:list': () => list('inc-1'),
    });
    const store = createIncidentStore(fake.bridge);
    connectIncidentStore(store, fake.bridge);
    await store.actions.show('inc-1');
    const before = store.getState().shown?.incident.timeline ?? [];
    fake.emit(
      'incident:patched',
      patchOf(4, 3, 'Checkout errors (EU)', [note('e-1', 'paged the DBA')]),
    );
    const after = store.getState().shown?.incident;
    expect(after?.title).toBe('Checkout errors (EU)');
    expect(after?.timeline.map((e) => e.text).at(-1)).toBe('paged the DBA');
    // Entries that did not change are the same objects: their rows do not render again.
    expect(after?.timeline[0]).toBe(before[0]);
    // A push it already has changes nothing; one after a missed push loads the incident again.
    fake.emit('incident:patched', patchOf(4, 3, 'Old', []));
    expect(store.getState().shown?.incident.title).toBe('Checkout errors (EU)');
    fake.emit('incident:patched', patchOf(6, 5, 'Missed one', []));
    await flush();
    expect(loads).toBe(2);
    expect(store.getState().shownVersion).toBe(9);
  });

  it('says why an incident could not be opened', async () => {
    const fake = fakeBridge({});
    const store = createIncidentStore(fake.bridge);
    await store.actions.show('inc-9');
    expect(store.getState().shownError).toBe('no incident:load');
  });

  it('apply sends the op for that incident, returns the created id, and loads a missed push', async () => {
    let loads = 0;
    const fake = fakeBridge({
      'incident:load': () => {
        loads += 1;
        return { ...incidentView(), version: loads === 1 ? 1 : 2 };
      },
      'incident:change': () => ({ changed: true, createdId: 'entry-7', version: 2 }),
    });
    const store = createIncidentStore(fake.bridge);
    await store.actions.show('inc-1');
    const result = await store.actions.apply('inc-1', {
      type: 'timeline.add',
      args: { text: 'restarted the pool', time: '14:23' },
    });
    expect(result).toEqual({ createdId: 'entry-7' });
    expect(fake.calls.find((c) => c.channel === 'incident:change')).toEqual({
      channel: 'incident:change',
      request: {
        id: 'inc-1',
        op: { type: 'timeline.add', args: { text: 'restarted the pool', time: '14:23' } },
      },
    });
    // The push of version 2 never came: the incident is loaded again.
    await flush();
    expect(loads).toBe(2);
    expect(store.getState().shownVersion).toBe(2);
  });

  it('a refused op rejects with the reason and leaves the incident as it was', async () => {
    const fake = fakeBridge({
      'incident:load': () => ({ ...incidentView(), version: 1 }),
      'incident:change': () => {
        throw new BridgeError('incident:change', {
          code: 'bad-request',
          message: '"25:00" is not a time of day (00:00 to 23:59:59)',
        });
      },
    });
    const store = createIncidentStore(fake.bridge);
    await store.actions.show('inc-1');
    const before = store.getState().shown;
    await expect(
      store.actions.apply('inc-1', { type: 'timeline.add', args: { text: 'x', time: '25:00' } }),
    ).rejects.toThrow('"25:00" is not a time of day');
    expect(store.getState().shown).toBe(before);
  });

  it('declare shows the new incident and asks for the list at once', async () => {
    const fake = fakeBridge({
      'incident:declare': () => incidentView({ id: 'inc-7', title: 'Payments down' }),
      'incidents:list': () => list('inc-7'),
    });
    const store = createIncidentStore(fake.bridge);
    const view = await store.actions.declare({ title: 'Payments down', severity: 'sev1' });
    expect(view.incident.id).toBe('inc-7');
    expect(store.getState()).toMatchObject({
      shownId: 'inc-7',
      shown: { incident: { title: 'Payments down' } },
    });
    await flush();
    expect(openIncidentCount(store.getState().list)).toBe(1);
  });

  it('attachAlerts sends the ids, shows that incident and says how many were new to it', async () => {
    const fake = fakeBridge({
      'incident:attachAlerts': () => ({
        ...incidentView({ id: 'inc-3', title: 'With more alerts' }),
        added: 1,
      }),
    });
    const store = createIncidentStore(fake.bridge);
    const result = await store.actions.attachAlerts('inc-3', ['prod:a', 'prod:b']);
    expect(result).toEqual({ added: 1 });
    expect(fake.calls.at(-1)).toEqual({
      channel: 'incident:attachAlerts',
      request: { id: 'inc-3', alertIds: ['prod:a', 'prod:b'] },
    });
    expect(store.getState()).toMatchObject({
      shownId: 'inc-3',
      shown: { incident: { title: 'With more alerts' } },
    });
    expect(store.getState().shown).not.toHaveProperty('added');
  });

  it('dismissProblem sends the problem id and shows the list it answers', async () => {
    const fake = fakeBridge({ 'incidents:dismissProblem': () => list('inc-1') });
    const store = createIncidentStore(fake.bridge);
    await store.actions.dismissProblem('inc-9:unreadable:2026-03-01T02:00:00.000Z');
    expect(fake.calls.at(-1)).toEqual({
      channel: 'incidents:dismissProblem',
      request: { id: 'inc-9:unreadable:2026-03-01T02:00:00.000Z' },
    });
    expect(store.getState().list).toEqual(list('inc-1'));
  });
});
