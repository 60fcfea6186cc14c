import { describe, expect, it } from 'vitest';
import { expandIcs } from '../../../../../src/main/services/schedules/ics-expand';
import { icsFixture, SECONDLY_FEED, shown, WINDOW } from './ics-fixtures';

describe('expandIcs', () => {
  it('names PagerDuty’s on-call user from SUMMARY, even when the schedule name holds " - "', () => {
    const { shifts, warnings } = expandIcs({ text: icsFixture('pagerduty.ics'), ...WINDOW });
    expect(shifts.map(shown)).toEqual([
      'Jane Doe 2026-10-12T16:00:00.000Z → 2026-10-19T16:00:00.000Z',
      'Ravi Kumar 2026-10-19T16:00:00.000Z → 2026-10-26T16:00:00.000Z',
      'Jane Doe 2026-10-26T16:00:00.000Z → 2026-11-02T16:00:00.000Z',
    ]);
    expect(warnings).toEqual([]);
  });

  it('names GoAlert’s full-schedule shifts, “Begins*” included', () => {
    const { shifts } = expandIcs({ text: icsFixture('goalert-full.ics'), ...WINDOW });
    expect(shifts.map(shown)).toEqual([
      'Ana Lima 2026-10-19T08:00:00.000Z → 2026-10-21T08:00:00.000Z',
      'Tom Berg 2026-10-21T08:00:00.000Z → 2026-11-04T08:00:00.000Z',
    ]);
  });

  it('says a personal GoAlert feed names nobody, until the feed is given its person', () => {
    const text = icsFixture('goalert-personal.ics');
    const bare = expandIcs({ text, ...WINDOW });
    expect(bare.shifts).toEqual([]);
    expect(bare.warnings.join(' ')).toMatch(
      /2 shifts name nobody .* set the layer’s person on call for every event, or a name pattern, in Settings → Schedules/,
    );
    const mine = expandIcs({ text, ...WINDOW, rule: { person: 'me' } });
    expect(mine.shifts.map((s) => s.person)).toEqual(['me', 'me']);
  });

  it('says a name pattern that finds nobody is to be checked, not the feed', () => {
    const text = icsFixture('goalert-personal.ics');
    const missed = expandIcs({ text, ...WINDOW, rule: { pattern: '^Shift: (.+)$' } });
    expect(missed.shifts).toEqual([]);
    expect(missed.warnings.join(' ')).toMatch(
      /2 shifts name nobody \(the name pattern finds no name in their SUMMARY\); check the layer’s name pattern/,
    );
  });

  it('takes an Opsgenie-style event title as the participant', () => {
    const { shifts } = expandIcs({ text: icsFixture('opsgenie.ics'), ...WINDOW });
    expect(shifts.map(shown)).toEqual([
      'Maria Garcia 2026-10-20T08:00:00.000Z → 2026-10-20T20:00:00.000Z',
      'Lee Chen 2026-10-20T20:00:00.000Z → 2026-10-21T08:00:00.000Z',
    ]);
  });

  it('expands a weekly Berlin rule across the end of summer time, skipping the EXDATE and following the moved week', () => {
    const { shifts, warnings } = expandIcs({ text: icsFixture('team-calendar.ics'), ...WINDOW });
    expect(warnings).toEqual([]);
    expect(shifts.map(shown)).toEqual([
      // 09:00 CEST is 07:00 UTC …
      'Kim Park 2026-10-19T07:00:00.000Z → 2026-10-20T07:00:00.000Z',
      // … and from 25 October 09:00 CET is 08:00 UTC.
      'Kim Park 2026-10-26T08:00:00.000Z → 2026-10-27T08:00:00.000Z',
      // 2 November is an EXDATE; 9 November moved to the 10th, and to Sam.
      'Sam Roe 2026-11-10T08:00:00.000Z → 2026-11-11T08:00:00.000Z',
      'Kim Park 2026-11-16T08:00:00.000Z → 2026-11-17T08:00:00.000Z',
      'Kim Park 2026-11-23T08:00:00.000Z → 2026-11-24T08:00:00.000Z',
    ]);
  });

  it('finds the person with a per-feed RE2 pattern, by its `person` group', () => {
    const text = icsFixture('opsgenie.ics').replace(/SUMMARY:(.*)/g, 'SUMMARY:[SRE] $1 (primary)');
    const rule = { pattern: '^\\[SRE\\] (?P<person>.+) \\(' };
    expect(expandIcs({ text, ...WINDOW, rule }).shifts.map((s) => s.person)).toEqual([
      'Maria Garcia',
      'Lee Chen',
    ]);
  });

  it('refuses a pattern RE2 cannot compile, naming it', () => {
    const text = icsFixture('opsgenie.ics');
    expect(() => expandIcs({ text, ...WINDOW, rule: { pattern: '(a' } })).toThrow(
      /person pattern “\(a” is not a valid RE2 pattern/,
    );
  });

  it('refuses text that is not iCalendar, saying so', () => {
    expect(() => expandIcs({ text: '<html><body>Sign in</body></html>', ...WINDOW })).toThrow(
      /not an iCalendar file/,
    );
    expect(() => expandIcs({ text: '{"schedules": []}', ...WINDOW })).toThrow(
      /not an iCalendar file/,
    );
  });

  it('cuts off a rule that repeats every second since 1970, saying which', () => {
    const { shifts, warnings } = expandIcs({ text: SECONDLY_FEED, ...WINDOW });
    expect(shifts).toEqual([]);
    expect(warnings.join(' ')).toMatch(/“On Call - Storm - Hostile” repeats too often to expand/);
  });

  it('reads a time zone the feed does not define as UTC, and says so', () => {
    const text = icsFixture('opsgenie.ics').replace(
      'DTSTART:20261020T080000Z',
      'DTSTART;TZID=Mars/Olympus:20261020T080000',
    );
    const { shifts, warnings } = expandIcs({ text, ...WINDOW });
    expect(shifts[0]?.start).toBe(Date.parse('2026-10-20T08:00:00Z'));
    expect(warnings.join(' ')).toMatch(/“Mars\/Olympus” without defining it/);
  });
});
