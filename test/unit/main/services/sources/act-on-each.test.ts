import { describe, expect, it } from 'vitest';
import { actOnEach } from '../../../../../src/main/services/sources/act-on-each';
import { makeAlert } from '../../../shared/make-alert';

describe('actOnEach', () => {
  const alerts = [makeAlert('a', { title: 'Disk full' }), makeAlert('b', { title: 'CPU hot' })];

  it('acts on every alert and resolves when all took', async () => {
    const done: string[] = [];
    await actOnEach(alerts, async (alert) => done.push(alert.id));
    expect(done.sort()).toEqual(['prod:a', 'prod:b']);
  });

  it("rejects with one alert's own error, and names each failed one among several", async () => {
    const refused = new Error('409 already resolved');
    await expect(actOnEach(alerts.slice(0, 1), async () => Promise.reject(refused))).rejects.toBe(
      refused,
    );
    await expect(
      actOnEach(alerts, async (alert) => {
        if (alert.id === 'prod:b') throw new Error('403 not allowed');
      }),
    ).rejects.toThrow('1 of 2 were not done: CPU hot: 403 not allowed');
  });
});
