import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { freePort } from '../support/free-port';
import { noisyShift } from '../support/noisy-shift';

// The accessibility gate (issue 10), the views accessibility.test.ts does not reach: the
// incident list, a runbook (and a broken one), the silence and "Add to incident…" dialogs open,
// a Settings source card saying why its source fails, and the alert list and Settings on a
// narrow window.
// Each in the light and the dark theme: no serious or critical violation.
const FIXTURES = join(import.meta.dirname, '../fixtures/runbooks');
const SCHEMES = ['light', 'dark'] as const;

describe('accessibility of the other views (axe-core)', () => {
  let session: E2eSession;
  let page: Page;

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const showAlerts = () => page.getByRole('banner').getByRole('button', { name: 'Alerts' }).click();
  const details = async (alertname: string) => {
    await showAlerts();
    const name = new RegExp(alertname);
    const row = alerts().locator('li.alert', { has: page.getByRole('button', { name }) });
    const head = row.getByRole('button', { name });
    if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
    return row;
  };
  /** No serious violation in either theme, on the view as it is. */
  const inBothThemes = async () => {
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  };

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'axe-views',
      runbooks: (folder) => cpSync(FIXTURES, folder, { recursive: true }),
      alerts: [
        ...noisyShift(new Date(Date.now() - 30 * 60_000).toISOString()),
        {
          labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'checkout' },
          annotations: { summary: 'Checkout 5xx above 5%' },
        },
      ],
    });
    // A second source nobody answers at, added by hand while the app runs, so its card in
    // Settings (and the source strip) say why it fails.
    const file = join(session.home, 'settings.json');
    const settings = JSON.parse(readFileSync(file, 'utf8')) as { sources: unknown[] };
    settings.sources.push({
      kind: 'alertmanager',
      id: 'staging',
      name: 'Staging Alertmanager',
      url: `http://127.0.0.1:${await freePort()}`,
      intervalSeconds: 2,
      timeoutSeconds: 1,
    });
    writeFileSync(file, JSON.stringify(settings));
    ({ page } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
    await alerts().getByText('KubePodCrashLooping').first().waitFor(WITHIN_ONE_POLL);
  });
  afterAll(() => session?.dispose());

  it('finds nothing serious on the alert list 420 px wide, an alert open', async () => {
    const narrow = await session.openPage({ viewport: { width: 420, height: 800 } });
    try {
      const list = narrow.page.getByRole('region', { name: 'Alerts' });
      await list.getByText('KubePodCrashLooping').first().waitFor(WITHIN_ONE_POLL);
      await narrow.page
        .getByText(/Staging Alertmanager/)
        .first()
        .waitFor(WITHIN_ONE_POLL);
      // With one alert's details open too: the action buttons wrap on a narrow window.
      await list.getByRole('button', { name: /CheckoutDown/ }).click();
      await list.getByRole('group', { name: 'Alert actions' }).waitFor();
      for (const colorScheme of SCHEMES) {
        await narrow.page.emulateMedia({ colorScheme });
        expect(await seriousViolations(narrow.page), colorScheme).toEqual([]);
      }
    } finally {
      await narrow.context.close();
    }
  });

  it('fits every Settings section in a window 420 px wide, nothing serious there', async () => {
    const narrow = await session.openPage({ viewport: { width: 420, height: 900 } });
    try {
      await narrow.page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
      await narrow.page.getByRole('form', { name: 'Escalation' }).waitFor();
      // Whatever sticks out of its section's right edge is cut off or scrolls the window sideways
      // (the status-update cadence and the default policy's picker did).
      const sticksOut = await narrow.page.evaluate(() =>
        [...document.querySelectorAll('form')].flatMap((form) => {
          const edge = form.getBoundingClientRect().right;
          return [...form.querySelectorAll('*')]
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.width > 0 && box.right > edge + 1;
            })
            .map(
              (element) =>
                `${form.getAttribute('aria-labelledby') ?? 'a form'}: ${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}`,
            );
        }),
      );
      expect(sticksOut).toEqual([]);
      if (process.env.NARROW_SCREENSHOTS) {
        for (const part of ['cadence', 'policy-rules__default']) {
          await narrow.page
            .locator(`.${part}`)
            .screenshot({ path: `/tmp/settings-420-${part}.png` });
        }
      }
      for (const colorScheme of SCHEMES) {
        await narrow.page.emulateMedia({ colorScheme });
        expect(await seriousViolations(narrow.page), colorScheme).toEqual([]);
      }
    } finally {
      await narrow.context.close();
    }
  });

  it('finds nothing serious in the silence dialog', async () => {
    const row = await details('CheckoutDown');
    await row.getByRole('button', { name: 'Silence…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Silence/ });
    await dialog.waitFor();
    await inBothThemes();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('finds nothing serious on a runbook, nor on a broken one', async () => {
    const row = await details('HighErrorRate');
    await row.getByRole('button', { name: 'Checkout and cart errors' }).click();
    await page.getByRole('article', { name: 'Checkout and cart errors' }).waitFor();
    await inBothThemes();

    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await page
      .getByRole('form', { name: 'Runbooks' })
      .getByRole('button', { name: 'Open broken/wrong-type.md' })
      .click();
    await page.getByRole('article').getByText('This runbook file has a problem').waitFor();
    await inBothThemes();
  });

  it('finds nothing serious on a Settings source card saying why its source fails', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    const card = page.getByRole('group', { name: /Alertmanager/ }).filter({
      has: page.getByRole('status').filter({ hasText: /^Not answering:/ }),
    });
    await card.waitFor(WITHIN_ONE_POLL);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await card.getByText(/^Failed:/).waitFor(WITHIN_ONE_POLL);
    await inBothThemes();
  });

  it('finds nothing serious on the incident list, and in the "Add to incident…" dialog', async () => {
    await showAlerts();
    await alerts()
      .getByRole('checkbox', { name: 'Select “CertificateExpiresSoon” to declare an incident' })
      .check();
    await alerts().getByRole('button', { name: 'Declare from 1 alert' }).click();
    const declare = page.getByRole('dialog', { name: /^Declare an incident/ });
    await declare.getByRole('button', { name: 'Declare incident' }).click();
    await page.getByRole('article').first().waitFor();

    await page
      .getByRole('banner')
      .getByRole('button', { name: /^Incidents/ })
      .click();
    await page.getByRole('region', { name: /^Incidents/ }).waitFor();
    await inBothThemes();

    const row = await details('CheckoutDown');
    await row.getByRole('button', { name: 'Add to incident…' }).click();
    const attach = page.getByRole('dialog', { name: /^Add/ });
    await attach.waitFor();
    await inBothThemes();
    await page.keyboard.press('Escape');
    await attach.waitFor({ state: 'hidden' });
  });
});
