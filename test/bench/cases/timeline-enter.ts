import type { Page } from 'playwright-core';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { enterToLineShown } from '../timeline/page-latency';
import { BIG_ENTRIES, BIG_TITLE, EMPTY_TITLE, startTimelineApp } from '../timeline/timeline-app';

const measured: number[] = [];
const floor: number[] = [];
const p99 = (samples: number[]) => percentile(samples, 0.99).toFixed(1);

/**
 * In Chromium, Enter in the timeline's composer → the first paint showing the line on the
 * timeline (written to the journal, fsync'd, pushed as a patch, merged, rendered), on an incident
 * of BIG_ENTRIES entries, next to the same on an incident whose timeline was empty. Goal: p99
 * under 50 ms (it was 142–177 ms at 2,000 entries when every change sent the whole incident).
 */
export const benchCase: BenchCase = {
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `Chromium: Enter → line shown, ${BIG_ENTRIES.toLocaleString('en')}-entry incident${tail}`;
  },
  floor: 'the same on an incident with an empty timeline',
  iterations: 100,
  sample: 'value',
  async setup() {
    const app = await startTimelineApp();
    const pages: Page[] = [await app.open(BIG_TITLE), await app.open(EMPTY_TITLE)];
    const [big, empty] = pages as [Page, Page];
    let n = 0;
    return {
      measured: async () => {
        const ms = await enterToLineShown(big, `bench line ${++n} on the long timeline`);
        measured.push(ms);
        return ms;
      },
      floor: async () => {
        const ms = await enterToLineShown(empty, `bench line ${++n} on the short timeline`);
        floor.push(ms);
        return ms;
      },
      teardown: () => app.stop(),
    };
  },
};
