import { afterEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../../../src/shared/domain/settings';
import {
  startEscalationHarness,
  type EscalationHarness,
} from '../../../../support/escalation-harness';

const MIN = 60_000;

/** The default policy with its second level paging the incident channel instead of a schedule. */
function channelAtLevel2(settings: Settings): Settings {
  const policies = settings.escalation.policies.map((policy) =>
    policy.id === 'default'
      ? {
          ...policy,
          levels: policy.levels.map((level, i) =>
            i === 1 ? { ...level, targets: [{ kind: 'channel' as const, id: 'incident' }] } : level,
          ),
        }
      : policy,
  );
  return { ...settings, escalation: { ...settings.escalation, policies } };
}

describe('escalation steps: pages to others when nobody acknowledges', () => {
  let h: EscalationHarness;
  afterEach(async () => {
    // Every test claims each notification and page it expects; any other fails it.
    try {
      await h.assertNoUnexpected();
    } finally {
      await h.close();
    }
  });

  async function firing(name = 'Disk') {
    h = await startEscalationHarness({ settings: channelAtLevel2 });
    h.fire(name, 'sev3');
    await h.poll();
    h.expectNotification(`SEV3 · ${name}`);
  }

  it('pages the channel of level 2 after level 1’s 5 minutes, once; the manager schedule with nobody on call is skipped', async () => {
    await firing();
    await h.advance(5 * MIN - 1_000);
    await h.assertNoUnexpected();
    await h.advance(1_000);
    const page = h.expectPage('Disk', 2);
    expect(page).toMatchObject({
      targets: ['channel:incident'],
      at: '2026-03-01T10:05:00.000Z',
      repeat: 0,
    });
    await h.advance(30 * MIN);
    expect(h.logs.some((l) => l.includes('nobody is on call in schedule "manager"'))).toBe(true);
    expect(h.pending()).toEqual([]);
  });

  it.each([
    ['I acknowledge it', 'me'],
    ['a teammate silences it at the source', 'teammate'],
  ] as const)('pages nobody when %s before the delay, and nothing stays pending', async (_, by) => {
    await firing();
    await h.advance(3 * MIN);
    h.ack('Disk', by);
    await h.poll();
    expect(h.pending().filter((d) => d.kind === 'escalation-step')).toEqual([]);
    await h.advance(20 * MIN);
  });

  it('pages nobody once the alert resolves', async () => {
    await firing();
    h.resolve('Disk');
    await h.advance(MIN);
    await h.poll();
    await h.advance(20 * MIN);
  });

  it('a restart neither loses the pending step nor pages it again', async () => {
    await firing();
    await h.advance(3 * MIN);
    await h.restart(MIN);
    await h.poll();
    await h.advance(MIN);
    h.expectPage('Disk', 2);
    await h.restart(MIN);
    await h.poll();
    await h.advance(20 * MIN);
  });

  it('a step due while the app was down is paged at the first poll after start, saying how late', async () => {
    await firing();
    await h.stop();
    await h.restart(20 * MIN);
    await h.assertNoUnexpected(); // its source has not answered yet: the step waits
    await h.poll();
    expect(h.expectPage('Disk', 2).at).toBe('2026-03-01T10:20:00.000Z');
    const fired = h.deadlines().find((d) => d.kind === 'escalation-step' && d.level === 2);
    expect(fired?.lateMs).toBe(15 * MIN);
    expect(h.logs.some((l) => l.includes('level 2 of prod:Disk paged 15 min late'))).toBe(true);
  });

  it('a snooze moves the pending step on by its length, then the escalation goes on', async () => {
    await firing();
    await h.advance(2 * MIN);
    await h.snooze('Disk', 15);
    await h.advance(15 * MIN);
    await h.assertNoUnexpected();
    await h.restart();
    await h.poll();
    await h.advance(3 * MIN);
    expect(h.expectPage('Disk', 2).at).toBe('2026-03-01T10:20:00.000Z');
  });

  it('an alert first seen already firing for a while starts at the level it reached, not every level at once', async () => {
    h = await startEscalationHarness({ settings: channelAtLevel2 });
    h.fire('Disk', 'sev3');
    await h.stop();
    await h.restart(7 * MIN);
    await h.poll();
    h.expectNotification('SEV3 · Disk');
    expect(h.expectPage('Disk', 2).at).toBe('2026-03-01T10:07:00.000Z');
  });
});
