import { describe, expect, it } from 'vitest';
import { APP_SERVICES_SUITE, NOW, prodSource, useAppServicesKit } from '../app-services-kit';

describe(
  'alarm calls: alarm:snooze, alarm:doNotDisturb and alarm:ringing',
  APP_SERVICES_SUITE,
  () => {
    const kit = useAppServicesKit();
    const { server, startApp, call, value } = kit;

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

    it('answers the alarms ringing: none while nothing fires', async () => {
      startApp({ sources: [prodSource((await server()).url)] });
      expect(await value('alarm:ringing', {})).toEqual({ ringing: [] });
    });
  },
);
