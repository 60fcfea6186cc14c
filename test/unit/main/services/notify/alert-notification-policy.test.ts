import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { schedulerStateFile } from '../../../../../src/main/services/escalation/scheduler-state-file';
import { testScheduler } from '../../../../support/memory-scheduler';
import type { Alert } from '../../../../../src/shared/domain/alert';
import { defaultSettings, type Settings } from '../../../../../src/shared/domain/settings';
import type { Severity } from '../../../../../src/shared/domain/severity';
import { createAlertNotifier } from '../../../../../src/main/services/notify/alert-notification-policy';
import type { AppNotification, Notifier } from '../../../../../src/main/services/notify/notifier';

const NOW = new Date('2025-03-04T05:06:07.000Z');

function alert(name: string, severity: Severity = 'sev2', extra: Partial<Alert> = {}): Alert {
  return {
    id: `prod:${name}`,
    sourceId: 'prod',
    fingerprint: name,
    status: 'firing',
    severity,
    title: name,
    summary: `${name} summary`,
    labels: { alertname: name },
    annotations: {},
    startsAt: '2025-03-04T05:00:00.000Z',
    ...extra,
  };
}

function withSettings(change: (s: Settings) => Settings = (s) => s): Settings {
  return change({
    ...defaultSettings(),
    sources: [
      {
        kind: 'alertmanager',
        id: 'prod',
        name: 'Production',
        url: 'http://am.example:9093',
        intervalSeconds: 15,
        timeoutSeconds: 10,
        enabled: true,
        severityWords: {},
        peerUrls: [],
        ackMinutes: 60,
        push: false,
        auth: 'none',
      },
    ],
  });
}

/** A notifier that remembers what it was asked to show, or fails like a missing daemon. */
function recorder(fail?: string) {
  const shown: AppNotification[] = [];
  const notifier: Notifier = {
    async notify(notification) {
      if (fail) throw new Error(fail);
      shown.push(notification);
    },
  };
  return { shown, notifier };
}

function setup(options: { settings?: Settings; fail?: string } = {}) {
  const { shown, notifier } = recorder(options.fail);
  const logged: string[] = [];
  let settings = options.settings ?? withSettings();
  const policy = createAlertNotifier({
    notifier,
    settings: () => settings,
    log: (line) => logged.push(line),
    clock: { now: () => NOW },
  });
  return { policy, shown, logged, setSettings: (next: Settings) => (settings = next) };
}

describe('alert notification policy', () => {
  it('raises one notification for a new firing alert, in the team vocabulary, urgency by severity', async () => {
    const { policy, shown } = setup();
    await policy.onAlertsChanged({
      added: [
        alert('HighErrorRate', 'sev1', { labels: { service: 'checkout', instance: 'web-1:9100' } }),
      ],
    });
    expect(shown).toEqual([
      {
        title: 'SEV1 · HighErrorRate',
        body: 'HighErrorRate summary\nProduction · service=checkout · instance=web-1:9100',
        urgency: 'critical',
        // Names its alert, so a notifier with actions can offer Acknowledge and Snooze on it.
        alertId: 'prod:HighErrorRate',
      },
    ]);
  });

  it.each([
    ['sev1', 'critical'],
    ['sev2', 'normal'],
    ['sev3', 'normal'],
    ['sev4', 'low'],
  ] as const)('a %s alert is %s', async (severity, urgency) => {
    // sev4 is silent by default; a team that wants to hear it sets its alarm to once.
    const { policy, shown } = setup({
      settings: withSettings((s) => ({
        ...s,
        alarm: { ...s.alarm, sev4: { mode: 'once', repeatSeconds: 60 } },
      })),
    });
    await policy.onAlertsChanged({ added: [alert('A', severity)] });
    expect(shown.map((n) => n.urgency)).toEqual([urgency]);
  });

  it('names the severity the way the team does (P0–P3)', async () => {
    const { policy, shown } = setup({
      settings: withSettings((s) => ({ ...s, severityScale: 'p0-p3' })),
    });
    await policy.onAlertsChanged({ added: [alert('Down', 'sev1')] });
    expect(shown[0]?.title).toBe('P0 · Down');
  });

  it('names an unconfigured source by its id, and leaves out a missing summary', async () => {
    const { policy, shown } = setup();
    await policy.onAlertsChanged({
      added: [
        alert('Down', 'sev2', { sourceId: 'staging', id: 'staging:Down', summary: undefined }),
      ],
    });
    expect(shown[0]?.body).toBe('staging');
  });

  it('does not repeat an alert that later polls report again, changed or re-added', async () => {
    const { policy, shown } = setup();
    const firing = alert('Down');
    await policy.onAlertsChanged({ added: [firing] });
    await policy.onAlertsChanged({ added: [], changed: [{ ...firing, summary: 'new text' }] });
    await policy.onAlertsChanged({ added: [firing] });
    expect(shown).toHaveLength(1);
  });

  it('announces an alert again when it fires again after it resolved', async () => {
    const { policy, shown } = setup();
    const firing = alert('Flapping');
    await policy.onAlertsChanged({ added: [firing] });
    await policy.onAlertsChanged({ added: [], resolved: [{ ...firing, status: 'resolved' }] });
    await policy.onAlertsChanged({ added: [firing] });
    expect(shown.map((n) => n.title)).toEqual(['SEV2 · Flapping', 'SEV2 · Flapping']);
  });

  it('stays quiet about silenced alerts until the silence ends and they fire', async () => {
    const { policy, shown } = setup();
    const silenced = alert('Silenced', 'sev2', { status: 'suppressed' });
    await policy.onAlertsChanged({ added: [silenced] });
    expect(shown).toEqual([]);
    await policy.onAlertsChanged({ added: [], changed: [{ ...silenced, status: 'firing' }] });
    expect(shown.map((n) => n.title)).toEqual(['SEV2 · Silenced']);
  });

  it('announces more than three new alerts with one summary, worst first, urgency from the worst, sev4 left silent', async () => {
    const { policy, shown } = setup();
    await policy.onAlertsChanged({
      added: [
        alert('A', 'sev3'),
        alert('B', 'sev4'),
        alert('C', 'sev2'),
        alert('D', 'sev3'),
        alert('E', 'sev4'),
        alert('F', 'sev2'),
        alert('G', 'sev4'),
      ],
    });
    expect(shown).toEqual([
      {
        title: '4 alerts firing',
        body: 'SEV2 · C (Production)\nSEV2 · F (Production)\nSEV3 · A (Production)\n…and 1 more',
        urgency: 'normal',
      },
    ]);
  });

  it('announces three new alerts one by one', async () => {
    const { policy, shown } = setup();
    await policy.onAlertsChanged({ added: [alert('A'), alert('B'), alert('C')] });
    expect(shown.map((n) => n.title)).toEqual(['SEV2 · A', 'SEV2 · B', 'SEV2 · C']);
  });

  it('raises nothing while notifications are turned off', async () => {
    const { policy, shown } = setup({
      settings: withSettings((s) => ({
        ...s,
        notifications: { enabled: false, minSeverity: 'sev4' },
      })),
    });
    await policy.onAlertsChanged({ added: [alert('Down', 'sev1')] });
    expect(shown).toEqual([]);
  });

  it('raises nothing for alerts milder than the minimum severity, and counts only the rest', async () => {
    const { policy, shown } = setup({
      settings: withSettings((s) => ({
        ...s,
        notifications: { enabled: true, minSeverity: 'sev2' },
      })),
    });
    await policy.onAlertsChanged({
      added: [
        alert('A', 'sev3'),
        alert('B', 'sev4'),
        alert('C', 'sev1'),
        alert('D', 'sev3'),
        alert('E', 'sev2'),
      ],
    });
    expect(shown.map((n) => n.title)).toEqual(['SEV1 · C', 'SEV2 · E']);
  });

  it('reads the settings at each change, so turning notifications back on applies at once', async () => {
    const { policy, shown, setSettings } = setup({
      settings: withSettings((s) => ({
        ...s,
        notifications: { enabled: false, minSeverity: 'sev4' },
      })),
    });
    await policy.onAlertsChanged({ added: [alert('A')] });
    setSettings(withSettings());
    await policy.onAlertsChanged({ added: [alert('B')] });
    expect(shown.map((n) => n.title)).toEqual(['SEV2 · B']);
  });

  it('never throws when notifying fails: it logs and reports the failure until one succeeds', async () => {
    const { policy, logged } = setup({ fail: 'No notification daemon answered.' });
    await expect(
      policy.onAlertsChanged({ added: [alert('Down', 'sev1')] }),
    ).resolves.toBeUndefined();
    expect(policy.lastError()).toEqual({
      message: 'No notification daemon answered.',
      at: NOW.toISOString(),
    });
    expect(logged).toEqual([
      'Notifications: "SEV1 · Down" was not shown: No notification daemon answered.',
    ]);
  });

  it('clears the reported failure once a notification gets through', async () => {
    let failing = true;
    const policy = createAlertNotifier({
      notifier: {
        async notify() {
          if (failing) throw new Error('down');
        },
      },
      settings: () => withSettings(),
      log: () => {},
      clock: { now: () => NOW },
    });
    await policy.onAlertsChanged({ added: [alert('A')] });
    expect(policy.lastError()?.message).toBe('down');
    failing = false;
    await policy.onAlertsChanged({ added: [alert('B')] });
    expect(policy.lastError()).toBeUndefined();
  });

  it('sends a test notification and says whether it was delivered', async () => {
    const ok = setup();
    await expect(ok.policy.sendTest()).resolves.toEqual({ delivered: true });
    expect(ok.shown).toHaveLength(1);

    const failing = setup({ fail: 'no daemon' });
    await expect(failing.policy.sendTest()).resolves.toEqual({
      delivered: false,
      error: 'no daemon',
    });
  });
});

describe('what was announced, remembered across restarts', () => {
  let home: string;
  const running: { close(): Promise<void> }[] = [];
  beforeEach(async () => {
    home = await mkdtemp(path.join(os.tmpdir(), 'announced-'));
  });
  afterEach(async () => {
    for (const s of running.splice(0)) await s.close();
    await rm(home, { recursive: true, force: true });
  });

  /** The policy over a scheduler in `home`; calling it again is the app restarting. */
  async function boot(answered: (id: string) => boolean = () => false) {
    const { shown, notifier } = recorder();
    const clock = { now: () => NOW };
    const scheduler = testScheduler(
      clock,
      schedulerStateFile(path.join(home, 'escalation'), clock, () => undefined),
    );
    running.push(scheduler);
    await scheduler.open();
    const policy = createAlertNotifier({
      notifier,
      settings: () => withSettings(),
      log: () => undefined,
      clock,
      memory: scheduler,
      answered,
    });
    return { policy, shown, scheduler };
  }

  it('does not announce a still-firing alert again after a restart, and its alarm repeat survives', async () => {
    const first = await boot();
    await first.policy.onAlertsChanged({ added: [alert('Down', 'sev1')] });
    expect(first.shown.map((n) => n.title)).toEqual(['SEV1 · Down']);
    await first.scheduler.close();

    // The first poll after a restart reports every alert as new.
    const second = await boot();
    await second.policy.onAlertsChanged({ added: [alert('Down', 'sev1')] });
    expect(second.shown).toEqual([]);
    expect(second.scheduler.state().deadlines).toMatchObject([
      { kind: 'alarm-repeat', subject: 'prod:Down', dueAt: '2025-03-04T05:07:07.000Z' },
    ]);
  });

  it('announces again an alert that resolved, also one that ended while the app was closed', async () => {
    const first = await boot();
    await first.policy.onAlertsChanged({ added: [alert('A'), alert('B')] });
    await first.policy.onAlertsChanged({ added: [], resolved: [alert('A')] });
    await first.scheduler.close();

    // B ended while the app was closed: its source answers without it, so it is forgotten.
    const second = await boot(() => true);
    await second.policy.onAlertsChanged({ added: [], alerts: [] });
    expect(Object.keys(second.scheduler.state().announced)).toEqual([]);
    await second.policy.onAlertsChanged({ added: [alert('A'), alert('B')] });
    expect(second.shown.map((n) => n.title)).toEqual(['SEV2 · A', 'SEV2 · B']);
  });
});
