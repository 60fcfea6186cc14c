import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealAlertmanager } from '../support/alertmanager';
import {
  INTERVAL_SECONDS,
  startE2eSession,
  WITHIN_ONE_POLL,
  type E2eSession,
} from '../support/e2e-session';
import type { NotificationDaemon } from '../support/notification-daemon';
import type { PageWatch } from '../support/page-watch';

// The thinnest whole path, all real: an alert posted to a real Alertmanager appears in the app
// (browser mode, in Debian's Chromium) and as a notification in a real notification daemon.
// Failing and recovering go through backoff and the client's timeout, so allow longer.
const WITHIN_BACKOFF = { timeout: 30_000 };

// The body reaches the daemon escaped, so its markup shows the annotation as text.
const CHECKOUT_NOTIFICATION = {
  summary: 'SEV1 · E2ECheckoutErrors',
  body: 'Checkout 5xx above 5% &lt;img src=x onerror=alert(1)&gt;\nLocal Alertmanager · service=checkout',
  urgency: 'critical',
  appname: 'On-Call Companion',
  timeoutMs: 0,
};

describe('browser mode against a real Alertmanager', () => {
  let session: E2eSession;
  let am: RealAlertmanager;
  let daemon: NotificationDaemon;
  let page: Page;
  let watch: PageWatch;
  /** Notifications the daemon had shown before the tests began. */
  let shownBefore: number;

  beforeAll(async () => {
    session = await startE2eSession({ name: 'browser-mode', notifications: true });
    ({ am, daemon } = session);
    ({ page, watch } = await session.openPage());
    shownBefore = (await daemon.history()).length;
  });

  afterAll(async () => {
    await session?.dispose();
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

    // Exactly this one notification, nothing else (as the integration tests compare).
    await expect
      .poll(async () => (await daemon.history()).slice(shownBefore).length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect((await daemon.history()).slice(shownBefore)).toEqual([CHECKOUT_NOTIFICATION]);
  });

  it('does not notify again on later polls of the same alert', async () => {
    // Three more polls go by.
    await page.waitForTimeout(INTERVAL_SECONDS * 3 * 1000);
    // The daemon's history keeps every notification ever shown: still just the one.
    expect((await daemon.history()).slice(shownBefore)).toEqual([CHECKOUT_NOTIFICATION]);
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
    expect(watch.console).toEqual([]);
  });
});
