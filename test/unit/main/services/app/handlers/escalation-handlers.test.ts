import { describe, expect, it } from 'vitest';
import { APP_SERVICES_SUITE, prodSource, useAppServicesKit } from '../app-services-kit';

describe('alert:escalation', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { server, startApp, call } = kit;

  it('refuses an alert no source reports, naming it', async () => {
    startApp({ sources: [prodSource((await server()).url)] });

    const result = await call('alert:escalation', { alertId: 'prod:nothing' });

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-found');
      expect(result.error.message).toContain('prod:nothing');
    }
  });
});
