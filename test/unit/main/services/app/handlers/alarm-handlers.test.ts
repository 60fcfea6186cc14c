import { describe, expect, it } from 'vitest';
import { APP_SERVICES_SUITE, NOW, prodSource, useAppServicesKit } from '../app-services-kit';

describe(
  'alarm calls: alarm:snooze, alarm:doNotDisturb(State) and alarm:ringing',
  APP_SERVICES_SUITE,
  () => {
    const kit = useAppServicesKit();
    const { server, startApp, call, value, ofChannel } = kit;

    it('refuses to snooze an alert without a repeating alarm, saying why', async () => {
      startApp({ sources: [prodSource((await server()).url)] });

      const result = await call('alarm:snooze', { alertId: 'prod:nothing', minutes: 15 });

      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('not-found');
        expect(result.error.message).toContain('prod:nothing has no alarm repeating');
      }
    });

    it('turns do-not-disturb on for a while, and off', async () => {
      startApp({ sources: [prodSource((await server()).url)] });

      expect(await value('alarm:doNotDisturb', { on: true, minutes: 60 })).toEqual({
        on: true,
        until: new Date(NOW.getTime() + 3_600_000).toISOString(),
      });
      expect(await value('alarm:doNotDisturb', { on: false })).toEqual({ on: false });
    });

    it('turns it on until a time, answers the state, and pushes each change', async () => {
      startApp({ sources: [prodSource((await server()).url)] });
      const until = new Date(NOW.getTime() + 10 * 3_600_000).toISOString();

      expect(await value('alarm:doNotDisturbState', {})).toEqual({ on: false });
      expect(await value('alarm:doNotDisturb', { on: true, until })).toEqual({ on: true, until });
      expect(await value('alarm:doNotDisturbState', {})).toEqual({ on: true, until });
      await value('alarm:doNotDisturb', { on: false });

      expect(ofChannel('alarm:doNotDisturbChanged').map((e) => e.payload)).toEqual([
        { on: true, until },
        { on: false },
      ]);
    });

    it('refuses an end in the past or days ahead, saying why', async () => {
      startApp({ sources: [prodSource((await server()).url)] });
      const past = new Date(NOW.getTime() - 60_000).toISOString();

      const result = await call('alarm:doNotDisturb', { on: true, until: past });

      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad-request');
        expect(result.error.message).toContain('not within the next 2 days');
      }
      expect(await value('alarm:doNotDisturbState', {})).toEqual({ on: false });
    });

    it('answers the alarms ringing: none while nothing fires', async () => {
      startApp({ sources: [prodSource((await server()).url)] });
      expect(await value('alarm:ringing', {})).toEqual({ ringing: [] });
    });
  },
);
