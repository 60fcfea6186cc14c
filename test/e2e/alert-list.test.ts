import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Settings } from '../../src/shared/domain/settings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { noisyShift } from '../support/noisy-shift';
import type { PageWatch } from '../support/page-watch';

// A noisy shift as a new user meets it: 60 alerts from a real Alertmanager, grouped by
// alertname, narrowed by a label chip, by `!=` and by `=~`, in Debian's Chromium.
describe('the alert list on a noisy shift', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'alert-list',
      alerts: noisyShift(new Date(Date.now() - 25 * 60_000).toISOString()),
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const filter = () => page.getByRole('searchbox', { name: 'Filter alerts' });
  const rows = () => alerts().locator('li.alert');
  const groupLine = (name: string) =>
    alerts()
      .locator('.group__head')
      .filter({ hasText: new RegExp(`^\\S+${name}×`) });

  it('groups the 60 alerts by alertname, each line with its count and what differs inside', async () => {
    await expect.poll(() => alerts().locator('.group__head').count(), WITHIN_ONE_POLL).toBe(6);
    expect(await groupLine('KubePodCrashLooping').innerText()).toMatch(
      /KubePodCrashLooping\s*×12\s*— service: checkout 4 · payments 4 · search 4/,
    );
    // Large groups start closed: the shift fits on one screen.
    expect(await groupLine('KubePodCrashLooping').getAttribute('aria-expanded')).toBe('false');
    // Worst first: the critical CheckoutDown leads.
    expect(await alerts().locator('.alert-list > li').first().innerText()).toContain(
      'CheckoutDown',
    );

    await groupLine('KubePodCrashLooping').click();
    // Inside the group each row shows the pod, which is what tells them apart.
    await expect.poll(() => rows().filter({ hasText: 'pod=' }).count()).toBe(12);
    // One source is watched: no row names it; firing rows do not repeat FIRING.
    expect(await alerts().innerText()).not.toMatch(/Local Alertmanager|FIRING/);
  });

  it('flags the unmapped severity word on its badge and in a banner linking to Settings', async () => {
    const banner = alerts().getByRole('status').filter({ hasText: 'Unknown severity' });
    expect(await banner.innerText()).toMatch(/Unknown severity word: P1\./);
    expect(await alerts().locator('.sev-badge--unmapped').count()).toBe(1);
    await banner.getByRole('button', { name: 'Map them in Settings' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Settings' }).count())
      .toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    await expect.poll(() => alerts().isVisible()).toBe(true);
  });

  it('filters by a clicked label chip, and clicking it again takes the filter off', async () => {
    const chip = alerts().getByRole('button', { name: 'service=payments', exact: true }).first();
    await chip.click();
    await expect.poll(() => filter().inputValue()).toBe('service=payments');
    // 4 crash-looping pods, 2 latency alerts, the unmapped P1: all in payments, nothing else.
    await expect.poll(() => alerts().locator('.alerts__counts').innerText()).toBe('7 of 60 shown');
    await alerts().getByRole('button', { name: 'service=payments', exact: true }).first().click();
    await expect.poll(() => filter().inputValue()).toBe('');
  });

  it('hides with != and narrows with =~ (typed as karma users write them)', async () => {
    await filter().fill('severity!=info alertname!=Watchdog');
    await expect.poll(() => alerts().locator('.alerts__counts').innerText()).toBe('41 of 60 shown');
    expect(await alerts().locator('.alert-list').innerText()).not.toMatch(
      /TargetDown|CPUThrottlingHigh|Watchdog/,
    );

    await filter().fill('instance=~^node-1[0-9]?:');
    await expect.poll(() => alerts().locator('.alerts__counts').innerText()).toBe('2 of 60 shown');
    const list = await alerts().locator('.alert-list').innerText();
    expect(list).toContain('node-1:9100');
    expect(list).toContain('node-10:9100');
    expect(list).not.toContain('node-2:9100');

    // A pattern RE2 refuses is named, not thrown; the rest of the filter still applies.
    await filter().fill('service=search pod=~(');
    await expect
      .poll(() => alerts().innerText())
      .toMatch(/Left out of the filter: “\(” is not a valid pattern/);
    await filter().fill('');
  });

  it('saves the typed filter under a name in the settings file, and removes it again', async () => {
    await filter().fill('service=search');
    await alerts().getByRole('button', { name: 'Save filter…' }).click();
    await alerts().getByRole('textbox', { name: 'Name of the saved filter' }).fill('Search only');
    await page.keyboard.press('Enter');
    const saved = alerts().getByRole('button', { name: 'Search only', exact: true });
    await expect.poll(() => saved.getAttribute('aria-pressed')).toBe('true');
    const onDisk = () =>
      (JSON.parse(readFileSync(join(session.home, 'settings.json'), 'utf8')) as Settings).alertList
        .savedFilters;
    expect(onDisk()).toEqual([
      { name: 'Hide Watchdog and info', query: 'alertname!=Watchdog severity!=info' },
      { name: 'Search only', query: 'service=search' },
    ]);
    await alerts().getByRole('button', { name: 'Remove the saved filter “Search only”' }).click();
    await expect.poll(() => saved.count()).toBe(0);
    expect(onDisk()).toHaveLength(1);
    await filter().fill('');
  });

  it('holds a new alert behind "1 new" while a row is selected, and shows it on n', async () => {
    await filter().press('Escape');
    await page.keyboard.press('j');
    const first = () => alerts().locator('.alert-list > li').first().innerText();
    expect(await first()).toContain('CheckoutDown');
    await session.am.postAlerts([
      { labels: { alertname: 'FreshOutage', severity: 'critical', service: 'cart' } },
    ]);
    const marker = alerts().getByRole('button', { name: /^1 new/ });
    await expect.poll(() => marker.count(), WITHIN_ONE_POLL).toBe(1);
    // The row being read has not moved: the worse, newer alert waits.
    expect(await first()).toContain('CheckoutDown');
    expect(await alerts().locator('.alert-list').innerText()).not.toContain('FreshOutage');
    await page.keyboard.press('n');
    await expect.poll(() => first()).toContain('FreshOutage');
    expect(await marker.count()).toBe(0);
  });

  it('shows an incident’s chip on its alert, offers "Open incident" instead of a second Declare, and filters what no incident follows', async () => {
    await alerts()
      .getByRole('checkbox', { name: 'Select “CheckoutDown” to declare an incident' })
      .check();
    await alerts().getByRole('button', { name: 'Declare from 1 alert' }).click();
    const dialog = page.getByRole('dialog', { name: 'Declare an incident from this alert' });
    await dialog
      .getByLabel('Impact (who is affected, in words a customer reads)')
      .fill('Checkout down');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByRole('article').waitFor();
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();

    const row = alerts().locator('li.alert').filter({ hasText: 'CheckoutDown' });
    const chip = row.getByRole('button', { name: 'CheckoutDown', exact: true });
    await expect
      .poll(() => chip.getAttribute('title'))
      .toMatch(/^In incident “CheckoutDown” \(inc-/);
    await row
      .getByRole('button', { name: /CheckoutDown/ })
      .first()
      .click();
    expect(await row.getByRole('button', { name: 'Open incident' }).count()).toBe(1);
    expect(await row.getByRole('button', { name: 'Declare incident' }).count()).toBe(0);

    await alerts()
      .getByRole('button', { name: /^not in an incident/ })
      .click();
    expect(await filter().inputValue()).toBe('@incident=none');
    expect(await alerts().locator('.alerts__counts').innerText()).toBe('60 of 61 shown');
    expect(await alerts().locator('.alert-list').innerText()).not.toContain('CheckoutDown');
    await filter().fill('');

    await chip.click();
    await page.getByRole('article').waitFor();
    expect(await page.getByRole('article').innerText()).toContain('CheckoutDown');
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
  });

  it('is driven by the keyboard on group lines: x ticks the whole group, o opens and closes it', async () => {
    const group = groupLine('KubePodCrashLooping');
    await group.click();
    const open = await group.getAttribute('aria-expanded');
    await page.keyboard.press('x');
    await expect.poll(() => alerts().locator('.alerts__bulk').innerText()).toMatch(/^12 ticked/);
    await page.keyboard.press('x');
    await expect.poll(() => alerts().locator('.alerts__bulk').count()).toBe(0);
    await page.keyboard.press('o');
    await expect.poll(() => group.getAttribute('aria-expanded')).not.toBe(open);
    await page.keyboard.press('j');
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.className)).toMatch(
      /alert--selected|group--selected/,
    );
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
