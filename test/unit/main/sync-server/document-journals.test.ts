import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentJournals } from '../../../../src/main/sync-server/document-journals';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function journals(compactAfterRecords = 10): Promise<DocumentJournals> {
  const dir = await mkdtemp(path.join(tmpdir(), 'oncall-doc-journals-'));
  dirs.push(dir);
  return new DocumentJournals({ dir, log: () => {}, compactAfterRecords });
}

function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getArray<string>('timeline').push([`entry ${i}`]);
  return { doc, updates };
}

function read(state: Uint8Array | null): string[] {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getArray<string>('timeline').toArray();
}

describe('DocumentJournals (the sync server’s documents on disk)', () => {
  it('gives back every update written ahead, across a compaction and a reopen', async () => {
    const store = await journals(10);
    expect(await store.load('inc-1')).toBeNull();
    const { doc, updates } = edits(25);
    const server = new Y.Doc();
    for (const update of updates) {
      await store.writeAhead('inc-1', update);
      Y.applyUpdate(server, update);
      await store.compact('inc-1', server);
    }
    await store.unload('inc-1');
    expect(read(await store.load('inc-1'))).toEqual(doc.getArray('timeline').toArray());
    await store.close();
  });

  it('keeps an update written ahead but not yet applied when a compaction runs meanwhile', async () => {
    const store = await journals(1);
    await store.load('inc-2');
    const { updates } = edits(3);
    const server = new Y.Doc();
    const first = updates[0] as Uint8Array;
    await store.writeAhead('inc-2', first);
    Y.applyUpdate(server, first);
    // The second is on its way to disk and not in the server's document when compaction starts.
    const writing = store.writeAhead('inc-2', updates[1] as Uint8Array);
    const compacting = store.compact('inc-2', server);
    await writing;
    Y.applyUpdate(server, updates[1] as Uint8Array);
    await compacting;
    await store.unload('inc-2');
    expect(read(await store.load('inc-2'))).toEqual(['entry 0', 'entry 1']);
    await store.close();
  });

  it('refuses a document name that cannot name a file', async () => {
    const store = await journals();
    await expect(store.load('../etc/passwd')).rejects.toThrow('is not a document name');
  });
});
