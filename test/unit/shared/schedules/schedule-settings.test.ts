import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../../../src/shared/domain/settings';
import { scheduleSettingsSchema } from '../../../../src/shared/schedules/schedule-settings';

const rotation = {
  kind: 'rotation',
  participants: ['Ana', 'Ben'],
  every: 'week',
  handoffDay: 'monday',
  handoffTime: '09:00',
  startDate: '2026-03-16',
};
const platform = {
  id: 'platform',
  name: 'Platform',
  timeZone: 'Europe/Berlin',
  layers: { primary: rotation },
};

/** Every reason the schedules are refused, as `path: message`. */
function reasons(list: unknown[]): string[] {
  const result = scheduleSettingsSchema.safeParse({ list });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('schedule settings', () => {
  it('defaults to no schedules and a 15-minute reminder, also inside the settings file', () => {
    expect(scheduleSettingsSchema.parse({})).toEqual({ list: [], reminderMinutes: 15 });
    expect(settingsSchema.parse({}).schedules).toEqual({ list: [], reminderMinutes: 15 });
  });

  it('accepts a valid schedule', () => {
    expect(reasons([platform])).toEqual([]);
  });

  it('refuses a rotation with no participants, saying so', () => {
    expect(
      reasons([{ ...platform, layers: { primary: { ...rotation, participants: [] } } }]),
    ).toEqual(['list.0.layers.primary.participants: a rotation needs at least one participant']);
  });

  it('refuses an unknown time zone and names good ones', () => {
    expect(reasons([{ ...platform, timeZone: 'Europe/Atlantis' }])).toEqual([
      'list.0.timeZone: "Europe/Atlantis" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York',
    ]);
    expect(reasons([{ ...platform, timeZone: '+01:00' }])).toHaveLength(1);
  });

  it('takes a feed layer’s person and RE2 name pattern, with or without a group', () => {
    const feed = { kind: 'ics', feed: 'goalert', shownAs: 'https://goalert.example/…' };
    for (const extra of [
      { person: 'Ben' },
      { pattern: '^Shift: (.+?) \\(' },
      { pattern: '^Shift: (?P<person>\\S+)' },
      { pattern: 'Jane' },
      { person: 'Ben', pattern: '^(.+)$' },
    ]) {
      expect(reasons([{ ...platform, layers: { primary: { ...feed, ...extra } } }])).toEqual([]);
    }
  });

  it('refuses a name pattern RE2 cannot run, saying why, and an empty or overlong one', () => {
    const feed = { kind: 'ics', feed: 'goalert', shownAs: 'https://goalert.example/…' };
    const refused = (extra: object) =>
      reasons([{ ...platform, layers: { primary: { ...feed, ...extra } } }]);
    expect(refused({ pattern: '^Shift: (?=Jane)(.+)' })).toEqual([
      'list.0.layers.primary.pattern: is not a regular expression the linear-time matcher (RE2) accepts: error parsing regexp: invalid or unsupported Perl syntax: `(?=`; lookaround and backreferences are not supported',
    ]);
    expect(refused({ pattern: '(a)\\1' })[0]).toMatch(
      /^list\.0\.layers\.primary\.pattern: .*`\\1`/,
    );
    expect(refused({ pattern: '' })).toEqual([
      'list.0.layers.primary.pattern: a pattern cannot be empty; leave it out to guess the name',
    ]);
    expect(refused({ pattern: 'a'.repeat(501) })).toEqual([
      'list.0.layers.primary.pattern: must be at most 500 characters',
    ]);
    expect(refused({ person: '  ' })).toEqual([
      'list.0.layers.primary.person: a participant needs a name',
    ]);
  });

  it('refuses a rotation of fewer than 1 day', () => {
    expect(
      reasons([{ ...platform, layers: { primary: { ...rotation, every: 'days', days: 0 } } }]),
    ).toEqual(['list.0.layers.primary.days: must be at least 1 day']);
  });

  it('refuses overlapping overrides in one layer but not across layers', () => {
    const two = { ...platform, layers: { primary: rotation, secondary: rotation } };
    const a = {
      person: 'Cy',
      from: '2026-03-18T08:00:00Z',
      to: '2026-03-19T08:00:00Z',
      layer: 'primary',
    };
    const b = {
      person: 'Dee',
      from: '2026-03-18T20:00:00Z',
      to: '2026-03-20T08:00:00Z',
      layer: 'primary',
    };
    expect(reasons([{ ...two, overrides: [a, b] }])).toEqual([
      'list.0.overrides.1.from: the override for Dee overlaps the one for Cy on the primary layer; one person covers a span, so shorten or remove one',
    ]);
    expect(reasons([{ ...two, overrides: [a, { ...b, layer: 'secondary' }] }])).toEqual([]);
  });

  it('refuses an override that ends before it starts, or is on a missing layer', () => {
    const back = { person: 'Cy', from: '2026-03-19T08:00:00Z', to: '2026-03-18T08:00:00Z' };
    expect(reasons([{ ...platform, overrides: [back] }])).toEqual([
      'list.0.overrides.0.to: the override for Cy ends before it starts; set its end after 2026-03-19T08:00:00Z',
    ]);
    const onSecondary = {
      person: 'Cy',
      from: '2026-03-18T08:00:00Z',
      to: '2026-03-19T08:00:00Z',
      layer: 'secondary',
    };
    expect(reasons([{ ...platform, overrides: [onSecondary] }])[0]).toMatch(
      /secondary layer, which "Platform" does not have/,
    );
  });

  it('refuses duplicate schedule ids', () => {
    expect(reasons([platform, { ...platform, name: 'Again' }])).toEqual([
      'list.1.id: duplicate schedule id "platform"; each schedule needs its own id',
    ]);
  });

  it('refuses a handoff time that is not a time, and a bad start date', () => {
    expect(
      reasons([
        {
          ...platform,
          layers: { primary: { ...rotation, handoffTime: '25:00', startDate: '2026-02-30' } },
        },
      ]),
    ).toEqual([
      'list.0.layers.primary.handoffTime: must be a time such as 09:00 (24 h)',
      'list.0.layers.primary.startDate: must be a date such as 2026-01-05',
    ]);
  });
});
