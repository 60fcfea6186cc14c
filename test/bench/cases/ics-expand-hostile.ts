import { expandIcs } from '../../../src/main/services/schedules/ics-expand';
import type { BenchCase } from '../bench-case';
import { pagerDutyYear, YEAR_END, YEAR_START } from '../schedules/pagerduty-year';

const HOSTILE = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'BEGIN:VEVENT',
  'UID:storm',
  'SUMMARY:Storm',
  'DTSTART:19700101T000000Z',
  'DTEND:19700101T000001Z',
  'RRULE:FREQ=SECONDLY;COUNT=2000000000',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');
const year = pagerDutyYear();

/**
 * The worst a single hostile rule costs the worker before the step limit cuts it off (FREQ=SECONDLY
 * since 1970: billions of steps unbounded), next to a real year-long PagerDuty feed.
 */
export const benchCase: BenchCase = {
  figure: 'a FREQ=SECONDLY rule since 1970, cut off by the step limit',
  floor: 'parse + expand a year of PagerDuty shifts',
  iterations: 7,
  warmup: 2,
  setup() {
    return {
      measured: () => {
        const { warnings } = expandIcs({ text: HOSTILE, from: YEAR_START, to: YEAR_END });
        if (warnings.length === 0) throw new Error('the rule was not cut off');
      },
      floor: () => expandIcs({ text: year.ics, from: YEAR_START, to: YEAR_END }),
    };
  },
};
