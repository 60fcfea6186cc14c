import { expandIcs } from '../../../src/main/services/schedules/ics-expand';
import type { BenchCase } from '../bench-case';
import { pagerDutyYear, YEAR_END, YEAR_START } from '../schedules/pagerduty-year';

const feed = pagerDutyYear();

/**
 * What the ICS worker does with a year of a three-layer PagerDuty schedule (parse with ical.js,
 * expand, name each shift), next to JSON.parse of the same shifts as JSON of about the same size.
 */
export const benchCase: BenchCase = {
  figure: `parse + expand a year of PagerDuty shifts (${feed.shifts.toLocaleString('en')} events, ${Math.round(feed.ics.length / 1024)} KiB ICS)`,
  floor: `JSON.parse of the same shifts (${Math.round(feed.json.length / 1024)} KiB)`,
  iterations: 15,
  setup() {
    return {
      measured: () => {
        const { shifts } = expandIcs({ text: feed.ics, from: YEAR_START, to: YEAR_END });
        if (shifts.length !== feed.shifts) throw new Error(`expanded ${shifts.length} shifts`);
      },
      floor: () => JSON.parse(feed.json),
    };
  },
};
