import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalFormatError } from '../../../../../src/main/services/journal/journal';
import { bytes, journalKit, STAMP, texts, type JournalKit } from './journal-test-kit';

const RECORDS = ['alpha', 'bravo-record', 'charlie-delta-echo'];
const FRAME = 8;

describe('journal: recovery on open', () => {
  let kit: JournalKit;
  beforeEach(() => {
    kit = journalKit();
  });
  afterEach(async () => {
    await kit.cleanup();
  });

  /** A closed journal holding RECORDS; returns its bytes and where each record starts. */
  async function writeRecords(docId = 'inc-1'): Promise<{ file: Buffer; starts: number[] }> {
    const { journal } = await kit.open(docId);
    for (const text of RECORDS) await journal.append(bytes(text));
    await journal.close();
    const file = fs.readFileSync(kit.file(`${docId}.journal`));
    const starts: number[] = [];
    let at = file.length;
    for (const text of [...RECORDS].reverse()) {
      at -= FRAME + text.length;
      starts.unshift(at);
    }
    return { file, starts };
  }

  it('opens a journal cut at every byte of its last record: earlier records intact, the tail quarantined byte for byte', async () => {
    const { file, starts } = await writeRecords();
    const lastStart = starts[2] as number;

    for (let cut = lastStart; cut < file.length; cut++) {
      const docId = `cut-${cut}`;
      fs.writeFileSync(kit.file(`${docId}.journal`), file.subarray(0, cut));

      const { journal, opened } = await kit.open(docId);
      expect(texts(opened.records)).toEqual(RECORDS.slice(0, 2));
      const quarantine = kit.file(`${docId}.journal.quarantine-${STAMP}`);
      if (cut === lastStart) {
        // A clean end between records is not damage.
        expect(opened.recovery).toBeUndefined();
        expect(fs.existsSync(quarantine)).toBe(false);
      } else {
        expect(opened.recovery).toEqual({
          droppedBytes: cut - lastStart,
          quarantinedAs: quarantine,
          reason: expect.stringMatching(/not a whole record/) as unknown,
        });
        expect(fs.readFileSync(quarantine).equals(file.subarray(lastStart, cut))).toBe(true);
      }
      expect(
        fs.readFileSync(kit.file(`${docId}.journal`)).equals(file.subarray(0, lastStart)),
      ).toBe(true);

      // The repaired journal takes appends after the last good record.
      await journal.append(bytes('after repair'));
      await journal.close();
      const again = await kit.reopen(docId);
      expect(again.recovery).toBeUndefined();
      expect(texts(again.records)).toEqual([...RECORDS.slice(0, 2), 'after repair']);
    }
  });

  it('stops at a flipped byte anywhere in the middle record, keeping what came before and quarantining the rest', async () => {
    const { file, starts } = await writeRecords();
    const middleStart = starts[1] as number;
    const middleEnd = starts[2] as number;

    for (let at = middleStart; at < middleEnd; at++) {
      for (const mask of [0x01, 0x80, 0xff]) {
        const docId = `flip-${at}-${mask}`;
        const damaged = Buffer.from(file);
        damaged[at] = (damaged[at] as number) ^ mask;
        fs.writeFileSync(kit.file(`${docId}.journal`), damaged);

        const opened = await kit.reopen(docId);
        expect(texts(opened.records), `byte ${at} ^ ${mask}`).toEqual(RECORDS.slice(0, 1));
        expect(opened.recovery?.droppedBytes).toBe(file.length - middleStart);
        const quarantine = kit.file(`${docId}.journal.quarantine-${STAMP}`);
        expect(opened.recovery?.quarantinedAs).toBe(quarantine);
        expect(fs.readFileSync(quarantine).equals(damaged.subarray(middleStart))).toBe(true);
        expect(fs.statSync(kit.file(`${docId}.journal`)).size).toBe(middleStart);
      }
    }
  });

  it('treats a zero-filled tail (what a crash can leave on ext4/XFS) as damage, not as empty records', async () => {
    const { file } = await writeRecords();
    fs.appendFileSync(kit.file('inc-1.journal'), Buffer.alloc(4096));

    const opened = await kit.reopen();
    expect(texts(opened.records)).toEqual(RECORDS);
    expect(opened.recovery?.droppedBytes).toBe(4096);
    expect(opened.recovery?.reason).toMatch(/length 0/);
    expect(fs.readFileSync(kit.file('inc-1.journal')).equals(file)).toBe(true);
  });

  it('never overwrites an earlier quarantine file of the same moment', async () => {
    const { file } = await writeRecords();
    fs.appendFileSync(kit.file('inc-1.journal'), 'torn');
    expect((await kit.reopen()).recovery?.quarantinedAs).toBe(
      kit.file(`inc-1.journal.quarantine-${STAMP}`),
    );
    fs.appendFileSync(kit.file('inc-1.journal'), 'torn again');
    expect((await kit.reopen()).recovery?.quarantinedAs).toBe(
      kit.file(`inc-1.journal.quarantine-${STAMP}-2`),
    );
    expect(fs.readFileSync(kit.file(`inc-1.journal.quarantine-${STAMP}`), 'utf8')).toBe('torn');
    expect(fs.readFileSync(kit.file('inc-1.journal')).equals(file)).toBe(true);
  });

  it.each([
    ['a text file', Buffer.from('these are my notes from the bridge call\n')],
    ['a few bytes', Buffer.from([1, 2, 3])],
    ['a zip archive', Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000', 'latin1')],
  ])('refuses %s where the journal should be, and moves it aside untouched', async (_, foreign) => {
    fs.writeFileSync(kit.file('inc-1.journal'), foreign);

    const error = await kit.open().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(JournalFormatError);
    const refusal = error as JournalFormatError;
    expect(refusal.problem).toBe('foreign');
    expect(refusal.message).toMatch(/is not a journal of this app/);
    expect(refusal.keptAs).toBe(kit.file(`inc-1.journal.foreign-${STAMP}`));
    expect(fs.readFileSync(refusal.keptAs as string).equals(foreign)).toBe(true);
    expect(kit.logged.join('\n')).toMatch(/not a journal/);

    // Nothing of ours was there, so the next open starts afresh.
    expect(await kit.reopen()).toEqual({ records: [] });
  });

  it('refuses, and leaves exactly as it is, a journal written by a newer format version', async () => {
    const { file } = await writeRecords();
    const newer = Buffer.from(file);
    newer.writeUInt32LE(2, 8);
    fs.writeFileSync(kit.file('inc-1.journal'), newer);

    await expect(kit.open()).rejects.toMatchObject({
      name: 'JournalFormatError',
      problem: 'unsupported-version',
      message: expect.stringMatching(/journal format 2, written by a newer version/) as unknown,
    });
    expect(kit.files()).toEqual(['inc-1.journal']);
    expect(fs.readFileSync(kit.file('inc-1.journal')).equals(newer)).toBe(true);
  });

  it('refuses, and leaves exactly as it is, a journal whose header is damaged', async () => {
    const { file } = await writeRecords();
    const damaged = Buffer.from(file);
    damaged[12] = (damaged[12] as number) ^ 0x04; // the generation
    fs.writeFileSync(kit.file('inc-1.journal'), damaged);

    await expect(kit.open()).rejects.toMatchObject({ problem: 'damaged-header' });
    expect(kit.files()).toEqual(['inc-1.journal']);
    expect(fs.readFileSync(kit.file('inc-1.journal')).equals(damaged)).toBe(true);
  });

  it('starts a proper journal over an empty file', async () => {
    fs.writeFileSync(kit.file('inc-1.journal'), '');
    const { journal, opened } = await kit.open();
    expect(opened).toEqual({ records: [] });
    await journal.append(bytes('x'));
    await journal.close();
    expect(texts((await kit.reopen()).records)).toEqual(['x']);
  });

  describe('a corrupt snapshot', () => {
    async function compacted(): Promise<Buffer> {
      const { journal } = await kit.open();
      await journal.append(bytes('in the snapshot'));
      await journal.compact(bytes('SNAPSHOT-STATE'));
      await journal.append(bytes('after the snapshot'));
      await journal.close();
      return fs.readFileSync(kit.file('inc-1.snapshot'));
    }

    it.each([
      [
        'a flipped payload byte',
        (s: Buffer) => Buffer.concat([s.subarray(0, -1), Buffer.from([0])]),
      ],
      [
        'a flipped header byte',
        (s: Buffer) => Buffer.from(s.map((b, i) => (i === 13 ? b ^ 1 : b))),
      ],
      ['a cut', (s: Buffer) => s.subarray(0, s.length - 3)],
      ['a wrong magic', (s: Buffer) => Buffer.concat([Buffer.from('NOT-SNAP'), s.subarray(8)])],
      ['a few bytes', () => Buffer.from('snap')],
    ])('(%s) is quarantined and reported, and the journal still replays', async (_, damage) => {
      const damaged = damage(await compacted());
      fs.writeFileSync(kit.file('inc-1.snapshot'), damaged);

      const opened = await kit.reopen();
      expect(opened.snapshot).toBeUndefined();
      expect(texts(opened.records)).toEqual(['after the snapshot']);
      const quarantine = kit.file(`inc-1.snapshot.quarantine-${STAMP}`);
      expect(opened.recovery).toEqual({
        droppedBytes: 0,
        quarantinedAs: quarantine,
        reason: expect.stringMatching(/snapshot .* is corrupt/) as unknown,
      });
      expect(fs.readFileSync(quarantine).equals(damaged)).toBe(true);

      // Until a compaction writes a new snapshot, every open says the snapshot is missing.
      const again = await kit.open();
      expect(again.opened.recovery?.reason).toMatch(/snapshot .* \(generation 1\) is missing/);
      await again.journal.compact(bytes('REBUILT'));
      await again.journal.close();
      expect(await kit.reopen()).toEqual({ snapshot: bytes('REBUILT'), records: [] });
    });

    it('is reported together with a torn journal, both kept aside', async () => {
      const snapshot = await compacted();
      fs.writeFileSync(kit.file('inc-1.snapshot'), snapshot.subarray(0, 10));
      fs.appendFileSync(kit.file('inc-1.journal'), 'torn');

      const opened = await kit.reopen();
      expect(texts(opened.records)).toEqual(['after the snapshot']);
      expect(opened.recovery?.droppedBytes).toBe(4);
      expect(opened.recovery?.quarantinedAs).toBe(kit.file(`inc-1.journal.quarantine-${STAMP}`));
      expect(opened.recovery?.reason).toContain(kit.file(`inc-1.snapshot.quarantine-${STAMP}`));
    });

    it('of a newer format version is refused and nothing is touched', async () => {
      const snapshot = Buffer.from(await compacted());
      snapshot.writeUInt32LE(7, 8);
      fs.writeFileSync(kit.file('inc-1.snapshot'), snapshot);
      const before = kit.files();

      await expect(kit.open()).rejects.toMatchObject({
        problem: 'unsupported-version',
        file: kit.file('inc-1.snapshot'),
      });
      expect(kit.files()).toEqual(before);
      expect(fs.readFileSync(kit.file('inc-1.snapshot')).equals(snapshot)).toBe(true);
    });
  });
});
