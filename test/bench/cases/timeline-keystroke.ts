import type { Page } from 'playwright-core';
import type { BenchCase } from '../bench-case';
import { percentile } from '../journal/blocking-worker';
import { keystrokeToPaint } from '../timeline/page-latency';
import { BIG_ENTRIES, BIG_TITLE, EMPTY_TITLE, startTimelineApp } from '../timeline/timeline-app';

const measured: number[] = [];
const floor: number[] = [];
const p99 = (samples: number[]) => percentile(samples, 0.99).toFixed(1);
// Type a letter, then take it back: the line stays short, and both keys count.
const keys = ['x', 'Backspace'];

/**
 * In Chromium, a key typed in the timeline's composer → the next paint, on an incident of
 * BIG_ENTRIES entries, next to the same on an incident with an empty timeline. The composer
 * re-renders on every key (the preview); the long timeline must not.
 */
export const benchCase: BenchCase = {
  get figure() {
    const tail =
      measured.length === 0 ? '' : ` (p99 ${p99(measured)} ms; floor p99 ${p99(floor)} ms)`;
    return `Chromium: keystroke → paint in the composer, ${BIG_ENTRIES.toLocaleString('en')}-entry incident${tail}`;
  },
  floor: 'the same on an incident with an empty timeline',
  iterations: 200,
  warmup: 10,
  sample: 'value',
  async setup() {
    const app = await startTimelineApp();
    const pages: Page[] = [await app.open(BIG_TITLE), await app.open(EMPTY_TITLE)];
    const [big, empty] = pages as [Page, Page];
    let i = 0;
    let j = 0;
    return {
      measured: async () => {
        const ms = await keystrokeToPaint(big, keys[i++ % 2] ?? 'x');
        measured.push(ms);
        return ms;
      },
      floor: async () => {
        const ms = await keystrokeToPaint(empty, keys[j++ % 2] ?? 'x');
        floor.push(ms);
        return ms;
      },
      teardown: () => app.stop(),
    };
  },
};
