import type { Page } from 'playwright-core';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { openToFirstPaint } from '../timeline/page-latency';
import { BIG_ENTRIES, BIG_TITLE, EMPTY_TITLE, startTimelineApp } from '../timeline/timeline-app';

const measured: number[] = [];
const floor: number[] = [];
const p99 = (samples: number[]) => percentile(samples, 0.99).toFixed(1);

/**
 * In Chromium, a click on an incident in the list → the first paint of its timeline with the
 * newest entry in view (loaded whole over the bridge, virtualised), for an incident of
 * BIG_ENTRIES entries, next to the same for an incident with an empty timeline.
 */
export const benchCase: BenchCase = {
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `Chromium: open → first paint of the timeline, ${BIG_ENTRIES.toLocaleString('en')}-entry incident${tail}`;
  },
  floor: 'the same for an incident with an empty timeline',
  iterations: 20,
  warmup: 3,
  sample: 'value',
  async setup() {
    const app = await startTimelineApp();
    const page: Page = await app.open(EMPTY_TITLE);
    const toList = () => page.getByRole('button', { name: /^Incidents/ }).click();
    return {
      measured: async () => {
        await toList();
        const ms = await openToFirstPaint(page, BIG_TITLE, `Entry ${BIG_ENTRIES}:`);
        measured.push(ms);
        return ms;
      },
      floor: async () => {
        await toList();
        const ms = await openToFirstPaint(page, EMPTY_TITLE, undefined);
        floor.push(ms);
        return ms;
      },
      teardown: () => app.stop(),
    };
  },
};
