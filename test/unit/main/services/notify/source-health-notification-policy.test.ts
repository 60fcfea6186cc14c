import { describe, expect, it } from 'vitest';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';
import {
  createSourceHealthNotifier,
  FAILURES_BEFORE_NOTIFYING,
} from '../../../../../src/main/services/notify/source-health-notification-policy';
import type { SourceStatus } from '../../../../../src/shared/domain/source';

function ok(extra: Partial<SourceStatus> = {}): SourceStatus {
  return {
    sourceId: 'prod',
    name: 'Production',
    kind: 'alertmanager',
    url: 'http://am.example:9093',
    isDefault: false,
    health: 'ok',
    failures: 0,
    activeAlerts: 2,
    actions: [],
    ...extra,
  };
}

function failing(failures: number, extra: Partial<SourceStatus> = {}): SourceStatus {
  return ok({
    health: 'failing',
    failures,
    reason: 'http://am.example:9093 answered 503 Service Unavailable.',
    ...extra,
  });
}

function setup(options: { fail?: string; enabled?: boolean } = {}) {
  const shown: AppNotification[] = [];
  const logged: string[] = [];
  let enabled = options.enabled ?? true;
  const notifier: Notifier = {
    async notify(notification) {
      if (options.fail) throw new Error(options.fail);
      shown.push(notification);
    },
  };
  const policy = createSourceHealthNotifier({
    notifier,
    enabled: () => enabled,
    log: (level, message) => logged.push(`${level}: ${message}`),
  });
  const feed = async (...statuses: SourceStatus[]) => {
    for (const status of statuses) await policy.onStatus(status);
  };
  return { shown, logged, feed, setEnabled: (on: boolean) => (enabled = on) };
}

/** One failing status per failed poll, 1 to n. */
const failures = (n: number, extra: Partial<SourceStatus> = {}) =>
  Array.from({ length: n }, (_, i) => failing(i + 1, extra));

describe('source health notifications', () => {
  it('stays quiet over a blip shorter than the threshold', async () => {
    const { shown, feed } = setup();
    await feed(ok(), ...failures(FAILURES_BEFORE_NOTIFYING - 1), ok());
    expect(shown).toEqual([]);
  });

  it('says once that a source keeps failing, with the reason, however long it lasts', async () => {
    const { shown, feed } = setup();
    await feed(ok(), ...failures(FAILURES_BEFORE_NOTIFYING + 5));
    expect(shown).toEqual([
      {
        title: 'Not receiving alerts from Production',
        body: expect.stringContaining('http://am.example:9093 answered 503 Service Unavailable.'),
        urgency: 'normal',
      },
    ]);
    expect(shown[0]?.body).toContain('will not reach you until it recovers');
  });

  it('announces it at the third failure in a row', async () => {
    const { shown, feed } = setup();
    await feed(...failures(FAILURES_BEFORE_NOTIFYING - 1));
    expect(shown).toHaveLength(0);
    await feed(failing(FAILURES_BEFORE_NOTIFYING));
    expect(shown).toHaveLength(1);
  });

  it('falls back to a generic reason when the status gives none', async () => {
    const { shown, feed } = setup();
    await feed(...failures(FAILURES_BEFORE_NOTIFYING, { reason: undefined }));
    expect(shown[0]?.body).toMatch(/^Polling fails\./);
  });

  it('says once, quietly, that the source is back, naming where alerts come from', async () => {
    const { shown, feed } = setup();
    await feed(...failures(FAILURES_BEFORE_NOTIFYING), ok(), ok(), ok());
    expect(shown).toHaveLength(2);
    expect(shown[1]).toEqual({
      title: 'Production is back',
      body: 'Alerts from http://am.example:9093 are reaching you again.',
      urgency: 'low',
    });
  });

  it('announces a second outage after a recovery again', async () => {
    const { shown, feed } = setup();
    await feed(
      ...failures(FAILURES_BEFORE_NOTIFYING),
      ok(),
      ...failures(FAILURES_BEFORE_NOTIFYING),
    );
    expect(shown.map((n) => n.title)).toEqual([
      'Not receiving alerts from Production',
      'Production is back',
      'Not receiving alerts from Production',
    ]);
  });

  it('never says "is back" for a source whose outage was not announced', async () => {
    const { shown, feed } = setup();
    await feed(...failures(FAILURES_BEFORE_NOTIFYING - 1), ok());
    expect(shown).toEqual([]);
  });

  it('keeps each source to itself', async () => {
    const { shown, feed } = setup();
    const staging = { sourceId: 'staging', name: 'Staging' };
    await feed(
      ...failures(FAILURES_BEFORE_NOTIFYING),
      ...failures(FAILURES_BEFORE_NOTIFYING, staging),
      ok(staging),
    );
    expect(shown.map((n) => n.title)).toEqual([
      'Not receiving alerts from Production',
      'Not receiving alerts from Staging',
      'Staging is back',
    ]);
  });

  it('forgets an outage when the source is switched off', async () => {
    const { shown, feed } = setup();
    await feed(
      ...failures(FAILURES_BEFORE_NOTIFYING),
      ok({ health: 'disabled', failures: 0 }),
      ok({ health: 'pending', failures: 0 }),
      ok(),
    );
    expect(shown.map((n) => n.title)).toEqual(['Not receiving alerts from Production']);
  });

  it('sends nothing while notifications are off', async () => {
    const { shown, feed } = setup({ enabled: false });
    await feed(...failures(FAILURES_BEFORE_NOTIFYING + 2), ok());
    expect(shown).toEqual([]);
  });

  it('announces an outage that is still going on when notifications are turned back on', async () => {
    const { shown, feed, setEnabled } = setup({ enabled: false });
    await feed(...failures(FAILURES_BEFORE_NOTIFYING + 1));
    setEnabled(true);
    await feed(failing(FAILURES_BEFORE_NOTIFYING + 2), failing(FAILURES_BEFORE_NOTIFYING + 3));
    expect(shown.map((n) => n.title)).toEqual(['Not receiving alerts from Production']);
  });

  it('does not say "is back" out of nowhere when notifications were off during the outage', async () => {
    const { shown, feed, setEnabled } = setup({ enabled: false });
    await feed(...failures(FAILURES_BEFORE_NOTIFYING));
    setEnabled(true);
    await feed(ok());
    expect(shown).toEqual([]);
  });

  it('never rejects when the notifier fails, logs why, and does not retry on every poll', async () => {
    const { logged, feed } = setup({ fail: 'no notification daemon' });
    await expect(feed(...failures(FAILURES_BEFORE_NOTIFYING + 3))).resolves.toBeUndefined();
    expect(logged).toEqual([
      'warn: Could not notify "Not receiving alerts from Production": no notification daemon',
    ]);
  });
});
