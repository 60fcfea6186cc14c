import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IncidentStoreError } from '../../../../../src/main/services/incidents/incident-store-error';
import { storeKit, type StoreKit } from './incident-store-kit';

const FIRST_ID = 'inc-20260301-020000-0001';

// Dismissing a record problem is a promise about the notice only: whatever is on disk (the
// record, the bytes kept aside) must stay exactly as it was, or "seen" would lose data.
describe('incident store: dismissing a record problem', () => {
  let kit: StoreKit;
  beforeEach(() => {
    kit = storeKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  /** Declare one incident, then damage the end of its journal as a crash mid-write would. */
  const tornTail = async (): Promise<Buffer> => {
    const store = await kit.open();
    await store.declare({ title: 'Checkout errors', severity: 'sev2' }, kit.ctx());
    await kit.closeAll();
    const torn = Buffer.from([64, 0, 0, 0, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
    fs.appendFileSync(kit.file(`${FIRST_ID}.journal`), torn);
    return torn;
  };

  it('hides a repaired tail from the list, announces it, and leaves the quarantine file as it is', async () => {
    const torn = await tornTail();
    const store = await kit.open();
    const [problem] = store.list().problems;
    const keptAs = problem?.keptAs ?? '';
    const journal = fs.readFileSync(kit.file(`${FIRST_ID}.journal`));
    const filesBefore = kit.files();
    kit.changes.length = 0;

    const answer = store.dismissProblem(problem?.id ?? '');

    expect(answer.problems).toEqual([]);
    expect(store.list()).toEqual(answer);
    expect(answer.incidents.map((i) => i.id)).toEqual([FIRST_ID]);
    expect(kit.changes).toEqual([undefined]);
    expect(fs.readFileSync(keptAs).equals(torn)).toBe(true);
    expect(fs.readFileSync(kit.file(`${FIRST_ID}.journal`)).equals(journal)).toBe(true);
    expect(kit.files()).toEqual(filesBefore);
    // The incident's own warning is about its record, not the notice: it stays.
    expect(store.get(FIRST_ID)?.warning).toMatch(/kept as/);

    // Once more: nothing left to hide, nothing announced.
    expect(store.dismissProblem(problem?.id ?? '').problems).toEqual([]);
    expect(kit.changes).toEqual([undefined]);
  });

  it('keeps an unreadable incident unavailable, its file untouched, and lists it again after a restart', async () => {
    const store = await kit.open();
    await store.declare({ title: 'Damaged header', severity: 'sev2' }, kit.ctx());
    await kit.closeAll();
    const file = kit.file(`${FIRST_ID}.journal`);
    const damaged = fs.readFileSync(file);
    damaged[12] = (damaged[12] as number) ^ 0x04; // the generation: the header's CRC fails
    fs.writeFileSync(file, damaged);
    const filesBefore = kit.files();

    const reopened = await kit.open();
    const [problem] = reopened.list().problems;
    expect(problem).toMatchObject({ incidentId: FIRST_ID, unreadable: true });
    expect(reopened.dismissProblem(problem?.id ?? '').problems).toEqual([]);

    expect(reopened.get(FIRST_ID)).toBeUndefined();
    expect(reopened.unreadableReason(FIRST_ID)).toBe(problem?.message);
    await expect(
      reopened.apply(FIRST_ID, { type: 'timeline.add', args: { text: 'x' } }, kit.ctx()),
    ).rejects.toMatchObject({ code: 'unavailable' });
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
    expect(kit.files()).toEqual(filesBefore);

    await kit.closeAll();
    const again = await kit.open();
    expect(again.list().problems).toEqual([
      expect.objectContaining({ incidentId: FIRST_ID, unreadable: true }),
    ]);
  });

  it('refuses an unknown problem id as not-found and changes nothing', async () => {
    await tornTail();
    const store = await kit.open();
    const before = store.list();
    kit.changes.length = 0;

    let thrown: unknown;
    try {
      store.dismissProblem(`${FIRST_ID}:repaired:2000-01-01T00:00:00.000Z`);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(IncidentStoreError);
    expect(thrown).toMatchObject({ code: 'not-found' });
    expect(store.list()).toEqual(before);
    expect(kit.changes).toEqual([]);
  });

  it('gives every problem its own id', async () => {
    await tornTail();
    const store = await kit.open();
    const ids = store.list().problems.map((p) => p.id);
    expect(ids).toEqual([`${FIRST_ID}:repaired:${kit.clock.now().toISOString()}`]);
  });
});
