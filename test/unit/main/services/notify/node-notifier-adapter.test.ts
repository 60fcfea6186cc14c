import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNodeNotifierAdapter } from '../../../../../src/main/services/notify/node-notifier-adapter';

describe('node-notifier adapter', () => {
  const saved = process.env.DBUS_SESSION_BUS_ADDRESS;

  beforeEach(() => {
    // A session bus that does not exist: what a user sees without a desktop session.
    process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/oncall-test-bus';
  });

  afterEach(() => {
    if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
  });

  it('rejects with a sentence saying no notification daemon answered, and what to expect', async () => {
    const sent = createNodeNotifierAdapter().notify({
      title: 'SEV1 · HighErrorRate',
      body: 'secret-looking alert text',
      urgency: 'critical',
    });

    await expect(sent).rejects.toThrow(
      /^No notification daemon answered \(notify-send: .+\)\. Notifications are off until one runs\.$/,
    );
    // The command line (with the alert's text) is not part of what the user reads.
    await expect(sent).rejects.not.toThrow(/Command failed|secret-looking/);
  });
});
