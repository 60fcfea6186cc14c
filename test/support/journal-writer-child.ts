// The process that test/integration/journal-crash.test.ts kills: it appends timeline entries
// as fast as it can, compacting every so often, and prints each seq only after its append
// resolved, so every printed seq is a promise the journal made. Usage:
//   node --import tsx test/support/journal-writer-child.ts <dir> [docId] [compactEvery]
import { openJournal } from '../../src/main/services/journal/journal';
import { decodeEntry, decodeSnapshot, encodeEntry, encodeSnapshot } from './journal-crash-records';

// Enough appends in flight for group commit to form batches, as a fast scribe plus remote
// edits would.
const IN_FLIGHT = 32;

const [dir, docId = 'incident', compactEvery = '64'] = process.argv.slice(2);
if (dir === undefined)
  throw new Error('usage: journal-writer-child.ts <dir> [docId] [compactEvery]');

const fail = (error: unknown): never => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
};

const { journal, opened } = await openJournal(dir, docId);
let last = opened.snapshot ? decodeSnapshot(opened.snapshot) : 0;
for (const record of opened.records) last = decodeEntry(record);

let inFlight = 0;
let sinceCompaction = 0;
const every = Number(compactEvery);

function pump(): void {
  while (inFlight < IN_FLIGHT) {
    const seq = ++last;
    inFlight++;
    journal.append(encodeEntry(seq)).then(() => {
      // A pipe is written synchronously on Linux: once this returns the parent can read it.
      process.stdout.write(`${seq}\n`);
      inFlight--;
      pump();
    }, fail);
    if (++sinceCompaction >= every) {
      sinceCompaction = 0;
      // Covers every append called so far, as the owner's Y.Doc state would.
      journal.compact(encodeSnapshot(seq)).catch(fail);
    }
  }
}
pump();
