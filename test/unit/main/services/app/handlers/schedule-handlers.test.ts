import { describe, expect, it, vi } from 'vitest';
import { APP_SERVICES_SUITE, useAppServicesKit } from '../app-services-kit';

// NOW is Sunday 1 March 2026, 03:00 in Berlin: Ana has the week from Monday 23 February.
const platform = {
  id: 'platform',
  name: 'Platform',
  timeZone: 'Europe/Berlin',
  layers: {
    primary: { kind: 'rotation' as const, participants: ['Ana', 'Ben'], startDate: '2026-02-23' },
    secondary: { kind: 'rotation' as const, participants: ['Ben', 'Ana'], startDate: '2026-02-23' },
  },
};

describe('schedules:onCall in the running app', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { startApp, value, call, ofChannel } = kit;

  it('answers who is on call now and next per layer, and my next shift by the profile name', async () => {
    startApp({ profile: { name: 'Ben' }, schedules: { list: [platform] } });
    const summary = await value('schedules:onCall', {});
    expect(
      summary.schedules[0]?.layers.map((l) => [l.layer, l.now?.person, l.next?.person]),
    ).toEqual([
      ['primary', 'Ana', 'Ben'],
      ['secondary', 'Ben', 'Ana'],
    ]);
    expect(summary.myNext).toMatchObject({
      scheduleName: 'Platform',
      layer: 'primary',
      shift: { start: Date.parse('2026-03-02T08:00:00Z') },
    });
    expect(summary.mineNow).toMatchObject([{ layer: 'secondary' }]);
    // The tray says it too, as one line, once the scheduler has opened its file.
    await vi.waitFor(() =>
      expect(kit.services?.tray.input().onCall).toBe('You are on call (secondary, Platform)'),
    );
  });

  it('names who is on call in the tray, and nothing there without schedules', async () => {
    startApp({ profile: { name: 'Cy' } });
    await vi.waitFor(() => expect(() => kit.services?.tray.input()).not.toThrow());
    expect(kit.services?.tray.input().onCall).toBeUndefined();
    await value('settings:update', { schedules: { list: [platform] } });
    expect(kit.services?.tray.input().onCall).toBe('On call: Ana (Platform)');
  });

  it('refuses bad schedules with the reason and pushes schedules:changed for good ones', async () => {
    startApp({ profile: { name: 'Ben' } });
    const bad = await call('settings:update', {
      schedules: { list: [{ ...platform, timeZone: 'Mars/Olympus' }] },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('"Mars/Olympus" is not a known time zone');
    expect((await value('schedules:onCall', {})).schedules).toEqual([]);

    await value('settings:update', { schedules: { list: [platform] } });
    const pushed = ofChannel('schedules:changed').at(-1)?.payload;
    expect(pushed?.schedules[0]?.layers[0]?.now?.person).toBe('Ana');
  });
});
