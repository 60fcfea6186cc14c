import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { plainFileEncryptor } from '../../../../../../src/main/services/secrets/encryptor';
import { openSecretStore } from '../../../../../../src/main/services/secrets/open-secret-store';
import { startPageReceiver, type PageReceiver } from '../../../../../support/page-receiver';
import { APP_SERVICES_SUITE, WAIT, useAppServicesKit } from '../app-services-kit';

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';

describe('outbound channels over IPC', APP_SERVICES_SUITE, () => {
  const kit = useAppServicesKit();
  const { startApp, call, value } = kit;
  let receiver: PageReceiver;
  const stored = () =>
    openSecretStore({
      home: kit.home,
      clock: kit.clock,
      log: () => {},
      encryptor: plainFileEncryptor,
    });

  beforeEach(async () => {
    receiver = await startPageReceiver();
  });
  afterEach(async () => {
    await receiver.close();
  });

  const escalation = () => ({
    channels: [
      { kind: 'slack' as const, id: 'incident', name: 'Incident channel' },
      {
        kind: 'pagerduty' as const,
        id: 'pd',
        name: 'PagerDuty',
        eventsUrl: `${receiver.url}/v2/enqueue`,
      },
    ],
  });

  it('keeps a webhook URL in the secret store, never in settings.json, and sends a test page with it', async () => {
    startApp({ escalation: escalation() });
    const url = `${receiver.url}/services/T1/B1/abcdefSECRET123`;
    expect(await value('channel:setSecret', { channelId: 'incident', secret: url })).toEqual({
      channelId: 'incident',
      set: true,
      hint: '••••T123',
    });
    expect(await stored().get('channel:incident')).toBe(url);
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).not.toContain('abcdefSECRET123');
    expect((await value('channels:secrets', {})).channels).toEqual([
      { channelId: 'incident', set: true, hint: '••••T123' },
      { channelId: 'pd', set: false },
    ]);

    const entry = await value('channel:test', { channelId: 'incident' });
    expect(entry).toMatchObject({ action: 'test', result: 'sent', attempts: 1 });
    expect(receiver.received[0]?.body).toMatchObject({ text: 'Test page from On-Call Companion' });
    expect((await value('outbound:list', {})).entries[0]).toEqual(entry);
    expect(kit.ofChannel('outbound:recorded').map((e) => e.payload.result)).toEqual([
      'sending',
      'sent',
    ]);
  });

  it('refuses a secret its channel cannot use, saying what it takes', async () => {
    startApp({ escalation: escalation() });
    expect(
      await call('channel:setSecret', { channelId: 'pd', secret: 'https://example.com' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'bad-request',
        message:
          'Not stored for PagerDuty: a PagerDuty routing key is the 32 letters and digits of an Events API v2 integration (Integration Key).',
      },
    });
    expect(
      await call('channel:setSecret', { channelId: 'nope', secret: ROUTING_KEY }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await stored().get('channel:pd')).toBeUndefined();
  });

  it('refuses to save a policy paging an unknown channel, with the reason, and keeps the file', async () => {
    startApp({ escalation: escalation() });
    const before = fs.readFileSync(kit.settingsFile(), 'utf8');
    const result = await call('settings:update', {
      escalation: {
        ...escalation(),
        policies: [
          {
            id: 'p',
            name: 'P',
            levels: [{ delayMinutes: 5, targets: [{ kind: 'channel', id: 'sms' }] }],
          },
        ],
        rules: [],
        defaultPolicy: 'p',
      },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(!result.ok && result.error.issues).toContain(
      'escalation.policies.0.levels.0.targets.0.id: level 1 of policy "P" pages channel "sms", which does not exist; add that channel or pick another',
    );
    expect(fs.readFileSync(kit.settingsFile(), 'utf8')).toBe(before);
  });

  it('forgets the secret of a channel removed from the settings', async () => {
    startApp({ escalation: escalation() });
    await value('channel:setSecret', { channelId: 'pd', secret: ROUTING_KEY });
    await value('settings:update', {
      escalation: {
        channels: [escalation().channels[0]!],
        policies: [],
        rules: [],
        defaultPolicy: null,
      },
    });
    await vi.waitFor(async () => expect(await stored().get('channel:pd')).toBeUndefined(), WAIT);
  });
});
