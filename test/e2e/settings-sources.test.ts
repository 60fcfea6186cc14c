import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { freePort } from '../support/free-port';

// Sources in Settings, all real: an Alertmanager with alerts, browser mode, Chromium. The app
// starts with no source configured (watching the default address, where nothing answers).
describe('alert sources in Settings', () => {
  let session: E2eSession;
  let page: Page;
  // A port nothing listens on: connecting is refused at once.
  let nowhere: string;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'sources',
      settings: { sources: [] },
      alerts: [
        { labels: { alertname: 'CheckoutDown', severity: 'critical', service: 'checkout' } },
        { labels: { alertname: 'PaymentsSlow', severity: 'P1', service: 'payments' } },
      ],
    });
    nowhere = `http://127.0.0.1:${await freePort()}`;
    ({ page } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  });
  afterAll(() => session?.dispose());

  const sources = () => page.getByRole('form', { name: 'Alert sources' });
  const card = () => sources().locator('fieldset.source-card').first();

  it('tries a new Alertmanager with Test connection before saving: what it answered, or why not', async () => {
    await page.getByLabel('Kind of source to add').selectOption('alertmanager');
    await page.getByRole('button', { name: '+ Add source' }).click();
    await card().getByLabel('Name').fill('Staging');
    await card().getByLabel('URL', { exact: true }).fill(nowhere);
    await card().getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => card().getByRole('status').textContent(), WITHIN_ONE_POLL)
      .toContain(`Failed: cannot connect to ${nowhere}: connection refused`);

    await card().getByLabel('URL', { exact: true }).fill(session.am.url);
    await card().getByRole('button', { name: 'Test connection' }).click();
    const result = card().getByRole('status');
    await expect.poll(() => result.textContent(), WITHIN_ONE_POLL).toContain('Answered: 2 alerts');
    expect(await result.textContent()).toContain('PaymentsSlow (severity “P1” unmapped)');
    // Tried, not saved.
    const onDisk = JSON.parse(readFileSync(join(session.home, 'settings.json'), 'utf8'));
    expect(onDisk.sources).toEqual([]);
  });

  it('saves it, watches it, and maps the unmapped word for this source only', async () => {
    await card().getByText('More settings').click();
    await card().getByRole('button', { name: '+ Add a word' }).click();
    await card().getByLabel('Severity word 1').fill('P1');
    await card().getByLabel('Severity of word 1').selectOption('sev1');
    await sources().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sources().locator('.save-status').textContent(), WITHIN_ONE_POLL)
      .toBe('Saved.');

    const onDisk = JSON.parse(readFileSync(join(session.home, 'settings.json'), 'utf8'));
    expect(onDisk.sources).toMatchObject([
      { kind: 'alertmanager', id: 'staging', url: session.am.url, severityWords: { P1: 'sev1' } },
    ]);
    await expect
      .poll(() => card().locator('.source-card__state').textContent(), WITHIN_ONE_POLL)
      .toContain('Answering · 2 active alerts');

    await card().getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => card().getByRole('status').textContent(), WITHIN_ONE_POLL)
      .toContain('Answered: 2 alerts');
    expect(await card().getByRole('status').textContent()).not.toContain('unmapped');
  });

  it('says a saved source is not answering instead of only "Saved."', async () => {
    await card().getByLabel('URL', { exact: true }).fill(nowhere);
    await sources().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sources().locator('.save-status').textContent(), {
        timeout: WITHIN_ONE_POLL.timeout * 2,
      })
      .toMatch(/^Saved, but Staging is not answering \(cannot connect to .*\)\.$/);
  });

  it('shows live what a JSON mapping makes of the real answer, as the paths are typed', async () => {
    const body = JSON.stringify({
      data: {
        alerts: [
          { key: 'q-1', name: 'Queue stuck', level: 'critical', state: 'open' },
          { key: 'q-2', name: '<img src=x onerror=alert(1)>', level: 'weird', state: 'open' },
        ],
      },
    });
    const api: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(api.address() as AddressInfo).port}/alerts`;
      await sources().getByLabel('Kind of source to add').selectOption('json');
      await sources().getByRole('button', { name: '+ Add source' }).click();
      const json = sources().locator('fieldset.source-card').last();
      const preview = json.getByRole('region', { name: 'Preview of the mapping' });
      await json.getByLabel('Name').fill('Queues');
      await json.getByLabel('URL', { exact: true }).fill(url);
      await json.getByLabel('Id field').fill('key');
      await json.getByLabel('Title field').fill('name');
      // No list path yet: the answer is an object, and the preview says what it holds.
      await expect
        .poll(() => preview.getByRole('status').textContent(), WITHIN_ONE_POLL)
        .toMatch(
          /the answer is an object, not a list — set the list path .*its top-level keys are: data/,
        );
      expect(await preview.locator('pre').textContent()).toContain('"alerts"');

      await json.getByLabel('The list is at').fill('data.alerts');
      await json.getByLabel('Severity field').fill('level');
      await expect
        .poll(() => preview.getByRole('status').textContent(), WITHIN_ONE_POLL)
        .toBe('2 items → 2 alerts');
      const shown = await preview.innerText();
      expect(shown).toContain('Queue stuck');
      expect(shown).toContain('severity “weird” unmapped');
      // Untrusted text stays text.
      expect(shown).toContain('<img src=x onerror=alert(1)>');
      expect(await preview.locator('img').count()).toBe(0);
    } finally {
      await new Promise<void>((resolve) => api.close(() => resolve()));
    }
  });
});
