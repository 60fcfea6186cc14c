import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../src/main/services/journal/journal';
import { compileForNode } from '../support/compile-for-node';
import { decodeEntry, decodeSnapshot } from '../support/journal-crash-records';

// A writer process is killed (SIGKILL) at random moments, over and over, on the same journal;
// after each kill the journal must hold every seq the writer reported durable, in order, once,
// intact. Reusing the journal means each run also recovers whatever the last kill left: torn
// tails, stray temp files, a compaction cut between its two renames.
//
// Spawn cost decides the run time. Measured here (2 cores): `node --import tsx child.ts` takes
// ~200 ms to its first report, plain `node child.mjs` ~60 ms; so the child and the journal are
// transpiled once (type stripping by the project's TypeScript, same code tsx would run) and two
// lanes, one per core, each with its own journal, share the kills.
//
// JOURNAL_CRASH_SEED=<n> replays the kill delays of a failed run; JOURNAL_CRASH_ITERATIONS
// changes the count.

const ITERATIONS = Number(process.env.JOURNAL_CRASH_ITERATIONS ?? 1000);
const LANES = 2;
const MAX_KILL_DELAY_MS = 30;
const COMPACT_EVERY = 64;
const DOC_ID = 'incident';
const SEED = Number(process.env.JOURNAL_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 32));

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const childSource = path.join(repoRoot, 'test/support/journal-writer-child.ts');

/** A small seeded PRNG (mulberry32): the same seed gives the same kill delays. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface ChildRun {
  /** The seqs the child printed, i.e. whose append promise had resolved. */
  acked: number[];
  /** From spawn to the first printed seq. */
  startupMs: number;
}

/** Run the writer until it has reported for `killAfterMs`, then SIGKILL it. */
function runUntilKilled(child: string, dir: string, killAfterMs: number): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const writer = spawn(process.execPath, [child, dir, DOC_ID, String(COMPACT_EVERY)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let startupMs: number | undefined;
    const tooSlow = setTimeout(() => writer.kill('SIGKILL'), 30_000);
    writer.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (startupMs === undefined && stdout.includes('\n')) {
        startupMs = performance.now() - started;
        clearTimeout(tooSlow);
        setTimeout(() => writer.kill('SIGKILL'), killAfterMs);
      }
    });
    writer.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    writer.on('error', reject);
    // 'close' comes after the exit and after stdout is drained: every printed line is in.
    writer.on('close', (code, signal) => {
      clearTimeout(tooSlow);
      if (signal !== 'SIGKILL' || startupMs === undefined) {
        reject(
          new Error(`writer ended with ${signal ?? `code ${code}`} before reporting:\n${stderr}`),
        );
        return;
      }
      // A line cut short by the kill was never fully reported.
      const lines = stdout.split('\n').slice(0, -1);
      resolve({ acked: lines.map(Number), startupMs });
    });
  });
}

interface Found {
  /** The last seq on disk (durable, whether or not the writer lived to report it). */
  last: number;
  recovery?: { droppedBytes: number; reason?: string };
  logged: string[];
}

/** Open the journal as the app would after a crash, and check every entry in it. */
async function readBack(dir: string): Promise<Found> {
  const logged: string[] = [];
  const { journal, opened } = await openJournal(dir, DOC_ID, { log: (line) => logged.push(line) });
  await journal.close();
  const through = opened.snapshot ? decodeSnapshot(opened.snapshot) : 0;
  const seqs = opened.records.map(decodeEntry);
  seqs.forEach((seq, i) => {
    if (seq !== through + 1 + i) {
      throw new Error(`record ${i} after snapshot ${through} is seq ${seq}: ${seqs.join(',')}`);
    }
  });
  return { last: seqs.at(-1) ?? through, recovery: opened.recovery, logged };
}

interface LaneStats {
  kills: number;
  acked: number;
  inTempWrite: number;
  betweenRenames: number;
  tornTails: number;
  startupMs: number[];
}

async function runLane(
  child: string,
  lane: number,
  iterations: number,
  root: string,
): Promise<LaneStats> {
  const random = seededRandom(SEED + lane);
  const dir = path.join(root, `lane-${lane}`);
  const stats: LaneStats = {
    kills: 0,
    acked: 0,
    inTempWrite: 0,
    betweenRenames: 0,
    tornTails: 0,
    startupMs: [],
  };
  let last = 0;
  for (let i = 0; i < iterations; i++) {
    const context = `seed ${SEED}, lane ${lane}, kill ${i + 1}`;
    const { acked, startupMs } = await runUntilKilled(child, dir, random() * MAX_KILL_DELAY_MS);
    const tempLeft = ['.snapshot.tmp', '.journal.tmp'].some((suffix) =>
      fs.existsSync(path.join(dir, `${DOC_ID}${suffix}`)),
    );
    const found = await readBack(dir);

    // Reported in order, once each, continuing exactly where the journal stood.
    expect(acked, context).toEqual(Array.from({ length: acked.length }, (_, k) => last + 1 + k));
    // Every reported seq is on disk (readBack checked the run up to found.last is whole).
    expect(found.last, context).toBeGreaterThanOrEqual(last + acked.length);
    // A kill can cut the journal's tail, never a snapshot (written whole, then renamed).
    if (found.recovery) {
      expect(found.recovery.reason, context).not.toMatch(/snapshot/);
      expect(found.recovery.droppedBytes, context).toBeGreaterThan(0);
      stats.tornTails++;
    }
    if (tempLeft) stats.inTempWrite++;
    if (found.logged.some((line) => line.includes('compaction was interrupted'))) {
      stats.betweenRenames++;
    }
    stats.kills++;
    stats.acked += acked.length;
    stats.startupMs.push(startupMs);
    last = found.last;
  }
  return stats;
}

describe('journal survives SIGKILL at random moments', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-journal-crash-'));
  let child: string;
  beforeAll(() => {
    child = compileForNode(childSource, repoRoot, path.join(root, 'compiled'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(
    `loses no reported entry over ${ITERATIONS} kills (seed ${SEED})`,
    { timeout: 300_000 },
    async () => {
      const started = performance.now();
      const perLane = Math.ceil(ITERATIONS / LANES);
      const lanes = await Promise.all(
        Array.from({ length: LANES }, (_, lane) => runLane(child, lane, perLane, root)),
      );
      const total = (pick: (stats: LaneStats) => number): number =>
        lanes.reduce((sum, stats) => sum + pick(stats), 0);
      const startups = lanes.flatMap((stats) => stats.startupMs).sort((a, b) => a - b);

      expect(total((stats) => stats.kills)).toBeGreaterThanOrEqual(ITERATIONS);
      console.log(
        `journal crash test, seed ${SEED}: ${total((s) => s.kills)} kills in ` +
          `${((performance.now() - started) / 1000).toFixed(1)} s; ${total((s) => s.acked)} ` +
          `reported entries all found; kills during a compaction's temp write: ` +
          `${total((s) => s.inTempWrite)}, between its renames: ${total((s) => s.betweenRenames)}; ` +
          `torn tails repaired: ${total((s) => s.tornTails)}; child start to first report: ` +
          `median ${startups[Math.floor(startups.length / 2)]?.toFixed(0)} ms`,
      );
    },
  );
});
