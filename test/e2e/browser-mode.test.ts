import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAlertmanager, type RealAlertmanager } from '../support/alertmanager';
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode';
import { launchChromium } from '../support/chromium';
import { startNotificationDaemon, type NotificationDaemon } from '../support/notification-daemon';

// The thinnest whole path, all real: an alert posted to a real Alertmanager appears in the app
// (browser mode, in Debian's Chromium) and as a notification in a real notification daemon.
const INTERVAL_SECONDS = 2;
// One poll interval, plus the time a poll and a render take on a busy two-core machine.
const WITHIN_ONE_POLL = { timeout: (INTERVAL_SECONDS + 3) * 1000 };
// Failing and recovering go through backoff and the client's timeout, so allow longer.
const WITHIN_BACKOFF = { timeout: 30_000 };

describe('browser mode against a real Alertmanager', () => {
  let am: RealAlertmanager;
  let daemon: NotificationDaemon;
  let app: BrowserModeProcess;
  let browser: Browser;
  let page: Page;
  let home: string;
  const consoleProblems: string[] = [];

  beforeAll(async () => {
    [am, daemon] = await Promise.all([startAlertmanager(), startNotificationDaemon()]);
    home = mkdtempSync(join(tmpdir(), 'oncall-e2e-'));
    writeFileSync(
      join(home, 'settings.json'),
      JSON.stringify({
        sources: [
          {
            kind: 'alertmanager',
            id: 'local',
            name: 'Local Alertmanager',
            url: am.url,
            intervalSeconds: INTERVAL_SECONDS,
            timeoutSeconds: 2,
          },
        ],
      }),
    );
    app = await startBrowserMode({ home, env: daemon.env });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleProblems.push(message.text());
      }
    });
    page.on('pageerror', (error) => consoleProblems.push(error.message));
    await page.goto(app.url);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await Promise.all([am?.dispose(), daemon?.stop()]);
    if (home) rmSync(home, { recursive: true, force: true });
  });

  const sources = () => page.getByRole('region', { name: 'Sources' });
  const alerts = () => page.getByRole('region', { name: 'Alerts' });

  it('shows the watched source healthy and an all-clear list before anything fires', async () => {
    await expect
      .poll(() => sources().innerText(), WITHIN_ONE_POLL)
      .toMatch(/Local Alertmanager\s+OK\s/);
    await expect.poll(() => page.textContent('body')).toMatch(/all clear/i);
    // The token left the address bar once the page had read it.
    expect(page.url()).not.toContain('token=');
  });

  it('lists a posted alert within one poll interval and raises one critical notification', async () => {
    await am.postAlerts([
      {
        labels: { alertname: 'E2ECheckoutErrors', severity: 'critical', service: 'checkout' },
        annotations: { summary: 'Checkout 5xx above 5% <img src=x onerror=alert(1)>' },
      },
    ]);
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain('E2ECheckoutErrors');
    const row = alerts().getByText('E2ECheckoutErrors');
    await expect.poll(() => row.isVisible()).toBe(true);
    const text = (await alerts().textContent()) ?? '';
    expect(text).toContain('SEV1');
    expect(text).toContain('service=checkout');
    // Untrusted annotation text shows as text; nothing of it became markup.
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(await alerts().locator('img').count()).toBe(0);

    await expect
      .poll(
        async () => (await daemon.history()).filter((n) => n.summary.includes('E2ECheckoutErrors')),
        {
          timeout: 10_000,
        },
      )
      .toHaveLength(1);
    const [notification] = (await daemon.history()).filter((n) =>
      n.summary.includes('E2ECheckoutErrors'),
    );
    expect(notification?.urgency).toBe('critical');
    expect(notification?.appname).toBe('On-Call Companion');
  });

  it('does not notify again on later polls of the same alert', async () => {
    // Three more polls go by.
    await page.waitForTimeout(INTERVAL_SECONDS * 3 * 1000);
    const again = (await daemon.history()).filter((n) => n.summary.includes('E2ECheckoutErrors'));
    // The daemon's history keeps every notification ever shown: still just the one.
    expect(again).toHaveLength(1);
  });

  it('shows the source failing with the reason when Alertmanager stops, and recovers when it is back', async () => {
    await am.stop();
    await expect.poll(() => sources().innerText(), WITHIN_BACKOFF).toMatch(/FAILING/i);
    expect(await sources().textContent()).toMatch(/connect|refused/i);
    // The last known alert stays visible while the source is failing.
    expect(await alerts().textContent()).toContain('E2ECheckoutErrors');

    await am.start();
    await sources().getByRole('button', { name: 'Retry now' }).click();
    await expect
      .poll(() => sources().innerText(), WITHIN_BACKOFF)
      .toMatch(/Local Alertmanager\s+OK\s/);
  });

  it('ran without CSP violations or page errors', () => {
    expect(consoleProblems).toEqual([]);
  });
});
