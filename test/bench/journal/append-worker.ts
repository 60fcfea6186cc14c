// Worker side of the journal bench cases: owns a journal and a raw file in a temp directory
// and runs one timed job per message, then wakes the blocked main thread (see blocking-worker.ts).
import { open } from 'node:fs/promises';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { openJournal } from '../../../src/main/services/journal/journal';
import { serveJobs } from '../serve-jobs';
import { BURST, type AppendJob } from './append-jobs';

/** A typical Yjs update for one keystroke in the timeline is a few dozen bytes. */
const RECORD_BYTES = 64;
const FRAME_BYTES = RECORD_BYTES + 8;

const { dir, signal } = workerData as { dir: string; signal: SharedArrayBuffer };
const record = new Uint8Array(RECORD_BYTES).fill(0x61);

const { journal } = await openJournal(dir, 'bench');
const raw = await open(path.join(dir, 'raw-floor'), 'w');
let rawEnd = 0;
const oneFrame = Buffer.alloc(FRAME_BYTES, 0x61);
const burstFrames = Buffer.alloc(FRAME_BYTES * BURST, 0x61);

async function rawWrite(bytes: Buffer): Promise<void> {
  await raw.write(bytes, 0, bytes.byteLength, rawEnd);
  rawEnd += bytes.byteLength;
  await raw.datasync();
}

const jobs: Record<AppendJob, () => Promise<unknown>> = {
  append: () => journal.append(record),
  burst: () => Promise.all(Array.from({ length: BURST }, () => journal.append(record))),
  'raw-one': () => rawWrite(oneFrame),
  // The least any burst of BURST records can cost: their bytes in one write, one fdatasync.
  'raw-burst': () => rawWrite(burstFrames),
};

serveJobs(signal, jobs);
