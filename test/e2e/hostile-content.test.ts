import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostableAlert } from '../support/alertmanager';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// The hostile-content corpus (issue 10), end to end and all real: the runbook files and alert
// labels that once stalled the main process for minutes or blanked the window, dropped into a
// running app's runbook folder and posted to a real Alertmanager while other alerts keep
// arriving. The app must keep taking alerts (a new one appears within a poll), show what it
// refused and why, and never lose its window.

/** A runbook whose front matter matches on `label` with `regex`. */
const regexRunbook = (title: string, label: string, regex: string) =>
  `---\ntitle: ${title}\nmatch:\n  ${label}: { regex: ${JSON.stringify(regex)} }\n---\n\n# ${title}\n\n1. Look closer.\n`;

const frontMatter = (title: string) => `---\ntitle: ${title}\nmatch:\n  alertname: Hostile\n---\n`;

/** 1 MB of YAML keys, under the 1 MiB file cap so the parser, not the file size, meets it. */
function manyKeys(): string {
  const keys: string[] = [];
  for (let i = 0, size = 0; size < 1_000_000; i += 1) {
    const line = `key${i}: value ${i}`;
    keys.push(line);
    size += line.length + 1;
  }
  return `---\ntitle: Many keys\n${keys.join('\n')}\n---\n\n# Many keys\n`;
}

/** About 1 MB of lists, each item one level inside the one before. */
function nestedLists(): string {
  const lines: string[] = [];
  for (let depth = 0, size = 0; size < 1_000_000; depth += 1) {
    const line = `${'  '.repeat(depth)}- level ${depth}`;
    lines.push(line);
    size += line.length + 1;
  }
  return `${frontMatter('Nested lists')}\n${lines.join('\n')}\n`;
}

/** The files of issue 10's findings 1–3, by name, and what the app must say about each. */
const HOSTILE_RUNBOOKS: Record<string, string> = {
  // Finding 1: backtracking patterns (linear with RE2), and one RE2 cannot express.
  'pod-names.md': regexRunbook('Pod names', 'pod', '([a-z]+-?)+'),
  'crash-bait.md': regexRunbook('Crash bait', 'alertname', '(.*.*)*!'),
  'lookahead.md': regexRunbook('Not canary', 'service', '(?!canary).*'),
  // Finding 2: 160 KB of nested brackets; 1 MB of front matter keys; 1 MB of nested lists.
  'brackets.md': `${frontMatter('Brackets')}\n${'['.repeat(80_000)}x${']'.repeat(80_000)}\n`,
  'many-keys.md': manyKeys(),
  'nested-lists.md': nestedLists(),
  // Finding 3: 2,500 nested block quotes.
  'quotes.md': `${frontMatter('Quotes')}\n${'>'.repeat(2_500)} deep\n`,
};

/** Refused, with the reason shown in Settings (and on the file's page). */
const REFUSED: Record<string, RegExp> = {
  'brackets.md': /parsing took longer than \d+ s and was stopped/,
  'lookahead.md': /`match\.service\.regex`: .*linear-time/,
  'many-keys.md': /front matter is \d+ KiB; the limit is 64 KiB/,
  'nested-lists.md':
    /parsing took longer than \d+ s and was stopped|nests more than \d+ levels deep/,
  'quotes.md': /nests more than \d+ levels deep/,
};

const DISK_FULL = `---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\n---\n\n1. Free space.\n`;

/** Label values that took seconds to hours against the patterns above with a backtracking engine. */
const regexBait = (length: number) => `${'a'.repeat(length - 1)}!`;

const MARKUP = '<img src=x onerror="window.hostileRan=1"><a href="https://evil.example/">go</a>';

const HOSTILE_ALERTS: PostableAlert[] = [
  { labels: { alertname: 'KubePodCrashLooping', severity: 'critical', pod: regexBait(28) } },
  { labels: { alertname: 'PodRestartStorm', severity: 'critical', pod: regexBait(34) } },
  { labels: { alertname: 'PodNameBait', severity: 'critical', pod: regexBait(40) } },
  { labels: { alertname: 'PodNamedWell', severity: 'critical', pod: 'api-web' } },
  { labels: { alertname: 'LongLabel', severity: 'critical', blob: 'x'.repeat(64 * 1024) } },
  {
    labels: {
      alertname: 'ManyLabels',
      severity: 'critical',
      ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`label_${i}`, `value ${i}`])),
    },
  },
  {
    labels: { alertname: 'MarkupLabel', severity: 'critical', markup: MARKUP },
    annotations: { summary: `p99 < 200ms & rising ${MARKUP}` },
  },
];

describe('hostile content: runbooks and labels that once froze or blanked the app', () => {
  let session: E2eSession;
  // Watches the alert list all along, never reading (a selected row would hold new alerts back).
  let page: Page;
  let watch: PageWatch;
  // Opens what the list page must not: Settings, runbooks, alert details.
  let probe: Page;
  let probeWatch: PageWatch;
  let beating = true;
  let beats = 0;
  const beatErrors: unknown[] = [];
  let heartbeat: Promise<void> | undefined;

  const alertsOf = (on: Page) => on.getByRole('region', { name: 'Alerts' });
  const showAlerts = (on: Page) =>
    on.getByRole('banner').getByRole('button', { name: 'Alerts' }).click();
  const showSettings = (on: Page) =>
    on.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  /** The window shows the app: its root has content and no part says it could not be shown. */
  const expectWhole = async (on: Page) => {
    expect(await on.locator('#root').getByRole('banner').count()).toBe(1);
    expect(await on.getByText(/^Could not show /).allTextContents()).toEqual([]);
  };
  /** Post a new alert and see it in the list page within one poll. */
  const expectNewAlertShown = async (alertname: string) => {
    await session.am.postAlerts([{ labels: { alertname, severity: 'critical' } }]);
    await alertsOf(page).getByText(alertname, { exact: true }).waitFor(WITHIN_ONE_POLL);
  };

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'hostile',
      runbooks: (folder) => writeFileSync(join(folder, 'disk-full.md'), DISK_FULL),
      // Alerts keep coming; the desktop notifications are not under test here.
      settings: { notifications: { enabled: false } },
      alerts: [{ labels: { alertname: 'DiskFull', severity: 'warning', instance: 'node-1' } }],
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1200, height: 900 } }));
    ({ page: probe, watch: probeWatch } = await session.openPage({
      viewport: { width: 1200, height: 900 },
    }));
    await alertsOf(page).getByText('DiskFull', { exact: true }).waitFor(WITHIN_ONE_POLL);
    // A new alert every half second for as long as the file runs, as on a bad night.
    heartbeat = (async () => {
      while (beating) {
        beats += 1;
        await session.am
          .postAlerts([
            { labels: { alertname: 'Heartbeat', severity: 'warning', beat: String(beats) } },
          ])
          .catch((error: unknown) => beatErrors.push(error));
        await sleep(500);
      }
    })();
  });

  afterAll(async () => {
    beating = false;
    await heartbeat;
    await session?.dispose();
  });

  it('takes the hostile folder and labels while alerts arrive, lists what it refused and why, and still shows a new alert within a poll', async () => {
    for (const [name, text] of Object.entries(HOSTILE_RUNBOOKS)) {
      writeFileSync(join(session.folder, name), text);
    }
    await session.am.postAlerts(HOSTILE_ALERTS);

    // The hostile labels reach the list while the folder is still being read.
    for (const alert of HOSTILE_ALERTS) {
      await alertsOf(page)
        .getByText(alert.labels.alertname ?? '', { exact: true })
        .waitFor(WITHIN_ONE_POLL);
    }

    await showSettings(probe);
    const section = probe.getByRole('form', { name: 'Runbooks' });
    // Read once every file is in (two of them run into the parse budget, seconds each).
    await section
      .getByText(`All runbook files (${Object.keys(HOSTILE_RUNBOOKS).length + 1})`)
      .waitFor({ timeout: 90_000 });
    const state = section.getByRole('status').filter({ hasText: /runbooks? loaded/ });
    expect(await state.innerText()).toBe('3 runbooks loaded · 5 problems');
    const problems = section.getByRole('list', { name: 'Runbook problems' }).locator('li');
    const listed = new Map<string, string>();
    for (const item of await problems.all()) {
      listed.set(
        (await item.locator('code').innerText()).trim(),
        await item.locator('.runbook-errors__message').innerText(),
      );
    }
    expect([...listed.keys()].sort()).toEqual(Object.keys(REFUSED).sort());
    for (const [file, reason] of Object.entries(REFUSED)) {
      expect(listed.get(file), file).toMatch(reason);
    }

    await expectNewAlertShown('AfterTheHostileFolder');
    await expectWhole(page);
    await expectWhole(probe);
  });

  it('matches the regex-bait labels against the backtracking patterns without stalling', async () => {
    await showAlerts(probe);
    const runbooksOf = async (alertname: string) => {
      const name = new RegExp(`\\b${alertname}\\b`);
      const row = alertsOf(probe).locator('li.alert', {
        has: probe.getByRole('button', { name }),
      });
      await row.getByRole('button', { name }).click();
      const runbooks = row.getByRole('region', { name: 'Runbooks' });
      await runbooks.getByText(/Looking for runbooks/).waitFor({ state: 'detached' });
      return runbooks;
    };
    for (const alertname of ['KubePodCrashLooping', 'PodRestartStorm', 'PodNameBait']) {
      await (
        await runbooksOf(alertname)
      )
        .getByText(/No runbook in the folder matches/)
        .waitFor(WITHIN_ONE_POLL);
    }
    await (
      await runbooksOf('PodNamedWell')
    )
      .getByRole('button', { name: 'Pod names', exact: true })
      .waitFor(WITHIN_ONE_POLL);

    await expectNewAlertShown('AfterTheRegexBait');
    await expectWhole(page);
    await expectWhole(probe);
  });

  it('opens each refused runbook with its reason, and the window stays whole', async () => {
    await showSettings(probe);
    const section = probe.getByRole('form', { name: 'Runbooks' });
    for (const [file, reason] of Object.entries(REFUSED)) {
      await section.getByRole('button', { name: `Open ${file}` }).click();
      const runbook = probe.getByRole('article');
      await runbook.getByText('This runbook file has a problem').waitFor();
      expect(await runbook.locator('.runbook__error').innerText()).toMatch(reason);
      await expectWhole(probe);
      await probe.getByRole('button', { name: '← Back to settings' }).click();
    }
    await expectNewAlertShown('AfterTheRefusedRunbooks');
  });

  it('shows hostile labels as text, all of them, and ran nothing they carried', async () => {
    await showAlerts(probe);
    const open = async (alertname: string) => {
      const name = new RegExp(`\\b${alertname}\\b`);
      const row = alertsOf(probe).locator('li.alert', {
        has: probe.getByRole('button', { name }),
      });
      await row.getByRole('button', { name }).click();
      return row;
    };
    const many = await open('ManyLabels');
    await many.getByText('label_499', { exact: true }).waitFor();
    const markup = await open('MarkupLabel');
    await markup.getByText(MARKUP, { exact: true }).first().waitFor();
    expect(await alertsOf(probe).locator('img[src="x"], a[href^="https://evil"]').count()).toBe(0);
    const long = await open('LongLabel');
    await long
      .getByText(/^x{1000}/)
      .first()
      .waitFor();

    for (const on of [page, probe]) {
      expect(await on.evaluate(() => (window as { hostileRan?: number }).hostileRan)).toBe(
        undefined,
      );
      await expectWhole(on);
    }
    expect(beatErrors).toEqual([]);
    expect(watch.console).toEqual([]);
    expect(probeWatch.console).toEqual([]);
  });
});
