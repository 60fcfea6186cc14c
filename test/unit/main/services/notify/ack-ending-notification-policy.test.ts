import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAckEndingNotifier,
  type AckEndingNotifier,
} from '../../../../../src/main/services/notify/ack-ending-notification-policy';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';
import type { Alert } from '../../../../../src/shared/domain/alert';

const HOUR_MS = 60 * 60_000;

/** An alert acknowledged by `by` until `until`, still firing (muted) at its source. */
function acked(fingerprint: string, until: string, by = 'Ada', extra: Partial<Alert> = {}): Alert {
  const ref = `ack-${fingerprint}`;
  return {
    id: `prod:${fingerprint}`,
    sourceId: 'prod',
    fingerprint,
    status: 'suppressed',
    severity: 'sev2',
    title: `Alert${fingerprint}`,
    labels: {},
    annotations: {},
    startsAt: '2026-03-01T00:00:00.000Z',
    ack: { by, at: '2026-03-01T01:00:00.000Z', via: 'source', until, ref },
    silences: [
      {
        id: ref,
        createdBy: by,
        comment: 'ACK!',
        startsAt: '2026-03-01T01:00:00.000Z',
        endsAt: until,
      },
    ],
    ...extra,
  };
}

describe('acknowledgement ending notifications', () => {
  let policy: AckEndingNotifier | undefined;
  afterEach(() => policy?.stop());

  function setup(options: { enabled?: boolean; fail?: boolean } = {}) {
    let now = new Date('2026-03-01T01:49:00.000Z');
    const shown: AppNotification[] = [];
    const logs: string[] = [];
    const state = { alerts: [] as Alert[], enabled: options.enabled ?? true };
    const notifier: Notifier = {
      async notify(notification) {
        if (options.fail) throw new Error('no notification daemon');
        shown.push(notification);
      },
    };
    policy = createAckEndingNotifier({
      clock: { now: () => now },
      notifier,
      enabled: () => state.enabled,
      alerts: () => state.alerts,
      actor: () => 'Ada',
      log: (level, message) => logs.push(`${level}: ${message}`),
      // No wake-up fires during a test: each check is called by hand.
      recheckMs: HOUR_MS,
    });
    const check = policy.check;
    const at = (iso: string) => {
      now = new Date(iso);
    };
    return { shown, logs, state, check, at };
  }

  it('says once, ten minutes before, that an acknowledgement ends while the alert fires', async () => {
    const { shown, state, check, at } = setup();
    state.alerts = [acked('1', '2026-03-01T02:00:00.000Z')];
    await check();
    expect(shown).toEqual([]);

    at('2026-03-01T01:51:00.000Z');
    await check();
    expect(shown).toEqual([
      {
        title: 'Acknowledgement of Alert1 ends in 9 min — it still fires',
        body: 'Extend it from the alert, or it notifies again when the silence ends.',
        urgency: 'normal',
      },
    ]);
    at('2026-03-01T01:55:00.000Z');
    await check();
    expect(shown).toHaveLength(1);
  });

  it('announces an extended acknowledgement again when its new end comes near', async () => {
    const { shown, state, check, at } = setup();
    at('2026-03-01T01:55:00.000Z');
    state.alerts = [acked('1', '2026-03-01T02:00:00.000Z')];
    await check();
    state.alerts = [acked('1', '2026-03-01T03:00:00.000Z')];
    at('2026-03-01T02:52:00.000Z');
    await check();
    expect(shown.map((n) => n.title)).toEqual([
      'Acknowledgement of Alert1 ends in 5 min — it still fires',
      'Acknowledgement of Alert1 ends in 8 min — it still fires',
    ]);
  });

  it("leaves out a teammate's acknowledgement, a resolved alert and one another silence outlasts", async () => {
    const { shown, state, check } = setup();
    const until = '2026-03-01T01:55:00.000Z';
    const muted = acked('4', until);
    state.alerts = [
      acked('2', until, 'Grace'),
      acked('3', until, 'Ada', { status: 'resolved' }),
      {
        ...muted,
        silences: [
          ...(muted.silences ?? []),
          {
            id: 'm',
            createdBy: 'x',
            comment: 'maintenance',
            startsAt: until,
            endsAt: '2026-03-01T05:00:00.000Z',
          },
        ],
      },
    ];
    await check();
    expect(shown).toEqual([]);
  });

  it('makes one summary when many end together', async () => {
    const { shown, state, check } = setup();
    state.alerts = ['1', '2', '3', '4', '5'].map((f) => acked(f, '2026-03-01T01:58:00.000Z'));
    await check();
    expect(shown).toEqual([
      {
        title: 'Acknowledgements of 5 alerts end within 10 min — they still fire',
        body: 'Alert1, Alert2, Alert3 and 2 more. Extend them, or they notify again when their silences end.',
        urgency: 'normal',
      },
    ]);
  });

  it('says nothing while notifications are off, and tells once they are on again', async () => {
    const { shown, state, check } = setup({ enabled: false });
    state.alerts = [acked('1', '2026-03-01T01:58:00.000Z')];
    await check();
    expect(shown).toEqual([]);
    state.enabled = true;
    await check();
    expect(shown).toHaveLength(1);
  });

  it('logs a notifier failure once, without retrying every check', async () => {
    const { logs, state, check } = setup({ fail: true });
    state.alerts = [acked('1', '2026-03-01T01:58:00.000Z')];
    await check();
    await check();
    expect(logs).toEqual([
      'warn: Could not notify "Acknowledgement of Alert1 ends in 9 min — it still fires": no notification daemon',
    ]);
  });

  // All shift on a laptop battery (issue 10): an app with nothing to announce must not wake.
  describe('wake-ups', () => {
    beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
    afterEach(() => vi.useRealTimers());

    it('sets no timer while no acknowledgement with an end holds, and one while one does', async () => {
      const { state, check } = setup();
      state.alerts = [acked('1', '2026-03-01T01:48:00.000Z')]; // lapsed a minute ago
      await check();
      expect(vi.getTimerCount()).toBe(0);

      state.alerts = [acked('1', '2026-03-01T03:00:00.000Z')];
      await check();
      expect(vi.getTimerCount()).toBe(1);
    });

    it("keeps checking while a teammate's acknowledgement holds: the profile name may change to theirs", async () => {
      const { state, check } = setup();
      state.alerts = [acked('1', '2026-03-01T03:00:00.000Z', 'Grace')];
      await check();
      expect(vi.getTimerCount()).toBe(1);
    });
  });
});
