import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// Runbooks end to end, all real: a runbook folder on disk (the fixture folder, two broken files
// included), alerts posted to a real Alertmanager, browser mode in Debian's Chromium.
const FIXTURES = join(import.meta.dirname, '../fixtures/runbooks');
// The folder watcher waits 300 ms for quiet, then the event crosses the WebSocket.
const WITHIN_A_RELOAD = { timeout: 10_000 };

const PAYMENT_TIMEOUTS = `---
title: Payment provider timeouts
match:
  alertname: HighErrorRate
  service: checkout
owner: payments
---

# Payment provider timeouts

See the [provider status page](https://status.payments.example.com) and the
[generic runbook](../high-error-rate.md).

## Checks

- [ ] Count timeouts:

  \`\`\`sh
  kubectl -n shop logs deploy/checkout --since=15m | grep -c ETIMEDOUT
  \`\`\`

## Mitigation

1. Switch to the fallback provider.
2. Then [re-check](#checks).
`;

/** Whether a navigation request belongs to the app's own page (not a window it opened). */
function inAppPage(request: Request, page: Page): boolean {
  try {
    return request.frame().page() === page;
  } catch {
    return false; // a new window's first request, issued before its frame exists
  }
}

describe('runbooks in browser mode', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;
  let home: string;
  let folder: string;
  // The pages the app opened outside itself (new tabs), by the address each tried to load.
  const popups: string[] = [];

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'runbooks',
      runbooks(into) {
        cpSync(FIXTURES, into, { recursive: true });
        writeFileSync(join(into, 'checkout/payment-timeouts.md'), PAYMENT_TIMEOUTS);
      },
      alerts: [
        {
          labels: { alertname: 'HighErrorRate', severity: 'critical', service: 'checkout' },
          annotations: {
            summary: 'Checkout 5xx above 5%',
            runbook_url: 'checkout/payment-timeouts.md#mitigation',
          },
        },
        {
          labels: { alertname: 'ReplicaLag', severity: 'warning', team: 'data' },
          annotations: { runbook_url: 'https://wiki.example.com/db/replica-lag' },
        },
        {
          labels: { alertname: 'DiskFull', severity: 'warning', instance: 'node-7' },
          annotations: { runbook_url: '../../etc/passwd' },
        },
      ],
    });
    ({ home, folder } = session);
    ({ page, watch } = await session.openPage({
      viewport: { width: 1200, height: 900 },
      // A page opened for an external link is refused at once. Its address is taken from its
      // first request, not from the new page, whose url() is about:blank or chrome-error://
      // depending on when it is read.
      onRefused(request, appPage) {
        if (request.isNavigationRequest() && !inAppPage(request, appPage)) {
          popups.push(request.url());
        }
      },
      async beforeLoad(appPage, context) {
        await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
          origin: new URL(session.app.url).origin,
        });
        // A tab opened for a link takes the foreground, and Chromium throttles the app's page
        // behind it (every action on it then waits for a frame): close the tab once its refused
        // load is over.
        context.on('page', (opened) => {
          if (opened === appPage) return;
          void opened
            .waitForLoadState()
            .catch(() => undefined)
            .then(() => opened.close())
            .then(() => appPage.bringToFront())
            .catch(() => undefined);
        });
      },
    }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const runbooksOf = (alertname: string) =>
    alerts()
      .locator('li.alert', { has: page.getByRole('button', { name: new RegExp(alertname) }) })
      .getByRole('region', { name: 'Runbooks' });
  const expand = async (alertname: string) => {
    const head = alerts().getByRole('button', { name: new RegExp(alertname) });
    if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
    await runbooksOf(alertname)
      .getByText(/Looking for runbooks/)
      .waitFor({ state: 'detached' });
  };
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
  const backToAlerts = async () => {
    await page.keyboard.press('Escape');
    await alerts().waitFor();
  };
  // What the folder holds; not the Save button's "Saved.", also a status and first in the form.
  const folderStatus = (section: Locator) =>
    section.getByRole('status').filter({ hasText: /runbooks? loaded/ });

  // Every test starts on the alert list: a test that failed on another screen must not make the
  // ones after it fail too.
  beforeEach(async () => {
    const back = page.getByRole('button', { name: /^← Back to/ });
    for (let steps = 0; steps < 5 && !(await alerts().isVisible()); steps += 1) {
      if ((await back.count()) === 0) break;
      await back.first().click();
    }
  });

  it("lists the runbooks matching an alert's labels, most specific first", async () => {
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain('DiskFull');
    await expand('HighErrorRate');

    const matches = runbooksOf('HighErrorRate').locator('.runbook-matches__open');
    expect(await matches.allTextContents()).toEqual([
      'Checkout and cart errors',
      'Payment provider timeouts',
      'High error rate (any service)',
    ]);
  });

  it('opens a local runbook_url in the app at its section, and comes back with Esc', async () => {
    const section = runbooksOf('HighErrorRate');
    await section.getByRole('button', { name: 'Open runbook: Payment provider timeouts' }).click();

    const runbook = page.getByRole('article', { name: 'Payment provider timeouts' });
    await runbook.waitFor();
    // The fragment of the runbook_url: the Mitigation section has the focus.
    await expect.poll(focusedText).toBe('Mitigation');
    // In the text; the steps list beside it repeats the step, code included (checked below).
    const text = runbook.getByRole('region', { name: 'Runbook text' });
    expect(await text.getByText('Count timeouts:', { exact: true }).isVisible()).toBe(true);
    // Steps, read-only: the list shows their text, and nothing offers to tick them.
    const steps = runbook.getByRole('complementary');
    expect(await steps.locator('li').allTextContents()).toEqual([
      'Count timeouts:\nkubectl -n shop logs deploy/checkout --since=15m | grep -c ETIMEDOUT',
      'Switch to the fallback provider.',
      'Then re-check.',
    ]);
    expect(await runbook.locator('input, [role="checkbox"]').count()).toBe(0);

    await backToAlerts();
    // Back where the keyboard was: on the button that opened the runbook.
    await expect.poll(focusedText).toBe('Open runbook: Payment provider timeouts');
    expect(page.url()).toBe(new URL(session.app.url).origin + '/');
  });

  it('is reachable by keyboard: Tab to a runbook, Enter opens it, Tab reaches Copy, Esc returns', async () => {
    const opener = runbooksOf('HighErrorRate').getByRole('button', {
      name: 'Checkout and cart errors',
    });
    await alerts()
      .getByRole('button', { name: /HighErrorRate/ })
      .focus();
    // The details' own actions (acknowledge, snooze, silence …) come first, then the runbooks.
    let tabs = 0;
    while (!(await opener.evaluate((el) => el === document.activeElement)) && tabs < 16) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThan(16);
    await page.keyboard.press('Enter');

    await page.getByRole('article', { name: 'Checkout and cart errors' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('runbook-title');
    tabs = 0;
    while ((await focusedText()) !== 'Copy' && tabs < 8) {
      await page.keyboard.press('Tab');
      tabs += 1;
    }
    expect(tabs).toBeLessThan(8);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe('kubectl -n shop rollout undo deploy/checkout');
    await expect.poll(focusedText).toBe('Copied');

    await backToAlerts();
    await expect.poll(focusedText).toBe('Checkout and cart errors');
  });

  it('follows links inside a runbook: http(s) out through the guard, relative ones in the app', async () => {
    await runbooksOf('HighErrorRate')
      .getByRole('button', { name: 'Payment provider timeouts', exact: true })
      .click();
    const runbook = page.getByRole('article', { name: 'Payment provider timeouts' });
    await runbook.waitFor();

    await runbook.getByRole('link', { name: /re-check/ }).click();
    await expect.poll(focusedText).toBe('Checks');

    await runbook.getByRole('link', { name: /provider status page/ }).click();
    await expect.poll(() => popups).toEqual(['https://status.payments.example.com/']);

    await runbook.getByRole('link', { name: 'generic runbook' }).click();
    await page.getByRole('article', { name: 'High error rate (any service)' }).waitFor();
    await page.getByRole('button', { name: '← Back to the previous runbook' }).click();
    await runbook.waitFor();
    await page.getByRole('button', { name: '← Back to alerts' }).click();
    expect(page.url()).toBe(new URL(session.app.url).origin + '/');
  });

  it('opens an http(s) runbook_url outside the app, and says why a path leaving the folder is refused', async () => {
    await expand('ReplicaLag');
    await runbooksOf('ReplicaLag').getByRole('button', { name: 'Open runbook ↗' }).click();
    await expect.poll(() => popups.at(-1)).toBe('https://wiki.example.com/db/replica-lag');
    expect(
      await runbooksOf('ReplicaLag').locator('.runbook-matches__open').allTextContents(),
    ).toEqual(['Database replica lag']);

    await expand('DiskFull');
    const disk = runbooksOf('DiskFull');
    // A broken runbook that would match (broken/*.md name DiskFull) is never offered.
    expect(await disk.textContent()).toContain(
      'was not opened: the runbook path leads outside the runbook folder',
    );
    expect(await disk.textContent()).toContain('../../etc/passwd');
    expect(await disk.getByRole('button').count()).toBe(0);
    expect(await disk.textContent()).toContain('No runbook in the folder matches');
  });

  it('lists the broken files with their errors in Settings, and the rest still work', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('form', { name: 'Runbooks' });
    expect(await section.getByLabel('Runbook folder').inputValue()).toBe(folder);
    await expect
      .poll(() => folderStatus(section).textContent())
      .toBe('6 runbooks loaded · 2 problems');
    const problems = section.getByRole('list', { name: 'Runbook problems' }).locator('li');
    expect(await problems.allTextContents()).toEqual([
      expect.stringMatching(/^broken\/bad-yaml\.md\s*front matter is not valid YAML \(line 4/),
      expect.stringMatching(/^broken\/wrong-type\.md\s*front matter: `tags`: expected array/),
    ]);

    // A broken file still opens, with its error and what could be read.
    await section.getByRole('button', { name: 'Open broken/wrong-type.md' }).click();
    const broken = page.getByRole('article');
    await broken.getByText('This runbook file has a problem').waitFor();
    expect(await broken.textContent()).toContain('`tags`: expected array, received string');
    await page.getByRole('button', { name: '← Back to settings' }).click();

    // Fixing the file on disk is picked up without a reload; it then matches its alert.
    writeFileSync(
      join(folder, 'broken/wrong-type.md'),
      '---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\ntags: [disk]\n---\n\n1. Free space\n',
    );
    await expect
      .poll(() => folderStatus(section).textContent(), WITHIN_A_RELOAD)
      .toBe('7 runbooks loaded · 1 problem');
    await page.getByRole('button', { name: '← Back to alerts' }).click();
    await expand('DiskFull');
    await expect
      .poll(
        () => runbooksOf('DiskFull').locator('.runbook-matches__open').allTextContents(),
        WITHIN_A_RELOAD,
      )
      .toEqual(['Disk full']);
  });

  it('refuses a folder that is not an absolute path, and reports a missing one as its error', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('form', { name: 'Runbooks' });
    const input = section.getByLabel('Runbook folder');

    await input.fill('runbooks');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByText('Enter an absolute path: must be an absolute path').waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');

    const missing = join(home, 'no-such-folder');
    await input.fill(missing);
    await section.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => section.getByRole('list', { name: 'Runbook problems' }).textContent())
      .toMatch(/no-such-folder\s*runbook folder cannot be opened \(ENOENT/);
    expect(await folderStatus(section).textContent()).toBe('0 runbooks loaded · 1 problem');

    await input.fill(folder);
    await section.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => folderStatus(section).textContent(), WITHIN_A_RELOAD)
      .toBe('7 runbooks loaded · 1 problem');
    await page.getByRole('button', { name: '← Back to alerts' }).click();
  });

  it('ran without CSP violations, page errors or dialogs', async () => {
    expect(await watch.cspViolations()).toEqual([]);
    expect(watch.console).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
