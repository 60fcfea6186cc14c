import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listJournals, openJournal } from '../../../../../src/main/services/journal/journal';
import { bytes, journalKit, texts, type JournalKit } from './journal-test-kit';

describe('journal: append and reopen', () => {
  let kit: JournalKit;
  beforeEach(() => {
    kit = journalKit();
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await kit.cleanup();
  });

  it('starts empty, and gives back what was appended, as plain Uint8Arrays', async () => {
    const { journal, opened } = await kit.open();
    expect(opened).toEqual({ records: [] });
    expect(journal.size()).toBe(0);

    await journal.append(bytes('first'));
    await journal.append(new Uint8Array([0, 1, 2, 255]));
    expect(journal.size()).toBe(8 + 5 + 8 + 4);
    await journal.close();

    const reopened = await kit.reopen();
    expect(reopened.recovery).toBeUndefined();
    expect(reopened.snapshot).toBeUndefined();
    expect(reopened.records).toHaveLength(2);
    expect(reopened.records[0]).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(reopened.records[0])).toBe(false);
    expect(texts(reopened.records.slice(0, 1))).toEqual(['first']);
    expect([...(reopened.records[1] ?? [])]).toEqual([0, 1, 2, 255]);
    expect(kit.files()).toEqual(['inc-1.journal']);
  });

  it('keeps a thousand appends in order across several reopenings, and size() counts them', async () => {
    const expected: string[] = [];
    for (let round = 0; round < 4; round++) {
      const { journal, opened } = await kit.open();
      expect(texts(opened.records)).toEqual(expected);
      expect(journal.size()).toBe(expected.reduce((sum, text) => sum + 8 + text.length, 0));
      for (let i = 0; i < 250; i++) {
        const text = `entry ${round}.${i} ${'x'.repeat(i % 50)}`;
        expected.push(text);
        await journal.append(bytes(text));
      }
      await journal.close();
    }
    expect(texts((await kit.reopen()).records)).toEqual(expected);
  });

  it('keeps concurrent appends in call order, resolves them in that order, and shares fdatasyncs', async () => {
    const { journal } = await kit.open();
    // Counting the datasyncs of every FileHandle: group commit means far fewer than appends.
    const probe = await fs.promises.open(kit.file('probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const datasync = vi.spyOn(prototype, 'datasync');

    const resolved: number[] = [];
    const appends = Array.from({ length: 500 }, (_, i) =>
      journal.append(bytes(`seq ${i}`)).then(() => resolved.push(i)),
    );
    await Promise.all(appends);

    expect(resolved).toEqual(Array.from({ length: 500 }, (_, i) => i));
    expect(datasync.mock.calls.length).toBeGreaterThan(0);
    expect(datasync.mock.calls.length).toBeLessThan(10);
    await journal.close();
    expect(texts((await kit.reopen()).records)).toEqual(resolved.map((i) => `seq ${i}`));
  });

  it('gathers appends for batchWindowMs before the first write', async () => {
    const { journal } = await kit.open('inc-1', { batchWindowMs: 20 });
    const probe = await fs.promises.open(kit.file('probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> };
    await probe.close();
    const datasync = vi.spyOn(prototype, 'datasync');

    const first = journal.append(bytes('a'));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Promise.all([first, journal.append(bytes('b')), journal.append(bytes('c'))]);
    expect(datasync).toHaveBeenCalledTimes(1);
  });

  it('copies the bytes at append time, so reusing the buffer afterwards changes nothing', async () => {
    const { journal } = await kit.open();
    const buffer = bytes('original');
    const done = journal.append(buffer);
    buffer.fill(0x21);
    await done;
    await journal.close();
    expect(texts((await kit.reopen()).records)).toEqual(['original']);
  });

  it('refuses an empty record, which it could not tell from zero-filled disk blocks', async () => {
    const { journal } = await kit.open();
    await expect(journal.append(new Uint8Array(0))).rejects.toThrow(/empty record/);
    await journal.append(bytes('still usable'));
    await journal.close();
    expect(texts((await kit.reopen()).records)).toEqual(['still usable']);
  });

  it('writes appends queued before close, and refuses them after', async () => {
    const { journal } = await kit.open();
    const queued = journal.append(bytes('before close'));
    const closing = journal.close();
    await expect(journal.append(bytes('after close'))).rejects.toThrow(/is closed/);
    await expect(journal.compact(bytes('snap'))).rejects.toThrow(/is closed/);
    await queued;
    await closing;
    await journal.close(); // twice is fine
    expect(texts((await kit.reopen()).records)).toEqual(['before close']);
  });

  it('refuses to open a document twice in one process, and allows it again after close', async () => {
    const { journal } = await kit.open();
    await expect(kit.open()).rejects.toThrow(/already open/);
    await journal.close();
    const again = await kit.open();
    await again.journal.close();
  });

  it('refuses a document id that is not a safe file name', async () => {
    for (const docId of ['', '../escape', 'a/b', '.hidden', 'a\\b', 'x'.repeat(201)]) {
      await expect(kit.open(docId)).rejects.toThrow(/cannot be a document id/);
    }
    expect(kit.files()).toEqual([]);
  });

  it('creates a missing directory', async () => {
    const nested = kit.file('a/b/journals');
    const result = await openJournal(nested, 'inc-9');
    await result.journal.close();
    expect(fs.readdirSync(nested)).toEqual(['inc-9.journal']);
  });

  it('lists the documents of a directory, not their temp or quarantine files', async () => {
    expect(await listJournals(kit.file('missing'))).toEqual([]);
    for (const docId of ['inc-b', 'inc-a', 'inc.with.dots']) {
      const { journal } = await kit.open(docId);
      await journal.close();
    }
    fs.writeFileSync(kit.file('inc-c.snapshot'), 'x');
    fs.writeFileSync(kit.file('inc-a.journal.quarantine-2025-03-04T05-06-07.089Z'), 'x');
    fs.writeFileSync(kit.file('inc-a.snapshot.tmp'), 'x');
    fs.writeFileSync(kit.file('notes.txt'), 'x');
    expect(await listJournals(kit.dir)).toEqual(['inc-a', 'inc-b', 'inc-c', 'inc.with.dots']);
  });
});
