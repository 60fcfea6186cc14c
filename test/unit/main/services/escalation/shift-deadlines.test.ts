import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../../src/shared/domain/settings';
import { scheduleSettingsSchema } from '../../../../../src/shared/schedules/schedule-settings';
import {
  startEscalationHarness,
  type EscalationHarness,
} from '../../../../support/escalation-harness';

const MIN = 60_000;

/** Platform: Ana and me (the harness's user) take weeks in turn, handing over Mondays 09:00 Berlin. */
function withPlatform(settings: Settings): Settings {
  const schedules = scheduleSettingsSchema.parse({
    list: [
      {
        id: 'platform',
        name: 'Platform',
        timeZone: 'Europe/Berlin',
        layers: {
          primary: { kind: 'rotation', participants: ['Ana', 'me'], startDate: '2026-03-16' },
          secondary: { kind: 'rotation', participants: ['Ben'], startDate: '2026-03-16' },
        },
      },
    ],
  });
  return { ...settings, schedules };
}

/** The default policy's levels 2 and 3 page Platform's primary and its secondary. */
function policyPagingPlatform(settings: Settings): Settings {
  const base = withPlatform(settings);
  const policies = base.escalation.policies.map((policy) =>
    policy.id === 'default'
      ? {
          ...policy,
          levels: [
            policy.levels[0]!,
            { delayMinutes: 5, targets: [{ kind: 'schedule' as const, id: 'platform' }] },
            { delayMinutes: 5, targets: [{ kind: 'schedule' as const, id: 'platform-secondary' }] },
          ],
        }
      : policy,
  );
  return { ...base, escalation: { ...base.escalation, policies } };
}

describe('shift reminders and shift changes on the deadline scheduler', () => {
  let h: EscalationHarness;
  afterEach(async () => {
    try {
      await h.assertNoUnexpected();
    } finally {
      await h.close();
    }
  });

  const start = () =>
    startEscalationHarness({
      // Monday 23 March, 08:00 in Berlin: my shift begins at 09:00 (08:00 UTC).
      start: '2026-03-23T07:00:00.000Z',
      settings: withPlatform,
      timeZone: 'Europe/Berlin',
    });

  it('reminds me 15 minutes before my shift, once, and not again after a restart', async () => {
    h = await start();
    await h.advance(44 * MIN);
    await h.assertNoUnexpected();
    await h.advance(1 * MIN);
    h.expectNotification('Your on-call shift starts at 09:00 (primary, Platform)');
    await h.restart(MIN);
    await h.assertNoUnexpected();
  });

  it('logs the handoff once, survives restarts without repeating it, and plans the next reminder across DST', async () => {
    h = await start();
    await h.advance(45 * MIN);
    h.expectNotification(/Your on-call shift starts at 09:00/);
    await h.advance(15 * MIN);
    expect(h.shiftChanges).toMatchObject([
      {
        scheduleId: 'platform',
        layer: 'primary',
        at: '2026-03-23T08:00:00.000Z',
        from: 'Ana',
        to: 'me',
      },
    ]);
    await h.restart(MIN);
    await h.restart(MIN);
    expect(h.shiftChanges).toHaveLength(1);
    expect(await h.shiftChangeLog()).toMatchObject([{ from: 'Ana', to: 'me' }]);
    // My next week starts on 6 April at 09:00 Berlin, which is summer time by then: 07:00 UTC.
    expect(
      h
        .pending()
        .filter((d) => d.kind === 'shift-reminder')
        .map((d) => d.dueAt),
    ).toEqual(['2026-04-06T06:45:00.000Z']);
  });

  it('says a reminder missed while the app was off once, late, and the handoff it slept through once', async () => {
    h = await start();
    await h.advance(30 * MIN);
    await h.restart(20 * MIN); // off from 07:30 to 07:50 UTC
    h.expectNotification('Your on-call shift starts at 09:00 (primary, Platform)');
    await h.restart(20 * MIN); // off across the 08:00 handoff
    expect(h.shiftChanges).toMatchObject([{ from: 'Ana', to: 'me', lateMs: 10 * MIN }]);
    await h.restart(0);
    expect(h.shiftChanges).toHaveLength(1);
  });

  it('gives no reminder for a shift that began while the app was off', async () => {
    h = await start();
    await h.restart(90 * MIN);
    expect(h.shiftChanges).toHaveLength(1);
  });
});

describe('escalation levels paging an on-call schedule', () => {
  let h: EscalationHarness;
  afterEach(async () => {
    try {
      await h.assertNoUnexpected();
    } finally {
      await h.close();
    }
  });

  it('pages whoever is on call in the primary, then in the secondary layer', async () => {
    h = await startEscalationHarness({
      start: '2026-03-18T10:00:00.000Z',
      settings: policyPagingPlatform,
    });
    h.fire('Disk', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Disk');
    await h.advance(5 * MIN);
    expect(h.expectPage('Disk', 2)).toMatchObject({
      targets: ['schedule:platform'],
      people: ['Ana'],
    });
    await h.advance(5 * MIN);
    expect(h.expectPage('Disk', 3)).toMatchObject({
      targets: ['schedule:platform-secondary'],
      people: ['Ben'],
    });
  });

  it('skips a schedule level at once when nobody is on call yet', async () => {
    h = await startEscalationHarness({
      start: '2026-03-01T10:00:00.000Z',
      settings: policyPagingPlatform,
    });
    h.fire('Disk', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Disk');
    await h.advance(30 * MIN);
    expect(h.logs.some((l) => l.includes('nobody is on call in schedule "platform"'))).toBe(true);
    expect(h.pages).toEqual([]);
  });

  it('pages the person an iCalendar feed has on call, through the feed port', async () => {
    const feedSchedule = (settings: Settings): Settings => {
      const base = policyPagingPlatform(settings);
      const list = base.schedules.list.map((s) => ({
        ...s,
        layers: { primary: { kind: 'ics' as const, url: 'https://oncall.example/platform.ics' } },
      }));
      return { ...base, schedules: { ...base.schedules, list } };
    };
    h = await startEscalationHarness({
      start: '2026-03-18T10:00:00.000Z',
      settings: feedSchedule,
      shiftFeed: (url) =>
        url === 'https://oncall.example/platform.ics'
          ? [
              {
                person: 'Dee',
                start: Date.parse('2026-03-18T00:00Z'),
                end: Date.parse('2026-03-19T00:00Z'),
              },
            ]
          : [],
    });
    h.fire('Disk', 'sev3');
    await h.poll();
    h.expectNotification('SEV3 · Disk');
    await h.advance(5 * MIN);
    expect(h.expectPage('Disk', 2)).toMatchObject({ people: ['Dee'] });
    // The feed layer has no secondary: level 3 reaches nobody and is skipped.
    await h.advance(30 * MIN);
    expect(
      h.logs.some((l) => l.includes('nobody is on call in schedule "platform-secondary"')),
    ).toBe(true);
  });
});
