import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WebSocketServer } from 'ws';
import { openJournal } from '../../../src/main/services/journal/journal';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import {
  echoRoundTrip,
  enterSplit,
  openEchoSocket,
  type EnterSplit,
} from '../timeline/page-latency';
import { BIG_ENTRIES, BIG_TITLE, startTimelineApp } from '../timeline/timeline-app';

/** A line's Yjs update is a few dozen bytes; the journal frames it in 8 more. */
const RECORD_BYTES = 64;

const splits: EnterSplit[] = [];
const floors = { journal: [] as number[], fsync: [] as number[], echo: [] as number[] };

const pair = (samples: number[]) =>
  `${percentile(samples, 0.5).toFixed(1)}/${percentile(samples, 0.99).toFixed(1)}`;

/**
 * Where Enter → line shown goes on a BIG_ENTRIES-entry incident, split where the page can see
 * it, next to what the round trip through main cannot go below: a raw WebSocket round trip from
 * a page of the same Chromium to an echo server, plus one raw write + fdatasync of a small
 * record on the disk the app's home is on, both measured in the same run, interleaved. The
 * app's own journal append of such a record (write + fdatasync, through its group-commit
 * queue) is measured beside them; what is left of the round trip is main's other work (parse,
 * apply, read, diff, broadcast) and the event loop's waits.
 */
export const benchCase: BenchCase = {
  get figure() {
    const parts =
      splits.length === 0
        ? ''
        : ` — p50/p99 ms: renderer (keydown → send) ${pair(splits.map((s) => s.renderer))}; ` +
          `IPC to main + apply + journal + patch back ${pair(splits.map((s) => s.roundTrip))} ` +
          `[journal append + fdatasync alone ${pair(floors.journal)}]; ` +
          `merge + React render ${pair(splits.map((s) => s.render))}; ` +
          `→ paint ${pair(splits.map((s) => s.paint))}; total ${pair(splits.map((s) => s.total))}. ` +
          `Floors: raw write + fdatasync ${pair(floors.fsync)}, ` +
          `raw WebSocket round trip ${pair(floors.echo)}`;
    return `Chromium: Enter → line shown split, ${BIG_ENTRIES.toLocaleString('en')}-entry incident; median is the round trip through main${parts}`;
  },
  floor: 'raw WebSocket round trip + raw write + fdatasync of 72 B, same run',
  iterations: 100,
  sample: 'value',
  async setup() {
    const dir = mkdtempSync(join(tmpdir(), 'oncall-enter-split-'));
    const { journal } = await openJournal(dir, 'bench');
    const raw = await open(join(dir, 'raw-floor'), 'w');
    let rawEnd = 0;
    const frame = Buffer.alloc(RECORD_BYTES + 8, 0x61);
    const echo = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    echo.on('connection', (socket) => socket.on('message', (data) => socket.send(data)));
    await new Promise((resolve) => echo.once('listening', resolve));
    const { port } = echo.address() as { port: number };
    const app = await startTimelineApp();
    const big: Page = await app.open(BIG_TITLE);
    const blank = await app.blank();
    await openEchoSocket(blank, `ws://127.0.0.1:${port}/`);
    const record = new Uint8Array(RECORD_BYTES).fill(0x61);
    let n = 0;
    return {
      async measured() {
        const split = await enterSplit(big, `split line ${++n} on the long timeline`);
        splits.push(split);
        return split.roundTrip;
      },
      async floor() {
        let start = performance.now();
        await journal.append(record);
        floors.journal.push(performance.now() - start);
        start = performance.now();
        await raw.write(frame, 0, frame.byteLength, rawEnd);
        rawEnd += frame.byteLength;
        await raw.datasync();
        const fsync = performance.now() - start;
        floors.fsync.push(fsync);
        const rtt = await echoRoundTrip(blank);
        floors.echo.push(rtt);
        return fsync + rtt;
      },
      async teardown() {
        await app.stop();
        await new Promise((resolve) => echo.close(resolve));
        await raw.close();
        await journal.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};
