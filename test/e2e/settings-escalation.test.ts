import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import { startPageReceiver, type PageReceiver } from '../support/page-receiver';

// Settings → Escalation, all real: browser mode, Chromium, and a local receiver standing in for
// Slack's incoming webhook.
describe('escalation in Settings', () => {
  let session: E2eSession;
  let page: Page;
  let slack: PageReceiver;

  beforeAll(async () => {
    slack = await startPageReceiver();
    session = await startE2eSession({ name: 'escalation' });
    ({ page } = await session.openPage({ viewport: { width: 1400, height: 1000 } }));
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  });
  afterAll(async () => {
    await session?.dispose();
    await slack?.close();
  });

  const section = () => page.getByRole('form', { name: 'Escalation' });
  const settingsFile = () => readFileSync(join(session.home, 'settings.json'), 'utf8');

  it('shows the default policies in words', async () => {
    await expect
      .poll(() => section().textContent(), WITHIN_ONE_POLL)
      .toContain('me → 5 min → on call in secondary → 5 min → on call in manager');
  });

  it('refuses a policy paging a channel that does not exist, saying so, and saves nothing', async () => {
    const before = settingsFile();
    const editor = section().getByLabel(/People, channels, policies and rules/);
    const block = JSON.parse(await editor.inputValue());
    block.policies[0].levels[1].targets = [{ kind: 'channel', id: 'sms' }];
    await editor.fill(JSON.stringify(block, null, 2));
    await section().getByRole('button', { name: 'Save', exact: true }).click();
    await expect
      .poll(() => section().getByRole('alert').textContent())
      .toContain(
        'level 2 of policy "Me, then secondary, then manager" pages channel "sms", which does not exist',
      );
    expect(settingsFile()).toBe(before);
    await section().getByRole('button', { name: 'Discard changes' }).click();
  });

  it('stores the Slack webhook URL in the secret store, not settings.json, and sends a test page', async () => {
    const url = `${slack.url}/services/T00/B00/e2eSECRETtoken`;
    await section().getByLabel('Slack incoming webhook URL').fill(url);
    await section().getByRole('button', { name: 'Store' }).click();
    await expect.poll(() => section().textContent()).toContain('secret stored ••••oken');
    expect(settingsFile()).not.toContain('e2eSECRETtoken');

    await section().getByRole('button', { name: 'Send test page' }).click();
    await expect
      .poll(() => section().textContent(), WITHIN_ONE_POLL)
      .toContain('Test page sent — check that it arrived.');
    expect(slack.received[0]?.path).toBe('/services/T00/B00/e2eSECRETtoken');
    expect(slack.received[0]?.body).toMatchObject({ text: 'Test page from On-Call Companion' });
    await expect
      .poll(() => section().locator('.escalation__record').textContent(), WITHIN_ONE_POLL)
      .toContain('test page to channel Incident channel — sent');
  });

  it('says why a test page failed', async () => {
    slack.script(...Array.from({ length: 10 }, () => ({ status: 404, body: 'no_service' })));
    await section().getByRole('button', { name: 'Send test page' }).click();
    await expect
      .poll(() => section().textContent(), WITHIN_ONE_POLL)
      .toContain('Test page failed: the Slack webhook of Incident channel answered HTTP 404');
  });
});
