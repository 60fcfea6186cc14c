import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { noisyShift } from '../support/noisy-shift';

// The accessibility gate (issue 10): axe-core over every view, in both themes, with alerts
// listed, an alert's details and an incident open: no serious or critical violation.
describe('accessibility (axe-core)', () => {
  let session: E2eSession;
  let page: Page;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'axe',
      alerts: noisyShift(new Date(Date.now() - 30 * 60_000).toISOString()),
    });
    ({ page } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
    await page
      .getByRole('region', { name: 'Alerts' })
      .getByText('KubePodCrashLooping')
      .first()
      .waitFor(WITHIN_ONE_POLL);
  });
  afterAll(() => session?.dispose());

  const serious = () => seriousViolations(page);

  for (const scheme of ['light', 'dark'] as const) {
    it(`finds nothing serious on the alert list and an alert's details (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('banner').getByRole('button', { name: 'Alerts' }).click();
      expect(await serious()).toEqual([]);
      await page
        .getByRole('region', { name: 'Alerts' })
        .getByRole('button', { name: /HighRequestLatency/ })
        .first()
        .click();
      expect(await serious()).toEqual([]);
    });

    it(`finds nothing serious in Settings (${scheme})`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
      expect(await serious()).toEqual([]);
    });
  }

  it('finds nothing serious in the declare dialog and the incident view, in both themes', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('banner').getByRole('button', { name: 'Alerts' }).click();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    const tick = alerts.getByRole('checkbox', {
      name: 'Select “CertificateExpiresSoon” to declare an incident',
    });
    await tick.check();
    await alerts.getByRole('button', { name: 'Declare from 1 alert' }).click();
    const dialog = page.getByRole('dialog', { name: /^Declare an incident/ });
    await dialog.waitFor();
    expect(await serious()).toEqual([]);
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByRole('article').first().waitFor();
    expect(await serious()).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await serious()).toEqual([]);
  });
});
