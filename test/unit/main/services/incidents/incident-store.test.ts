import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { IncidentStoreError } from '../../../../../src/main/services/incidents/incident-store-error';
import type { OpenJournal } from '../../../../../src/main/services/incidents/open-incident-record';
import { openJournal } from '../../../../../src/main/services/journal/journal';
import { createIncident } from '../../../../../src/shared/incident/create-incident';
import { IncidentOpError } from '../../../../../src/shared/incident/errors';
import { addTimelineEntry } from '../../../../../src/shared/incident/timeline-ops';
import type { IncidentView } from '../../../../../src/shared/ipc/incident-schemas';
import { storeKit, type StoreKit } from './incident-store-kit';

const FIRST_ID = 'inc-20260301-020000-0001';

const texts = (view: IncidentView | undefined) =>
  view?.incident.timeline.map((entry) => entry.text) ?? [];

describe('incident store', () => {
  let kit: StoreKit;
  beforeEach(() => {
    kit = storeKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  const note = (text: string, kind?: 'note' | 'decision') =>
    ({ type: 'timeline.add', args: kind ? { text, kind } : { text } }) as const;

  it('keeps a declared incident and every change to it across a restart, in order', async () => {
    const store = await kit.open();
    const declared = await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    const id = declared.incident.id;
    expect(id).toBe(FIRST_ID);
    kit.clock.advance(1);
    await store.apply(id, note('Rolled back the deploy'), kit.ctx());
    kit.clock.advance(1);
    await store.apply(
      id,
      { type: 'role.assign', args: { roleId: 'ic', holder: 'bob' } },
      kit.ctx(),
    );
    kit.clock.advance(1);
    await store.apply(id, note('Error rate falling', 'decision'), kit.ctx('bob'));
    const before = store.get(id);
    await kit.closeAll();

    const again = await kit.open();

    expect(again.get(id)).toEqual(before);
    expect(texts(again.get(id))).toEqual([
      'Declared SEV2: Checkout errors',
      'Rolled back the deploy',
      'Incident Commander: bob',
      'Error rate falling',
    ]);
    expect(again.list()).toEqual({
      incidents: [expect.objectContaining({ id, title: 'Checkout errors', commander: 'bob' })],
      problems: [],
    });
  });

  it('announces a change only once its bytes are in the journal file', async () => {
    const onDisk: boolean[] = [];
    const journal = kit.file(`${FIRST_ID}.journal`);
    const store = await kit.open({
      onChange: (view) => {
        const last = view?.incident.timeline.at(-1)?.text ?? '';
        onDisk.push(fs.readFileSync(journal).includes(Buffer.from(last)));
      },
    });
    await store.declare({ title: 'Disk full', severity: 'sev3' }, kit.ctx());
    for (const text of ['first', 'second', 'third']) {
      kit.clock.advance(1);
      const applied = await store.apply(FIRST_ID, note(`Entry ${text}`), kit.ctx());
      expect(fs.readFileSync(journal).includes(Buffer.from(`Entry ${text}`))).toBe(true);
      expect(texts(applied).at(-1)).toBe(`Entry ${text}`);
    }
    expect(onDisk).toEqual([true, true, true, true]);
  });

  it('refuses an operation without changing anything, and says why', async () => {
    const store = await kit.open();
    await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    const journal = kit.file(`${FIRST_ID}.journal`);
    const size = fs.statSync(journal).size;
    const before = store.get(FIRST_ID);
    const announced = kit.changes.length;

    const close = store.apply(
      FIRST_ID,
      { type: 'lifecycle.set', args: { status: 'closed' } },
      kit.ctx(),
    );
    await expect(close).rejects.toBeInstanceOf(IncidentOpError);
    await expect(close).rejects.toMatchObject({
      code: 'closure-incomplete',
      missing: expect.arrayContaining([
        { id: 'closure.root-cause', text: 'The root cause is understood' },
      ]) as unknown,
    });
    await expect(
      store.apply(FIRST_ID, { type: 'check.tick', args: { itemId: 'nope' } }, kit.ctx()),
    ).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.apply('inc-nope', note('x'), kit.ctx())).rejects.toEqual(
      new IncidentStoreError('not-found', 'There is no incident inc-nope.'),
    );

    expect(fs.statSync(journal).size).toBe(size);
    expect(store.get(FIRST_ID)).toEqual(before);
    expect(kit.changes).toHaveLength(announced);
  });

  it('writes nothing for a refused declaration', async () => {
    const store = await kit.open();
    await expect(
      store.declare({ title: 'Later', severity: 'sev2', detectedAt: 'tomorrow-ish' }, kit.ctx()),
    ).rejects.toMatchObject({ code: 'bad-time' });
    expect(kit.files()).toEqual([]);
    expect(store.list().incidents).toEqual([]);
  });

  it('answers an operation that changes nothing without writing or announcing', async () => {
    const store = await kit.open();
    await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    const size = fs.statSync(kit.file(`${FIRST_ID}.journal`)).size;
    const announced = kit.changes.length;

    const same = await store.apply(
      FIRST_ID,
      { type: 'severity.change', args: { severity: 'sev2' } },
      kit.ctx(),
    );

    expect(same.changed).toBe(false);
    expect(fs.statSync(kit.file(`${FIRST_ID}.journal`)).size).toBe(size);
    expect(kit.changes).toHaveLength(announced);
  });

  it('opens a journal with a torn tail with a warning, the bad bytes kept aside and the rest intact', async () => {
    const store = await kit.open();
    await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    kit.clock.advance(1);
    await store.apply(FIRST_ID, note('Rolled back'), kit.ctx());
    const before = texts(store.get(FIRST_ID));
    await kit.closeAll();
    // A record cut short by a crash: its header promises 64 bytes, three follow.
    const torn = Buffer.from([64, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
    fs.appendFileSync(kit.file(`${FIRST_ID}.journal`), torn);

    const reopened = await kit.open();

    const view = reopened.get(FIRST_ID);
    expect(texts(view)).toEqual(before);
    expect(view?.warning).toMatch(/the last 11 bytes were kept as .*\.quarantine-/);
    expect(view?.warning).toMatch(/everything before them is intact/);
    const { incidents, problems } = reopened.list();
    expect(incidents[0]?.warning).toBe(view?.warning);
    expect(problems).toEqual([
      {
        id: `${FIRST_ID}:repaired:${kit.clock.now().toISOString()}`,
        incidentId: FIRST_ID,
        message: expect.stringContaining(`Incident ${FIRST_ID}: the end of its record`) as unknown,
        keptAs: expect.stringContaining(`${FIRST_ID}.journal.quarantine-`) as unknown,
        unreadable: false,
        at: kit.clock.now().toISOString(),
      },
    ]);
    expect(fs.readFileSync(problems[0]?.keptAs ?? '').equals(torn)).toBe(true);

    // The repaired incident takes changes, and they survive the next restart.
    kit.clock.advance(1);
    await reopened.apply(FIRST_ID, note('After the repair'), kit.ctx());
    await kit.closeAll();
    const third = await kit.open();
    expect(texts(third.get(FIRST_ID))).toEqual([...before, 'After the repair']);
    expect(third.list().problems).toEqual([]);
  });

  it('lists a journal it cannot read as unreadable, leaves it untouched, and opens the others', async () => {
    const store = await kit.open();
    await store.declare({ title: 'Damaged header', severity: 'sev2' }, kit.ctx());
    kit.clock.advance(1);
    const newer = await store.declare({ title: 'From a newer app', severity: 'sev2' }, kit.ctx());
    kit.clock.advance(1);
    const fine = await store.declare({ title: 'Still fine', severity: 'sev3' }, kit.ctx());
    await kit.closeAll();
    const damagedFile = kit.file(`${FIRST_ID}.journal`);
    const damaged = fs.readFileSync(damagedFile);
    damaged[12] = (damaged[12] as number) ^ 0x04; // the generation: the header's CRC fails
    fs.writeFileSync(damagedFile, damaged);
    const newerFile = kit.file(`${newer.incident.id}.journal`);
    const newerBytes = fs.readFileSync(newerFile);
    newerBytes.writeUInt32LE(2, 8); // journal format 2
    fs.writeFileSync(newerFile, newerBytes);
    const filesBefore = kit.files();

    const reopened = await kit.open();

    const { incidents, problems } = reopened.list();
    expect(incidents.map((i) => i.id)).toEqual([fine.incident.id]);
    expect(reopened.get(fine.incident.id)?.incident.title).toBe('Still fine');
    expect(problems).toEqual([
      expect.objectContaining({
        incidentId: FIRST_ID,
        unreadable: true,
        message: expect.stringMatching(/could not be opened.*header .* is damaged/) as unknown,
      }),
      expect.objectContaining({
        incidentId: newer.incident.id,
        unreadable: true,
        message: expect.stringMatching(/newer version of the app; it was left as it is/) as unknown,
      }),
    ]);
    expect(reopened.get(FIRST_ID)).toBeUndefined();
    await expect(reopened.apply(FIRST_ID, note('x'), kit.ctx())).rejects.toMatchObject({
      code: 'unavailable',
    });
    // Nothing was changed or added on disk, and a new declaration never takes their ids.
    expect(fs.readFileSync(damagedFile).equals(damaged)).toBe(true);
    expect(fs.readFileSync(newerFile).equals(newerBytes)).toBe(true);
    expect(kit.files()).toEqual(filesBefore);
  });

  it('says so when Yjs leaves changes pending instead of showing a partial incident silently', async () => {
    const ctx = kit.ctx();
    const alice = new Y.Doc();
    createIncident(alice, { id: 'inc-synced', title: 'Synced', severity: 'sev2' }, ctx);
    const created = Y.encodeStateAsUpdate(alice);
    addTimelineEntry(alice, { text: 'from alice' }, ctx);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    let bobsEntry: Uint8Array | undefined;
    bob.once('update', (update: Uint8Array) => (bobsEntry = update));
    addTimelineEntry(bob, { text: 'from bob' }, ctx);
    // The record holds the incident and bob's entry, not alice's entry that bob's follows.
    const { journal } = await openJournal(kit.dir, 'inc-synced');
    await journal.append(created);
    await journal.append(bobsEntry as Uint8Array);
    await journal.close();

    const store = await kit.open();

    const view = store.get('inc-synced');
    expect(texts(view)).toEqual(['Declared SEV2: Synced']);
    expect(view?.warning).toMatch(/may be incomplete.*yjs#405/);
    expect(store.list().problems).toEqual([
      expect.objectContaining({ incidentId: 'inc-synced', unreadable: false }),
    ]);
    expect(kit.logs.some((line) => line.startsWith('warn: Incident inc-synced'))).toBe(true);
  });

  it('compacts a long journal into a snapshot and opens it whole', async () => {
    const store = await kit.open({ compactAfterRecords: 5 });
    await store.declare({ title: 'Long call', severity: 'sev1' }, kit.ctx());
    const typed = Array.from({ length: 12 }, (_, i) => `Entry ${i + 1}`);
    for (const text of typed) {
      kit.clock.advance(1);
      await store.apply(FIRST_ID, note(text), kit.ctx());
    }
    await kit.closeAll();
    expect(kit.files()).toContain(`${FIRST_ID}.snapshot`);

    const again = await kit.open();
    expect(texts(again.get(FIRST_ID))).toEqual(['Declared SEV1: Long call', ...typed]);
    expect(again.list().problems).toEqual([]);
  });

  it('answers unavailable when a change cannot be saved, and shows the incident as saved', async () => {
    let failing = false;
    const flaky: OpenJournal = async (dir, id, options) => {
      const opened = await openJournal(dir, id, options);
      const append = opened.journal.append.bind(opened.journal);
      opened.journal.append = (bytes) =>
        failing ? Promise.reject(new Error('EIO: i/o error')) : append(bytes);
      return opened;
    };
    const store = await kit.open({ openJournal: flaky });
    await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    kit.clock.advance(1);
    await store.apply(FIRST_ID, note('Saved'), kit.ctx());

    failing = true;
    const lost = store.apply(FIRST_ID, note('Never saved'), kit.ctx());
    await expect(lost).rejects.toBeInstanceOf(IncidentStoreError);
    await expect(lost).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringMatching(/could not be saved to disk \(EIO: i\/o error\)/) as unknown,
    });
    expect(texts(store.get(FIRST_ID)).slice(1)).toEqual(['Saved']);
    expect(
      kit.changes
        .at(-1)
        ?.incident.timeline.map((e) => e.text)
        .slice(1),
    ).toEqual(['Saved']);

    failing = false;
    kit.clock.advance(1);
    await store.apply(FIRST_ID, note('Saved again'), kit.ctx());
    await kit.closeAll();
    const again = await kit.open();
    expect(texts(again.get(FIRST_ID)).slice(1)).toEqual(['Saved', 'Saved again']);
  });

  it('lists open incidents first, worst then newest, then closed ones newest first', async () => {
    const store = await kit.open();
    const declare = async (title: string, severity: 'sev1' | 'sev2' | 'sev3' | 'sev4') => {
      kit.clock.advance(10);
      return (await store.declare({ title, severity }, kit.ctx())).incident.id;
    };
    const close = async (id: string) => {
      for (const itemId of ['stable', 'root-cause', 'fix-verified', 'stakeholders']) {
        await store.apply(
          id,
          { type: 'check.tick', args: { itemId: `closure.${itemId}` } },
          kit.ctx(),
        );
      }
      await store.apply(id, { type: 'lifecycle.set', args: { status: 'closed' } }, kit.ctx());
    };
    await close(await declare('A old sev3, closed', 'sev3'));
    await declare('B sev1', 'sev1');
    await declare('C sev2', 'sev2');
    await declare('D newer sev1', 'sev1');
    await close(await declare('E newest sev4, closed', 'sev4'));
    await store.apply(
      await declare('F resolved sev2', 'sev2'),
      { type: 'lifecycle.set', args: { status: 'resolved' } },
      kit.ctx(),
    );

    expect(store.list().incidents.map((i) => i.title)).toEqual([
      'D newer sev1',
      'B sev1',
      'F resolved sev2',
      'C sev2',
      'E newest sev4, closed',
      'A old sev3, closed',
    ]);
    expect(
      store
        .openIncidents()
        .map((i) => i.title)
        .sort(),
    ).toEqual(['B sev1', 'C sev2', 'D newer sev1', 'F resolved sev2']);
  });

  it('skips an empty record left by a declaration that never finished', async () => {
    const { journal } = await openJournal(kit.dir, 'inc-never');
    await journal.close();

    const store = await kit.open();

    expect(store.list()).toEqual({ incidents: [], problems: [] });
    expect(kit.logs.some((line) => line.includes('inc-never has an empty record'))).toBe(true);
  });
});
