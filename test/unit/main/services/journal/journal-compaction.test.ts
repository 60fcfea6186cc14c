import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalFailedError } from '../../../../../src/main/services/journal/journal';
import { bytes, journalKit, texts, type JournalKit } from './journal-test-kit';

describe('journal: compaction', () => {
  let kit: JournalKit;
  beforeEach(() => {
    kit = journalKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  it('replaces snapshot and journal by one snapshot; later appends follow it', async () => {
    const { journal } = await kit.open();
    await journal.append(bytes('a'));
    await journal.append(bytes('b'));
    expect(journal.size()).toBeGreaterThan(0);
    await journal.compact(bytes('STATE-AB'));
    expect(journal.size()).toBe(0);
    await journal.append(bytes('c'));
    await journal.close();

    const opened = await kit.reopen();
    expect(opened.recovery).toBeUndefined();
    expect(opened.snapshot).toEqual(bytes('STATE-AB'));
    expect(texts(opened.records)).toEqual(['c']);
    expect(kit.files()).toEqual(['inc-1.journal', 'inc-1.snapshot']);
  });

  it('compacts again and again across reopenings', async () => {
    for (let round = 1; round <= 5; round++) {
      const { journal, opened } = await kit.open();
      if (round > 1) {
        expect(opened.snapshot).toEqual(bytes(`STATE-${round - 1}`));
        expect(texts(opened.records)).toEqual([`after ${round - 1}`]);
      }
      await journal.append(bytes(`before ${round}`));
      await journal.compact(bytes(`STATE-${round}`));
      await journal.append(bytes(`after ${round}`));
      await journal.close();
    }
    expect(kit.logged).toEqual([]);
  });

  it('covers the appends called before it, and the ones called after it go to the new journal', async () => {
    const { journal } = await kit.open();
    const order: string[] = [];
    const track = (name: string, done: Promise<void>): Promise<void> =>
      done.then(() => {
        order.push(name);
      });
    await Promise.all([
      track('a1', journal.append(bytes('a1'))),
      track('a2', journal.append(bytes('a2'))),
      track('compact', journal.compact(bytes('STATE-A1-A2'))),
      track('a3', journal.append(bytes('a3'))),
    ]);
    expect(order).toEqual(['a1', 'a2', 'compact', 'a3']);
    await journal.close();

    const opened = await kit.reopen();
    expect(opened.snapshot).toEqual(bytes('STATE-A1-A2'));
    expect(texts(opened.records)).toEqual(['a3']);
  });

  it('copies the snapshot when called, whatever the owner does with its buffer afterwards', async () => {
    const { journal } = await kit.open();
    const state = bytes('STATE');
    const done = journal.compact(state);
    state.fill(0x21);
    await done;
    await journal.close();
    expect((await kit.reopen()).snapshot).toEqual(bytes('STATE'));
  });

  describe('after a crash inside compaction', () => {
    it('before the snapshot rename: the stray temp file is removed and the old state opens', async () => {
      const { journal } = await kit.open();
      await journal.append(bytes('a'));
      await journal.compact(bytes('OLD'));
      await journal.append(bytes('b'));
      await journal.close();
      fs.writeFileSync(kit.file('inc-1.snapshot.tmp'), 'half a new snaps');

      const opened = await kit.reopen();
      expect(opened).toEqual({ snapshot: bytes('OLD'), records: [bytes('b')] });
      expect(kit.files()).toEqual(['inc-1.journal', 'inc-1.snapshot']);
      expect(kit.logged.join('\n')).toMatch(/removed .*inc-1\.snapshot\.tmp/);
    });

    it.each([
      ['with no journal temp file', false],
      ['with a journal temp file', true],
    ])(
      'after the snapshot rename (%s): the stale journal is skipped, not replayed on the new snapshot',
      async (_, withTemp) => {
        const first = await kit.open();
        await first.journal.append(bytes('a'));
        await first.journal.append(bytes('b'));
        await first.journal.close();
        const oldJournal = fs.readFileSync(kit.file('inc-1.journal'));
        const second = await kit.open();
        await second.journal.compact(bytes('STATE-AB'));
        await second.journal.close();
        // What the disk holds if the process died between the two renames.
        fs.writeFileSync(kit.file('inc-1.journal'), oldJournal);
        if (withTemp) fs.writeFileSync(kit.file('inc-1.journal.tmp'), oldJournal.subarray(0, 20));

        const { journal, opened } = await kit.open();
        expect(opened).toEqual({ snapshot: bytes('STATE-AB'), records: [] });
        expect(journal.size()).toBe(0);
        expect(kit.logged.join('\n')).toMatch(/compaction was interrupted/);
        await journal.append(bytes('c'));
        await journal.close();

        expect(await kit.reopen()).toEqual({ snapshot: bytes('STATE-AB'), records: [bytes('c')] });
        expect(kit.files()).toEqual(['inc-1.journal', 'inc-1.snapshot']);
      },
    );

    it('a snapshot without its journal opens, and a new journal continues it', async () => {
      const { journal } = await kit.open();
      await journal.compact(bytes('STATE'));
      await journal.close();
      fs.rmSync(kit.file('inc-1.journal'));

      const opened = await kit.open();
      expect(opened.opened).toEqual({ snapshot: bytes('STATE'), records: [] });
      await opened.journal.append(bytes('x'));
      await opened.journal.close();
      expect(await kit.reopen()).toEqual({ snapshot: bytes('STATE'), records: [bytes('x')] });
    });
  });

  describe('when a step fails', () => {
    it('before the snapshot is renamed into place: only that compaction fails, the journal goes on', async () => {
      const { journal } = await kit.open();
      await journal.append(bytes('a'));
      fs.mkdirSync(kit.file('inc-1.snapshot.tmp')); // cannot be opened for writing

      await expect(journal.compact(bytes('STATE'))).rejects.toThrow(/EISDIR/);
      await journal.append(bytes('b'));
      expect(journal.size()).toBeGreaterThan(0);
      await journal.close();

      fs.rmdirSync(kit.file('inc-1.snapshot.tmp'));
      expect(await kit.reopen()).toEqual({ records: [bytes('a'), bytes('b')] });
    });

    it('after it: the journal refuses further work, and reopening finds the new snapshot', async () => {
      const { journal } = await kit.open();
      await journal.append(bytes('a'));
      fs.mkdirSync(kit.file('inc-1.journal.tmp'));

      const compacting = journal.compact(bytes('STATE'));
      const queuedAfter = journal.append(bytes('b'));
      await expect(compacting).rejects.toBeInstanceOf(JournalFailedError);
      await expect(queuedAfter).rejects.toThrow(/close and reopen it/);
      await expect(journal.append(bytes('c'))).rejects.toBeInstanceOf(JournalFailedError);
      await journal.close();

      fs.rmdirSync(kit.file('inc-1.journal.tmp'));
      expect(await kit.reopen()).toEqual({ snapshot: bytes('STATE'), records: [] });
    });
  });
});
