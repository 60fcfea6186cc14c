import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IncidentStoreError } from '../../../../../src/main/services/incidents/incident-store-error';
import { createIncident } from '../../../../../src/shared/incident/create-incident';
import { addTimelineEntry } from '../../../../../src/shared/incident/timeline-ops';
import { storeKit, type StoreKit } from './incident-store-kit';

const ID = 'inc-20260301-020000-beef';
const texts = (store: Awaited<ReturnType<StoreKit['open']>>) =>
  store.get(ID)?.incident.timeline.map((entry) => entry.text) ?? [];

describe('incident store, the parts team sync uses', () => {
  let kit: StoreKit;
  beforeEach(() => {
    kit = storeKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  const teammatesIncident = () => {
    const doc = new Y.Doc();
    createIncident(doc, { id: ID, title: 'From a teammate', severity: 'sev2' }, kit.ctx('bob'));
    addTimelineEntry(doc, { text: 'bob was here' }, kit.ctx('bob'));
    return doc;
  };

  it('adopts a team incident as if declared here, and keeps it across a restart', async () => {
    const store = await kit.open();
    const view = await store.adopt(ID, Y.encodeStateAsUpdate(teammatesIncident()));
    expect(view.incident.title).toBe('From a teammate');
    expect(kit.changes.at(-1)?.incident.id).toBe(ID);
    await kit.closeAll();
    const reopened = await kit.open();
    expect(texts(reopened)).toContain('bob was here');
  });

  it('refuses to adopt a state that holds no such incident, writing nothing', async () => {
    const store = await kit.open();
    await expect(store.adopt(ID, Y.encodeStateAsUpdate(new Y.Doc()))).rejects.toThrow(
      IncidentStoreError,
    );
    await expect(store.adopt(ID, new Uint8Array([1, 2, 3]))).rejects.toThrow(
      `The sync server holds no incident ${ID}`,
    );
    expect(store.get(ID)).toBeUndefined();
    expect(kit.files()).toEqual([]);
  });

  it('publishes a teammate’s change once it is on disk', async () => {
    const store = await kit.open();
    const teammate = teammatesIncident();
    await store.adopt(ID, Y.encodeStateAsUpdate(teammate));
    addTimelineEntry(teammate, { text: 'a later entry from bob' }, kit.ctx('bob'));
    const doc = store.document(ID);
    if (!doc) throw new Error('no document');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(teammate, Y.encodeStateVector(doc)), 'remote');
    // Applied by the provider, not shown until the store says it is durable.
    expect(texts(store)).not.toContain('a later entry from bob');
    await store.publishRemoteChanges(ID);
    expect(texts(store)).toContain('a later entry from bob');
    expect(kit.changes.at(-1)?.incident.timeline.map((e) => e.text)).toContain(
      'a later entry from bob',
    );
    await kit.closeAll();
    expect(texts(await kit.open())).toContain('a later entry from bob');
  });
});
