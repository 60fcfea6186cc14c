import { describe, expect, it } from 'vitest';
import { liftFeedUrls } from '../../../../../src/main/services/schedules/lift-feed-urls';
import { feedSecretKey } from '../../../../../src/main/services/schedules/schedule-feeds';
import type { SettingsPatch } from '../../../../../src/main/services/settings/settings-store';
import { defaultSettings } from '../../../../../src/shared/domain/settings';
import { memorySecretStore } from '../../../../support/memory-secret-store';

describe('moving plain feed URLs into the secret store', () => {
  it('keeps the layer’s person and pattern, and only the URL leaves settings', async () => {
    const settings = defaultSettings();
    settings.schedules.list = [
      {
        id: 'mine',
        name: 'Mine',
        timeZone: 'UTC',
        layers: {
          primary: {
            kind: 'ics',
            feed: 'goalert',
            url: 'https://goalert.example/api/v2/calendar?token=secret',
            person: 'Ben',
            pattern: '^(.+) On-Call',
          },
        },
        overrides: [],
      },
    ];
    const secrets = memorySecretStore();
    const updates: SettingsPatch[] = [];
    const moved = await liftFeedUrls({ settings, path: 'settings.json' }, secrets, {
      update: (patch) => {
        updates.push(patch);
        return { settings, path: 'settings.json' };
      },
    });
    expect(moved).toBe(true);
    expect(await secrets.get(feedSecretKey('goalert'))).toBe(
      'https://goalert.example/api/v2/calendar?token=secret',
    );
    expect(updates[0]?.schedules?.list?.[0]?.layers.primary).toEqual({
      kind: 'ics',
      feed: 'goalert',
      shownAs: 'https://goalert.example/…',
      person: 'Ben',
      pattern: '^(.+) On-Call',
    });
  });
});
