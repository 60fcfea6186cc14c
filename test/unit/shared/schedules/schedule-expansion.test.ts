import { describe, expect, it } from 'vitest';
import { layerShifts } from '../../../../src/shared/schedules/layer-shifts';
import {
  layerOnCall,
  nextLayerChange,
  onCallSummary,
} from '../../../../src/shared/schedules/on-call';
import {
  scheduleSchema,
  type ScheduleInput,
} from '../../../../src/shared/schedules/schedule-schema';
import type { Shift } from '../../../../src/shared/schedules/shift';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const schedule = (input: Partial<ScheduleInput> & Pick<ScheduleInput, 'layers'>) =>
  scheduleSchema.parse({ id: 'platform', name: 'Platform', timeZone: 'Europe/Berlin', ...input });

/** Shifts as `person start→end (hours)` in UTC, easy to read in a diff. */
const lines = (shifts: readonly Shift[]) =>
  shifts.map(
    (s) =>
      `${s.person} ${new Date(s.start).toISOString().slice(0, 16)}→${new Date(s.end).toISOString().slice(0, 16)} (${(s.end - s.start) / HOUR}h)`,
  );

const weeklyBerlin = schedule({
  layers: {
    primary: {
      kind: 'rotation',
      participants: ['Ana', 'Ben'],
      every: 'week',
      handoffDay: 'monday',
      handoffTime: '09:00',
      startDate: '2026-03-12', // a Thursday: the first handoff is the Monday after
    },
  },
});

describe('rotation expansion', () => {
  it('hands a weekly rotation over on the handoff day, 09:00 Berlin on both sides of spring DST', () => {
    const shifts = layerShifts(
      weeklyBerlin,
      'primary',
      at('2026-03-01T00:00Z'),
      at('2026-04-01T00:00Z'),
    );
    expect(lines(shifts)).toEqual([
      'Ana 2026-03-16T08:00→2026-03-23T08:00 (168h)',
      // Clocks go forward on Sunday 29 March: 09:00 local is 07:00 UTC from then on.
      'Ben 2026-03-23T08:00→2026-03-30T07:00 (167h)',
      'Ana 2026-03-30T07:00→2026-04-06T07:00 (168h)',
    ]);
  });

  it('keeps 09:00 Berlin across the autumn change: that week is 169 h', () => {
    const shifts = layerShifts(
      weeklyBerlin,
      'primary',
      at('2026-10-20T00:00Z'),
      at('2026-10-27T00:00Z'),
    );
    expect(lines(shifts)[0]).toMatch(/2026-10-19T07:00→2026-10-26T08:00 \(169h\)$/);
  });

  it('makes the daily shift across a DST change 23 h in spring and 25 h in autumn (New York)', () => {
    const daily = schedule({
      timeZone: 'America/New_York',
      layers: {
        primary: {
          kind: 'rotation',
          participants: ['Ana', 'Ben', 'Cy'],
          every: 'days',
          days: 1,
          handoffTime: '09:00',
          startDate: '2026-03-06',
        },
      },
    });
    expect(
      lines(layerShifts(daily, 'primary', at('2026-03-07T14:30Z'), at('2026-03-08T16:00Z'))),
    ).toEqual([
      'Ben 2026-03-07T14:00→2026-03-08T13:00 (23h)',
      'Cy 2026-03-08T13:00→2026-03-09T13:00 (24h)',
    ]);
    const autumn = layerShifts(daily, 'primary', at('2026-10-31T15:00Z'), at('2026-10-31T16:00Z'));
    expect(lines(autumn)).toEqual([
      expect.stringMatching(/2026-10-31T13:00→2026-11-01T14:00 \(25h\)$/),
    ]);
  });

  it('rotates every N days in participant order, and has nobody before its start', () => {
    const every3 = schedule({
      layers: {
        primary: {
          kind: 'rotation',
          participants: ['Ana', 'Ben'],
          every: 'days',
          days: 3,
          handoffTime: '18:30',
          startDate: '2026-01-10',
        },
      },
    });
    expect(
      lines(layerShifts(every3, 'primary', at('2026-01-01T00:00Z'), at('2026-01-17T00:00Z'))),
    ).toEqual([
      'Ana 2026-01-10T17:30→2026-01-13T17:30 (72h)',
      'Ben 2026-01-13T17:30→2026-01-16T17:30 (72h)',
      'Ana 2026-01-16T17:30→2026-01-19T17:30 (72h)',
    ]);
    expect(layerOnCall(every3, 'primary', at('2026-01-05T00:00Z')).now).toBeUndefined();
  });

  it('finds the shift of a window years after the start without walking every shift', () => {
    const shifts = layerShifts(
      weeklyBerlin,
      'primary',
      at('2031-06-04T12:00Z'),
      at('2031-06-04T12:01Z'),
    );
    expect(shifts).toHaveLength(1);
    expect(new Date(shifts[0]!.start).toISOString()).toBe('2031-06-02T07:00:00.000Z');
  });
});

describe('overrides and layers', () => {
  const withOverride = schedule({
    layers: {
      primary: weeklyBerlin.layers.primary,
      secondary: { ...weeklyBerlin.layers.primary, participants: ['Ben', 'Ana'] } as never,
    },
    overrides: [
      { person: 'Cy', from: '2026-03-18T08:00:00Z', to: '2026-03-19T08:00:00Z', layer: 'primary' },
    ],
  });

  it('gives an override span to its person and the rest of the shift back around it', () => {
    const shifts = layerShifts(
      withOverride,
      'primary',
      at('2026-03-16T00:00Z'),
      at('2026-03-23T00:00Z'),
    );
    expect(lines(shifts)).toEqual([
      'Ana 2026-03-16T08:00→2026-03-18T08:00 (48h)',
      'Cy 2026-03-18T08:00→2026-03-19T08:00 (24h)',
      'Ana 2026-03-19T08:00→2026-03-23T08:00 (96h)',
    ]);
  });

  it('leaves the other layer alone', () => {
    const secondary = layerOnCall(withOverride, 'secondary', at('2026-03-18T12:00Z'));
    expect(secondary.now?.person).toBe('Ben');
    expect(layerOnCall(withOverride, 'primary', at('2026-03-18T12:00Z')).now?.person).toBe('Cy');
  });

  it('says who is next and when, and when the layer next changes', () => {
    const view = layerOnCall(withOverride, 'primary', at('2026-03-17T12:00Z'));
    expect(view.now?.person).toBe('Ana');
    expect(view.next).toMatchObject({ person: 'Cy', start: Date.parse('2026-03-18T08:00Z') });
    expect(nextLayerChange(withOverride, 'primary', at('2026-03-19T08:00Z'))).toBe(
      Date.parse('2026-03-23T08:00Z'),
    );
  });

  it('reads a feed layer through the port, overrides applied on top', () => {
    const feedSchedule = schedule({
      layers: { primary: { kind: 'ics', url: 'https://example.test/oncall.ics' } },
      overrides: [{ person: 'Cy', from: '2026-03-18T10:00:00Z', to: '2026-03-18T11:00:00Z' }],
    });
    const feed = (url: string) =>
      url === 'https://example.test/oncall.ics'
        ? [
            {
              person: 'Dee',
              start: Date.parse('2026-03-18T00:00Z'),
              end: Date.parse('2026-03-19T00:00Z'),
            },
          ]
        : [];
    expect(layerOnCall(feedSchedule, 'primary', at('2026-03-18T09:00Z'), feed).now?.person).toBe(
      'Dee',
    );
    expect(layerOnCall(feedSchedule, 'primary', at('2026-03-18T10:30Z'), feed).now?.person).toBe(
      'Cy',
    );
    // Without the feed service only the override is known.
    expect(layerOnCall(feedSchedule, 'primary', at('2026-03-18T09:00Z')).now).toBeUndefined();
  });
});

describe('onCallSummary', () => {
  it('says who is on call per layer and my next shift, by the profile name in any case', () => {
    const two = schedule({
      layers: {
        primary: weeklyBerlin.layers.primary,
        secondary: { ...weeklyBerlin.layers.primary, participants: ['Ben', 'Ana'] } as never,
      },
    });
    const summary = onCallSummary([two], 'ben', at('2026-03-17T12:00Z'));
    expect(
      summary.schedules[0]?.layers.map((l) => [l.layer, l.now?.person, l.next?.person]),
    ).toEqual([
      ['primary', 'Ana', 'Ben'],
      ['secondary', 'Ben', 'Ana'],
    ]);
    expect(summary.mineNow).toMatchObject([{ layer: 'secondary', scheduleName: 'Platform' }]);
    expect(summary.myNext).toMatchObject({
      layer: 'primary',
      shift: { person: 'Ben', start: Date.parse('2026-03-23T08:00Z') },
    });
    expect(onCallSummary([two], undefined, at('2026-03-17T12:00Z')).myNext).toBeUndefined();
  });
});
