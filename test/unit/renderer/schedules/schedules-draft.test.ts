import { describe, expect, it } from 'vitest';
import {
  checkSchedulesDraft,
  newSchedule,
  schedulesDraft,
  schedulesErrorsFromIssues,
  type SchedulesDraft,
} from '../../../../src/renderer/features/schedules/schedules-draft';

const draft = (patch: Partial<SchedulesDraft['list'][number]> = {}): SchedulesDraft => ({
  reminderMinutes: '15',
  list: [
    {
      ...newSchedule([], 'Europe/Berlin', '2026-03-16'),
      id: 'platform',
      name: 'Platform',
      ...patch,
    },
  ],
});

describe('the schedule form', () => {
  it('puts each reason at its field: no participants, unknown zone, a rotation of 0 days', () => {
    const base = draft();
    const checked = checkSchedulesDraft(
      draft({
        timeZone: 'Europe/Atlantis',
        primary: { ...base.list[0]!.primary, participants: ['  '], every: 'days', days: '0' },
      }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      'list.0.layers.primary.participants': 'a rotation needs at least one participant',
      'list.0.layers.primary.days': 'must be at least 1 day',
      'list.0.timeZone':
        '"Europe/Atlantis" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York',
    });
  });

  it('reads override times in the schedule’s zone and round-trips them', () => {
    const base = draft();
    const form = draft({
      primary: { ...base.list[0]!.primary, participants: ['Ana', 'Ben'] },
      overrides: [
        { person: 'Cy', layer: 'primary', from: '2026-07-01T09:00', to: '2026-07-02T09:00' },
      ],
    });
    const checked = checkSchedulesDraft(form);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    // 09:00 in Berlin in summer is 07:00 UTC.
    expect(checked.schedules.list[0]?.overrides[0]?.from).toBe('2026-07-01T07:00:00Z');
    expect(schedulesDraft(checked.schedules).list[0]?.overrides[0]?.from).toBe('2026-07-01T09:00');
  });

  it('refuses an override that ends before it starts, and one without times', () => {
    const base = draft();
    const checked = checkSchedulesDraft(
      draft({
        primary: { ...base.list[0]!.primary, participants: ['Ana'] },
        overrides: [
          { person: 'Cy', layer: 'primary', from: '2026-07-02T09:00', to: '2026-07-01T09:00' },
          { person: 'Dee', layer: 'primary', from: '', to: '2026-08-01T09:00' },
        ],
      }),
    );
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors['list.0.overrides.0.to']).toMatch(/ends before it starts/);
    expect(checked.errors['list.0.overrides.1.from']).toBe('must be a date and time');
  });

  it('places the reasons main answered at the form’s fields', () => {
    expect(
      schedulesErrorsFromIssues(['schedules.list.1.id: duplicate schedule id "a"', 'theme: bad']),
    ).toEqual({ 'list.1.id': 'duplicate schedule id "a"' });
  });

  describe('a feed layer', () => {
    const PD = 'webcal://acme.pagerduty.com/private/0123456789abcdef/feed/P7ZVR1U';
    const feedLayer = (patch: object) => ({
      ...draft().list[0]!.primary,
      kind: 'ics' as const,
      participants: [],
      ...patch,
    });

    it('saves a typed URL out of the settings: the layer keeps a new feed id and the address as shown', () => {
      const checked = checkSchedulesDraft(
        draft({ primary: feedLayer({ url: ` ${PD} ` }) }),
        () => 'f-new',
      );
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.schedules.list[0]?.layers.primary).toEqual({
        kind: 'ics',
        feed: 'f-new',
        shownAs: 'webcal://acme.pagerduty.com/…',
      });
      expect(JSON.stringify(checked.schedules)).not.toContain('0123456789abcdef');
      expect(checked.feedUrls).toEqual([{ feed: 'f-new', url: PD }]);
    });

    it('keeps a stored feed when no URL is typed, and shows it stored (never the URL)', () => {
      const stored = { kind: 'ics' as const, feed: 'f1', shownAs: 'https://acme.pagerduty.com/…' };
      const shown = schedulesDraft({
        reminderMinutes: 15,
        list: [{ ...checkedPlatform(), layers: { primary: stored } }],
      });
      expect(shown.list[0]?.primary).toMatchObject({
        kind: 'ics',
        feed: 'f1',
        url: '',
        replace: false,
      });
      const checked = checkSchedulesDraft(shown);
      expect(checked.ok && checked.schedules.list[0]?.layers.primary).toEqual(stored);
      expect(checked.ok && checked.feedUrls).toEqual([]);
    });

    const STORED = { feed: 'f1', shownAs: 'https://goalert.example/…' };

    it('saves its person and name pattern trimmed, leaves blank ones out, and shows them again', () => {
      const checked = checkSchedulesDraft(
        draft({
          primary: feedLayer({ ...STORED, person: '  Ben ', pattern: ' ^Shift: (.+?) \\( ' }),
        }),
      );
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.schedules.list[0]?.layers.primary).toEqual({
        kind: 'ics',
        ...STORED,
        person: 'Ben',
        pattern: '^Shift: (.+?) \\(',
      });
      expect(schedulesDraft(checked.schedules).list[0]?.primary).toMatchObject({
        person: 'Ben',
        pattern: '^Shift: (.+?) \\(',
      });

      const blank = checkSchedulesDraft(
        draft({ primary: feedLayer({ ...STORED, person: ' ', pattern: '  ' }) }),
      );
      expect(blank.ok && blank.schedules.list[0]?.layers.primary).toEqual({
        kind: 'ics',
        ...STORED,
      });
    });

    it('keeps the person and pattern with a URL typed for the first time', () => {
      const checked = checkSchedulesDraft(
        draft({ primary: feedLayer({ url: PD, person: 'Ben', pattern: '(.+)' }) }),
        () => 'f-new',
      );
      expect(checked.ok && checked.schedules.list[0]?.layers.primary).toEqual({
        kind: 'ics',
        feed: 'f-new',
        shownAs: 'webcal://acme.pagerduty.com/…',
        person: 'Ben',
        pattern: '(.+)',
      });
    });

    it('refuses a name pattern RE2 cannot compile (lookahead, backreference) at its field, saying why', () => {
      for (const [pattern, bad] of [
        ['^Shift: (?=Jane)(.+)', '`(?=`'],
        ['(\\w+) \\1', '`\\1`'],
        ['^Shift: (.+', 'missing closing )'],
      ] as const) {
        const checked = checkSchedulesDraft(draft({ primary: feedLayer({ ...STORED, pattern }) }));
        expect(checked.ok, pattern).toBe(false);
        if (checked.ok) return;
        expect(Object.keys(checked.errors)).toEqual(['list.0.layers.primary.pattern']);
        expect(checked.errors['list.0.layers.primary.pattern']).toContain(bad);
        expect(checked.errors['list.0.layers.primary.pattern']).toMatch(
          /^is not a regular expression the linear-time matcher \(RE2\) accepts: .*; lookaround and backreferences are not supported$/,
        );
      }
    });

    it('refuses a person or a pattern too long to keep, at its field', () => {
      const checked = checkSchedulesDraft(
        draft({
          primary: feedLayer({ ...STORED, person: 'B'.repeat(201), pattern: '.'.repeat(501) }),
        }),
      );
      expect(checked.ok).toBe(false);
      if (checked.ok) return;
      expect(checked.errors).toEqual({
        'list.0.layers.primary.person': expect.stringMatching(/200/),
        'list.0.layers.primary.pattern': 'must be at most 500 characters',
      });
    });

    it('refuses a new feed layer without a URL, or with one it cannot fetch, at the URL field', () => {
      for (const url of ['', 'ftp://feeds.example/x.ics']) {
        const checked = checkSchedulesDraft(draft({ primary: feedLayer({ url }) }));
        expect(checked.ok).toBe(false);
        if (checked.ok) return;
        expect(checked.errors['list.0.layers.primary.url']).toBe(
          url === '' ? 'give the feed’s URL' : 'must be an http(s):// or webcal:// URL',
        );
      }
    });
  });
});

function checkedPlatform() {
  return { id: 'platform', name: 'Platform', timeZone: 'Europe/Berlin', overrides: [] };
}
