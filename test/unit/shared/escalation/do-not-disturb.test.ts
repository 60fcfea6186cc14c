import { describe, expect, it } from 'vitest';
import {
  doNotDisturbActive,
  doNotDisturbChoices,
  doNotDisturbMeaning,
  doNotDisturbText,
  nextWallClockHour,
} from '../../../../src/shared/escalation/do-not-disturb';

const at = (iso: string) => Date.parse(iso);

describe('do-not-disturb wording', () => {
  it("says what it means in the team's severity names", () => {
    expect(doNotDisturbMeaning('sev1-4')).toBe(
      'Silences my alarms except SEV1; others are still paged.',
    );
    expect(doNotDisturbMeaning('p0-p3')).toContain('except P0;');
  });

  it('reads the end in the profile zone: today, tomorrow, or with the date', () => {
    const now = at('2026-03-10T20:00:00Z');
    const state = (until: string) => ({ on: true, until });
    expect(doNotDisturbText(state('2026-03-10T21:00:00Z'), now, 'UTC')).toBe(
      'Do not disturb until 21:00',
    );
    expect(doNotDisturbText(state('2026-03-10T21:00:00Z'), now, 'Europe/Berlin')).toBe(
      'Do not disturb until 22:00',
    );
    expect(doNotDisturbText(state('2026-03-11T07:00:00Z'), now, 'Europe/Berlin')).toBe(
      'Do not disturb until 08:00 tomorrow',
    );
    expect(doNotDisturbText(state('2026-03-14T07:00:00Z'), now, 'UTC')).toBe(
      'Do not disturb until 14 Mar 07:00',
    );
    expect(doNotDisturbText({ on: true }, now, 'UTC')).toBe('Do not disturb');
  });

  it('says nothing while off or once a timed one has ended', () => {
    const now = at('2026-03-10T20:00:00Z');
    expect(doNotDisturbText({ on: false }, now, 'UTC')).toBeUndefined();
    expect(doNotDisturbText(undefined, now, 'UTC')).toBeUndefined();
    expect(doNotDisturbActive({ on: true, until: '2026-03-10T19:59:00Z' }, now)).toBe(false);
  });
});

describe('until the morning', () => {
  it("is today's 08:00 before it, else tomorrow's, on the zone's clock", () => {
    expect(nextWallClockHour(at('2026-03-10T05:00:00Z'), 'UTC', 8)).toBe(
      '2026-03-10T08:00:00.000Z',
    );
    expect(nextWallClockHour(at('2026-03-10T08:00:00Z'), 'UTC', 8)).toBe(
      '2026-03-11T08:00:00.000Z',
    );
    expect(nextWallClockHour(at('2026-03-10T22:00:00Z'), 'America/New_York', 8)).toBe(
      '2026-03-11T12:00:00.000Z',
    );
  });

  it('is right across a DST change', () => {
    // Berlin springs forward on 29 March 2026: 08:00 is UTC+2 that morning, UTC+1 the night before.
    expect(nextWallClockHour(at('2026-03-28T21:00:00Z'), 'Europe/Berlin', 8)).toBe(
      '2026-03-29T06:00:00.000Z',
    );
  });

  it('offers turn off only while on, and names the morning', () => {
    const now = at('2026-03-10T22:00:00Z');
    const off = doNotDisturbChoices(false, now, 'UTC').map((c) => c.label);
    expect(off).toEqual(['For 1 hour', 'Until 08:00 tomorrow', 'Until I turn it off']);
    const on = doNotDisturbChoices(true, at('2026-03-10T05:00:00Z'), 'UTC').map((c) => c.label);
    expect(on).toEqual(['For 1 hour', 'Until 08:00', 'Until I turn it off', 'Turn off']);
  });
});
