import { describe, expect, it } from 'vitest';
import {
  parseEventTime,
  resolveTimeZone,
  splitLeadingTime,
  timeZoneSchema,
  type EventTimeOptions,
} from '../../../../src/shared/incident/event-time';

function parsed(input: string, options: EventTimeOptions): string {
  const result = parseEventTime(input, options);
  if (!result.ok) throw new Error(result.error);
  return result.at;
}

function refused(input: string, options: EventTimeOptions): string {
  const result = parseEventTime(input, options);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.at}`);
  return result.error;
}

const now = '2025-03-04T14:30:00.000Z';

describe('parseEventTime: a time of day (UTC)', () => {
  it('reads HH:MM and HH:MM:SS as today when that has passed', () => {
    expect(parsed('14:23', { now })).toBe('2025-03-04T14:23:00.000Z');
    expect(parsed('14:23:05', { now })).toBe('2025-03-04T14:23:05.000Z');
    expect(parsed('9:05', { now })).toBe('2025-03-04T09:05:00.000Z');
    expect(parsed(' 00:00 ', { now })).toBe('2025-03-04T00:00:00.000Z');
  });

  it('takes the current minute itself as now, not the future', () => {
    expect(parsed('14:30', { now })).toBe(now);
  });

  it('reads a time up to 15 minutes ahead as today: clocks differ and people round up', () => {
    // "17:13 paged payments on-call" typed at 17:12:44 happened today, not yesterday.
    expect(parsed('17:13', { now: '2026-12-04T17:12:44Z' })).toBe('2026-12-04T17:13:00.000Z');
    expect(parsed('14:31', { now })).toBe('2025-03-04T14:31:00.000Z');
    expect(parsed('14:30:01', { now })).toBe('2025-03-04T14:30:01.000Z');
    expect(parsed('14:45', { now })).toBe('2025-03-04T14:45:00.000Z');
  });

  it('refuses a time further ahead, saying how far and how to type an earlier day', () => {
    const error = refused('17:30', { now: '2026-12-04T17:12:44Z' });
    expect(error).toBe(
      '"17:30" is 18 min ahead (it is 17:12 UTC); a time may be at most 15 min ahead. ' +
        'For an earlier day, type the date too, e.g. 2026-12-03 17:30',
    );
    expect(refused('14:46', { now })).toMatch(/^"14:46" is 16 min ahead/);
    expect(refused('20:00', { now: '2025-03-04T09:00:00Z' })).toMatch(/is 11 h ahead/);
  });

  it('wraps at midnight: at 00:05, 23:50 means yesterday', () => {
    const justAfterMidnight = '2025-03-05T00:05:00.000Z';
    expect(parsed('23:50', { now: justAfterMidnight })).toBe('2025-03-04T23:50:00.000Z');
    expect(parsed('00:01', { now: justAfterMidnight })).toBe('2025-03-05T00:01:00.000Z');
    expect(parsed('00:05', { now: justAfterMidnight })).toBe('2025-03-05T00:05:00.000Z');
    expect(parsed('00:06', { now: justAfterMidnight })).toBe('2025-03-05T00:06:00.000Z');
    // Yesterday's, when that was less than 12 hours ago; further back it needs its date.
    expect(parsed('12:30', { now: justAfterMidnight })).toBe('2025-03-04T12:30:00.000Z');
    expect(refused('11:30', { now: justAfterMidnight })).toMatch(/e\.g\. 2025-03-04 11:30$/);
  });

  it('wraps at midnight the other way: at 23:58, 00:05 is the coming one, 7 minutes ahead', () => {
    const justBeforeMidnight = '2025-03-04T23:58:00.000Z';
    expect(parsed('00:05', { now: justBeforeMidnight })).toBe('2025-03-05T00:05:00.000Z');
    // Not a slightly fast clock: this morning's.
    expect(parsed('00:30', { now: justBeforeMidnight })).toBe('2025-03-04T00:30:00.000Z');
  });

  it('wraps across months and years', () => {
    expect(parsed('23:59:59', { now: '2025-01-01T00:00:10Z' })).toBe('2024-12-31T23:59:59.000Z');
    expect(parsed('23:00', { now: '2024-03-01T00:30:00Z' })).toBe('2024-02-29T23:00:00.000Z');
    expect(parsed('00:10', { now: '2024-12-31T23:59:00Z' })).toBe('2025-01-01T00:10:00.000Z');
  });

  it('takes the grace period it is given', () => {
    expect(parsed('14:31', { now, graceSeconds: 120 })).toBe('2025-03-04T14:31:00.000Z');
    expect(refused('14:33', { now, graceSeconds: 120 })).toMatch(/at most 2 min ahead/);
    expect(refused('14:31', { now, graceSeconds: 0 })).toMatch(/is 1 min ahead/);
  });

  it('accepts now as a Date', () => {
    expect(parsed('14:00', { now: new Date(now) })).toBe('2025-03-04T14:00:00.000Z');
  });

  it.each(['24:00', '14:60', '14:23:60', '2:23pm', '14h23', '1423', '14:3', '', '   ', 'soon'])(
    'refuses %j with a hint about the format',
    (input) => {
      expect(refused(input, { now })).toMatch(/HH:MM|00:00 to 23:59:59/);
    },
  );
});

describe('parseEventTime: time zones', () => {
  it('reads the wall clock of an IANA zone (Berlin, UTC+1 in March)', () => {
    // 23:30 UTC is 00:30 on the 5th in Berlin.
    const late = '2025-03-04T23:30:00.000Z';
    expect(parsed('00:10', { now: late, timeZone: 'Europe/Berlin' })).toBe(
      '2025-03-04T23:10:00.000Z',
    );
    expect(parsed('23:50', { now: late, timeZone: 'Europe/Berlin' })).toBe(
      '2025-03-04T22:50:00.000Z',
    );
  });

  it('reads fixed offsets: +05:30, -0800, UTC+1, Z', () => {
    expect(parsed('19:45', { now, timeZone: '+05:30' })).toBe('2025-03-04T14:15:00.000Z');
    expect(parsed('06:00', { now, timeZone: '-0800' })).toBe('2025-03-04T14:00:00.000Z');
    expect(parsed('15:29', { now, timeZone: 'UTC+1' })).toBe('2025-03-04T14:29:00.000Z');
    expect(parsed('14:29', { now, timeZone: 'Z' })).toBe('2025-03-04T14:29:00.000Z');
  });

  it('reads a time skipped by clocks going forward with the offset from before the jump', () => {
    // New York, 2025-03-09: 02:00 EST jumps to 03:00 EDT. At 04:00 EDT (08:00Z):
    const after = '2025-03-09T08:00:00.000Z';
    const ny = { now: after, timeZone: 'America/New_York' };
    expect(parsed('02:30', ny)).toBe('2025-03-09T07:30:00.000Z'); // shown as 03:30 EDT
    expect(parsed('01:30', ny)).toBe('2025-03-09T06:30:00.000Z'); // 01:30 EST
    expect(parsed('03:30', ny)).toBe('2025-03-09T07:30:00.000Z'); // 03:30 EDT
  });

  it('reads a time that happens twice (clocks going back) as the later one not in the future', () => {
    // New York, 2025-11-02: 02:00 EDT falls back to 01:00 EST, so 01:30 happens twice:
    // 05:30Z (EDT) and 06:30Z (EST).
    const ny = (at: string) => ({ now: at, timeZone: 'America/New_York' });
    expect(parsed('01:30', ny('2025-11-02T07:00:00Z'))).toBe('2025-11-02T06:30:00.000Z');
    expect(parsed('01:30', ny('2025-11-02T06:00:00Z'))).toBe('2025-11-02T05:30:00.000Z');
    // 01:20 EST: the second 01:30 is 10 minutes ahead, within the grace period.
    expect(parsed('01:30', ny('2025-11-02T06:20:00Z'))).toBe('2025-11-02T06:30:00.000Z');
  });

  it('counts "ahead" in real minutes across a daylight-saving change', () => {
    // New York, 2025-03-09 at 01:55 EST (06:55Z): 03:05 EDT is 10 real minutes ahead.
    const ny = { now: '2025-03-09T06:55:00Z', timeZone: 'America/New_York' };
    expect(parsed('03:05', ny)).toBe('2025-03-09T07:05:00.000Z');
    // 02:30 does not exist that night; read as 03:30 EDT it is 35 minutes ahead: refused.
    expect(refused('02:30', ny)).toMatch(
      /^"02:30" is 35 min ahead \(it is 01:55 America\/New_York\)/,
    );
    // Berlin, 2025-10-26 at 02:50 CET (01:50Z), an hour after clocks went back: 23:30 the
    // evening before is 4 h 20 min ago, yesterday's.
    expect(parsed('23:30', { now: '2025-10-26T01:50:00Z', timeZone: 'Europe/Berlin' })).toBe(
      '2025-10-25T21:30:00.000Z',
    );
  });

  it('takes yesterday after midnight in the scribe’s zone, not in UTC', () => {
    // 00:05 in Tokyo is 15:05Z the day before: "23:50" is Tokyo's yesterday, 15 min ago.
    expect(parsed('23:50', { now: '2025-03-04T15:05:00Z', timeZone: 'Asia/Tokyo' })).toBe(
      '2025-03-04T14:50:00.000Z',
    );
  });

  it('refuses a zone that does not exist', () => {
    expect(refused('14:00', { now, timeZone: 'Mars/Olympus_Mons' })).toMatch(/not a time zone/);
    expect(refused('14:00', { now, timeZone: '+15:00' })).toMatch(/not a time zone/);
    expect(timeZoneSchema.safeParse('Europe/Berlin').success).toBe(true);
    expect(timeZoneSchema.safeParse('Europe/Nowhere').success).toBe(false);
    expect(resolveTimeZone('UTC')?.offsetAt(0)).toBe(0);
  });
});

describe('parseEventTime: dates and instants', () => {
  it('reads a full ISO instant as that instant', () => {
    expect(parsed('2025-03-04T14:00:00Z', { now })).toBe('2025-03-04T14:00:00.000Z');
    expect(parsed('2025-03-04T16:00:00+02:00', { now })).toBe('2025-03-04T14:00:00.000Z');
    expect(parsed('2025-03-04T14:00:00.250Z', { now })).toBe('2025-03-04T14:00:00.250Z');
    expect(parsed('2025-03-04T09:00-0500', { now })).toBe('2025-03-04T14:00:00.000Z');
  });

  it('reads a date and time without an offset in the scribe’s zone', () => {
    expect(parsed('2025-03-04 14:00', { now })).toBe('2025-03-04T14:00:00.000Z');
    expect(parsed('2025-03-04T15:00', { now, timeZone: 'Europe/Berlin' })).toBe(
      '2025-03-04T14:00:00.000Z',
    );
  });

  it('refuses a date or instant in the future, and impossible dates', () => {
    expect(refused('2025-03-04T14:46:00Z', { now })).toMatch(/in the future/);
    expect(parsed('2025-03-04T14:31:00Z', { now })).toBe('2025-03-04T14:31:00.000Z');
    expect(refused('2025-03-05 09:00', { now })).toMatch(/in the future/);
    expect(refused('2025-02-30 10:00', { now })).toMatch(/not a valid date/);
    expect(refused('2025-03-04T14:00:00+25:00', { now })).toMatch(/not a valid UTC offset/);
  });

  it('refuses when now itself is not a time', () => {
    expect(refused('14:00', { now: 'yesterday' })).toMatch(/current time/);
  });
});

describe('parseEventTime: correcting a recorded time (near)', () => {
  it('takes the occurrence nearest the recorded time, not the most recent', () => {
    const later = '2025-03-04T16:00:00.000Z';
    expect(parsed('14:05', { now: later })).toBe('2025-03-04T14:05:00.000Z');
    expect(parsed('14:05', { now: later, near: '2025-03-03T14:00:00.000Z' })).toBe(
      '2025-03-03T14:05:00.000Z',
    );
  });

  it('moves across midnight when that is nearer', () => {
    expect(parsed('00:02', { now: '2025-03-04T09:00:00Z', near: '2025-03-03T23:58:00.000Z' })).toBe(
      '2025-03-04T00:02:00.000Z',
    );
  });

  it('still never picks the future', () => {
    expect(parsed('14:50', { now, near: '2025-03-04T14:29:00.000Z' })).toBe(
      '2025-03-03T14:50:00.000Z',
    );
  });
});

describe('splitLeadingTime', () => {
  it.each([
    ['14:23 rolled back the deploy', { time: '14:23', text: 'rolled back the deploy' }],
    ['14:23:05 rolled back', { time: '14:23:05', text: 'rolled back' }],
    ['14:23 - rolled back', { time: '14:23', text: 'rolled back' }],
    ['14:23: rolled back', { time: '14:23', text: 'rolled back' }],
    ['  9:05   paged DBA', { time: '9:05', text: 'paged DBA' }],
    ['14:23', { time: '14:23', text: '' }],
    ['rolled back at 14:23', { text: 'rolled back at 14:23' }],
    ['14:23rolled', { text: '14:23rolled' }],
    ['2025-03-03 23:50 paged the DBA', { time: '2025-03-03 23:50', text: 'paged the DBA' }],
    ['2025-03-03T23:50:10 - paged', { time: '2025-03-03T23:50:10', text: 'paged' }],
    ['2025-03-03 paged', { text: '2025-03-03 paged' }],
  ])('%j', (line, expected) => {
    expect(splitLeadingTime(line)).toEqual(expected);
  });
});
