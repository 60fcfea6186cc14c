import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDbusNotifier } from '../../../../../src/main/services/notify/dbus-notifier';

describe('D-Bus notifier', () => {
  it('says why when there is no session bus, so the caller keeps its plain notifier', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'no-bus-'));
    try {
      await expect(
        openDbusNotifier({
          busAddress: `unix:path=${path.join(dir, 'bus')}`,
          onAction: () => undefined,
        }),
      ).rejects.toThrow(/D-Bus session bus failed: connect ENOENT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await expect(openDbusNotifier({ busAddress: '', onAction: () => undefined })).rejects.toThrow(
      'No D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set).',
    );
  });
});
