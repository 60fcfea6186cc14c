import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { startFakePagerduty, type FakePagerduty, type FakeUser } from '../support/fake-pagerduty';
import type { PageWatch } from '../support/page-watch';

// One inbox: a real Alertmanager and a PagerDuty account (the local fake that answers as the
// published API) watched side by side, the PagerDuty token typed in Settings and kept out of
// the settings file, and an incident acknowledged at PagerDuty from the list.
const ada: FakeUser = {
  id: 'PADA001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  token: 'u+ada-token-0001',
};

describe('Alertmanager and PagerDuty in one list', () => {
  let session: E2eSession;
  let pd: FakePagerduty;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    pd = await startFakePagerduty({ users: [ada], now: () => new Date() });
    pd.addIncident({
      id: 'PINC001',
      title: 'Payments API error rate above 5%',
      urgency: 'high',
      assignedTo: [ada.id],
    });
    session = await startE2eSession({
      name: 'one-inbox',
      alerts: [{ labels: { alertname: 'CheckoutDown', severity: 'critical' } }],
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });
  afterAll(async () => {
    await session?.dispose();
    await pd?.close();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const sources = () => page.getByRole('form', { name: 'Alert sources' });

  it('adds a PagerDuty source with its token in Settings; the token never reaches the file', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await sources().getByLabel('Kind of source to add').selectOption('pagerduty');
    await sources().getByRole('button', { name: '+ Add source' }).click();
    const card = sources().locator('fieldset.source-card').last();
    await card.getByLabel('Name').fill('PagerDuty');
    await card.getByLabel('Your PagerDuty login e-mail').fill(ada.email);
    await card.getByText('More settings').click();
    await card.getByLabel('API URL').fill(pd.url);
    await card.getByLabel('API token').fill(ada.token);
    await card.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => card.getByRole('status').first().textContent(), WITHIN_ONE_POLL)
      .toContain('Answered: 1 alert');

    await sources().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => sources().locator('.save-status').textContent(), WITHIN_ONE_POLL)
      .toBe('Saved.');
    await expect
      .poll(() => card.getByLabel('API token').getAttribute('placeholder'), WITHIN_ONE_POLL)
      .toContain('Stored ••••0001');

    const settingsFile = readFileSync(join(session.home, 'settings.json'), 'utf8');
    expect(JSON.parse(settingsFile).sources).toContainEqual(
      expect.objectContaining({ kind: 'pagerduty', id: 'pagerduty', fromEmail: ada.email }),
    );
    // Nowhere in the settings, nor in any other file of the home but the secret store's.
    for (const file of readdirSync(session.home, { recursive: true, withFileTypes: true })) {
      if (!file.isFile() || file.parentPath.endsWith('secrets')) continue;
      expect(readFileSync(join(file.parentPath, file.name), 'utf8')).not.toContain(ada.token);
    }
  });

  it('lists both sources’ alerts, and acknowledges the PagerDuty one at PagerDuty as me', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Alerts' }).click();
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain('CheckoutDown');
    await expect
      .poll(() => alerts().textContent(), WITHIN_ONE_POLL)
      .toContain('Payments API error rate above 5%');

    await alerts()
      .getByRole('button', { name: /Payments API error rate/ })
      .first()
      .click();
    await alerts().getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect
      .poll(() => alerts().getByRole('status').filter({ hasText: 'Acknowledge:' }).innerText())
      .toMatch(/Acknowledge: 1 of 1 done/);

    expect(pd.incident('PINC001')).toMatchObject({ status: 'acknowledged' });
    const update = pd.requests.find((r) => r.method === 'PUT' && r.path === '/incidents');
    expect(update?.headers.from).toBe(ada.email);
    await expect
      .poll(() => alerts().innerText(), WITHIN_ONE_POLL)
      .toMatch(/Acknowledged by Ada Lovelace/);
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
