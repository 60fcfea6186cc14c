import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
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

  it('shows the default policies as a form, each with what it will do in words', async () => {
    await expect
      .poll(() => section().textContent(), WITHIN_ONE_POLL)
      .toContain(
        'At once: page me.After 5 min: page whoever is on call in schedule secondary.After 10 min: page whoever is on call in schedule manager.',
      );
  });

  /** Whether the keyboard is on this element. */
  const focused = (locator: Locator): Promise<boolean> =>
    locator.evaluate((element) => element === document.activeElement);

  /** Press Tab until the keyboard is on the control, as a user would. */
  async function tabTo(locator: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    await locator.waitFor();
    const seen: string[] = [];
    for (let presses = 0; presses < 40; presses++) {
      if (await focused(locator)) return;
      await page.keyboard.press(key);
      seen.push(
        await page.evaluate(
          () =>
            `${document.activeElement?.id || document.activeElement?.getAttribute('aria-label') || document.activeElement?.textContent}`,
        ),
      );
    }
    throw new Error(
      `${String(locator)} is not reachable within 40 presses of Tab: ${seen.join(' | ')}`,
    );
  }

  /** Replace what the focused field holds, as a user would. */
  async function retype(value: string): Promise<void> {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }

  const card = () => section().locator('.policy-card').filter({ hasText: 'Nights DB' });
  const plan = () => card().getByRole('region', { name: 'What Nights DB will do' });
  /** The reason shown next to a field: what its aria-describedby points at. */
  /** The reason a field's aria-describedby reads out (it may name the field's help first). */
  const reasonAt = (field: Locator) =>
    field.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id))
        .filter((described) => described?.classList.contains('field__error'))
        .map((described) => described?.textContent ?? '')
        .join(' '),
    );

  it('builds a policy with the keyboard alone, and refuses bad input with the reason at each field', async () => {
    const before = settingsFile();
    await section().getByRole('button', { name: '+ Add policy' }).focus();
    await page.keyboard.press('Enter');
    // The keyboard lands on the new policy's name.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^esc-p\d+-name$/);
    await page.keyboard.type('Nights DB');
    await tabTo(card().getByLabel('Id', { exact: true }));
    await retype('default'); // taken by the product's default policy: refused below
    await tabTo(card().getByLabel('Repeat the whole policy (times)'));
    await retype('1');
    await tabTo(card().getByLabel('Minutes before repeating'));
    await retype('-3'); // refused below

    // Level 2: the incident channel and whoever is on call in schedule dba, reordered.
    await tabTo(card().getByRole('button', { name: 'Add level to Nights DB' }));
    await page.keyboard.press('Enter');
    await retype('10');
    await tabTo(card().getByRole('button', { name: 'Add target to level 2' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ou'); // "Outbound channel"
    await page.keyboard.press('Tab');
    await page.keyboard.type('I'); // "Incident channel (incident)"
    await tabTo(card().getByRole('button', { name: 'Add target to level 2' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('On'); // "On-call schedule"
    await page.keyboard.press('Tab');
    await page.keyboard.type('dba');
    await tabTo(card().getByRole('button', { name: 'Move target 2 of level 2 up' }));
    await page.keyboard.press('Enter');
    // Level 3: a person, none picked: refused below.
    await tabTo(card().getByRole('button', { name: 'Add level to Nights DB' }));
    await page.keyboard.press('Enter');
    await tabTo(card().getByRole('button', { name: 'Add target to level 3' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('A'); // "A person"
    // Alt+↑ in a level's minutes moves it up; Alt+↓ back.
    await tabTo(card().getByLabel('Minutes before repeating'), 'Shift+Tab');
    await page.keyboard.press('Alt+ArrowUp');
    expect(await plan().innerText()).toMatch(
      /At once: page me\.\nAt once: page a person not picked yet/,
    );
    await page.keyboard.press('Alt+ArrowDown');
    expect(await plan().innerText()).toMatch(/\nAfter 10 min: page a person not picked yet/);

    await tabTo(section().getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section().getByRole('status').first().textContent())
      .toContain('Not saved: fix the fields marked above.');
    expect(await reasonAt(card().getByLabel('Id', { exact: true }))).toBe(
      'duplicate policy id "default"; each policy needs its own id',
    );
    expect(await reasonAt(card().getByLabel('Minutes before the next level').first())).toBe(
      'cannot be negative: 0 pages the next level at once',
    );
    expect(await reasonAt(card().getByLabel('Level 3, target 1: person'))).toBe('pick a person');
    // The keyboard is taken to the first field to fix.
    expect(await focused(card().getByLabel('Id', { exact: true }))).toBe(true);
    expect(settingsFile()).toBe(before);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (process.env.POLICY_SCREENSHOTS) {
        await card().screenshot({ path: `/tmp/policy-refused-${scheme}.png` });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Fixed with the keyboard, and saved.
    await retype('nights');
    await tabTo(card().getByLabel('Minutes before the next level').first());
    await retype('5');
    // Level 3 pages a person, added here and then picked.
    await tabTo(section().getByRole('button', { name: '+ Add person' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ana Lima');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ana');
    await card().getByLabel('Level 3, target 1: person').focus();
    await page.keyboard.type('A'); // "Ana Lima (ana)"
    // Her id retyped after she was picked: the level follows her.
    const anaId = section().locator('.people-row').first().getByLabel('Id');
    await anaId.focus();
    await page.keyboard.press('End');
    await page.keyboard.type('-lima');
    await expect
      .poll(() =>
        card().getByLabel('Level 3, target 1: person').locator('option:checked').textContent(),
      )
      .toBe('Ana Lima (ana-lima)');
    // A level pages her: she is not removed, and the reason says which.
    const removeAna = section().getByRole('button', { name: 'Remove Ana Lima' });
    await tabTo(removeAna);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => section().locator('.people-row__refusal').textContent())
      .toBe(
        'Ana Lima cannot be removed: level 3 of policy "Nights DB" pages them; pick someone else there first',
      );
    expect(await section().locator('.people-row').count()).toBe(1);
    expect(await focused(removeAna)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (process.env.POLICY_SCREENSHOTS) {
        for (const width of [1400, 420]) {
          await page.setViewportSize({ width, height: 1000 });
          await section()
            .locator('.people-rows')
            .screenshot({ path: `/tmp/people-refused-${width}-${scheme}.png` });
        }
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await section().getByRole('button', { name: '+ Add rule' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab'); // from SEV1 to SEV2
    await page.keyboard.press('Space');
    await tabTo(section().locator('.policy-rule').last().getByLabel('Policy'));
    await page.keyboard.type('Ni'); // "Nights DB"
    await tabTo(section().getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => section().getByRole('status').first().textContent()).toBe('Saved.');
    const saved = JSON.parse(settingsFile()).escalation;
    expect(saved.policies.find((p: { id: string }) => p.id === 'nights')).toEqual({
      id: 'nights',
      name: 'Nights DB',
      repeat: 1,
      levels: [
        { delayMinutes: 5, targets: [{ kind: 'me' }] },
        {
          delayMinutes: 10,
          targets: [
            { kind: 'schedule', id: 'dba' },
            { kind: 'channel', id: 'incident' },
          ],
        },
        { delayMinutes: 5, targets: [{ kind: 'person', id: 'ana-lima' }] },
      ],
    });
    expect(saved.people).toEqual([{ id: 'ana-lima', name: 'Ana Lima' }]);
    expect(saved.rules.at(-1)).toEqual({ severities: ['sev2'], policy: 'nights' });
  });

  it('shows the saved policy after a reload, and a SEV2 alert gets it', async () => {
    await page.reload();
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await expect
      .poll(() => plan().innerText(), WITHIN_ONE_POLL)
      .toBe(
        [
          'What it will do',
          'At once: page me.',
          'After 5 min: page whoever is on call in schedule dba and tell Incident channel.',
          'After 15 min: page Ana Lima.',
          'After 20 min still unacknowledged: start again from the top, once more.',
        ].join('\n'),
      );
    if (process.env.POLICY_SCREENSHOTS) {
      for (const width of [1400, 420]) {
        await page.setViewportSize({ width, height: 900 });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await card().scrollIntoViewIfNeeded();
          await page.screenshot({ path: `/tmp/policy-${width}-${scheme}.png` });
          await section().locator('.policy-rules').scrollIntoViewIfNeeded();
          await page.screenshot({ path: `/tmp/policy-rules-${width}-${scheme}.png` });
        }
      }
      await page.setViewportSize({ width: 1400, height: 1000 });
      await page.emulateMedia({ colorScheme: 'light' });
    }

    await session.am.postAlerts([
      { labels: { alertname: 'E2ENightsReplicaLag', severity: 'high', service: 'db' } },
    ]);
    await page.getByRole('button', { name: '← Back to alerts' }).click();
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts
      .getByRole('button', { name: /E2ENightsReplicaLag/ })
      .first()
      .click({ timeout: WITHIN_ONE_POLL.timeout });
    const escalation = alerts.getByRole('region', { name: 'Escalation' });
    await expect
      .poll(() => escalation.innerText(), WITHIN_ONE_POLL)
      .toContain('Policy: Nights DB.');
    expect(await escalation.innerText()).toMatch(
      /Next: level 2, schedule dba .*channel Incident channel/,
    );
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  });

  it('sets my alarm per severity with the keyboard, refusing a repeat too fast at its field', async () => {
    const alarm = page.getByRole('form', { name: 'My alarm' });
    const seconds = alarm.getByLabel('SEV2 alarm repeats every (seconds)');
    await seconds.focus();
    await retype('5');
    await tabTo(alarm.getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => reasonAt(seconds))
      .toBe('repeat every 10–86400 whole seconds (60 is a minute)');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (process.env.POLICY_SCREENSHOTS) {
        await alarm.screenshot({ path: `/tmp/alarm-form-${scheme}.png` });
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await seconds.focus();
    await retype('120');
    await page.keyboard.press('Enter'); // Enter in a field saves its form
    await expect.poll(() => alarm.getByRole('status').textContent()).toBe('Saved.');
    expect(JSON.parse(settingsFile()).alarm.sev2).toEqual({ mode: 'repeat', repeatSeconds: 120 });
  });

  it('refuses a policy paging a channel that does not exist, saying so, and saves nothing', async () => {
    const before = settingsFile();
    await section().getByRole('button', { name: 'Edit as JSON' }).click();
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
    await section().getByRole('button', { name: 'Back to the form' }).click();
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

  const channelRow = (name: string) =>
    section()
      .locator('.channel-edit')
      .filter({ has: page.getByRole('button', { name: `Remove channel ${name}`, exact: true }) });

  /** Add a channel from "+ Add channel" with the keyboard: name, kind (typed), id. */
  async function addChannel(name: string, kindKey: string, id: string): Promise<void> {
    await tabTo(section().getByRole('button', { name: '+ Add channel' }));
    await page.keyboard.press('Enter');
    // The keyboard lands on the new channel's name.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^esc-c\d+-name$/);
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.type(kindKey);
    await page.keyboard.press('Tab');
    await retype(id);
  }

  it('adds a channel of each kind in the form with the keyboard, and saves them without a secret', async () => {
    await section().getByRole('button', { name: '+ Add policy' }).focus();
    await addChannel('Alert relay', 'J', 'relay'); // JSON webhook
    await addChannel('Ops Slack', 'S', 'ops-slack');
    await addChannel('Phone ntfy', 'n', 'phone');
    await addChannel('EU PagerDuty', 'P', 'eu-pd');
    await tabTo(channelRow('EU PagerDuty').getByLabel('PagerDuty Events URL'));
    await retype('https://events.eu.pagerduty.com/v2/enqueue');
    // A person picks one of the channels just added.
    await tabTo(section().getByRole('button', { name: '+ Add person' }));
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bo Chen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('bo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ph'); // "Phone ntfy (phone)"
    // Not saved yet: no secret can be stored for them.
    expect(await section().textContent()).toContain(
      'EU PagerDuty (PagerDuty Events API v2, id eu-pd) — not saved yet. Save to store its secret.',
    );
    if (process.env.CHANNEL_SCREENSHOTS) {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await section().getByText('Channel secrets and test pages').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `/tmp/shots-channels/unsaved-${scheme}.png` });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    await tabTo(section().getByRole('button', { name: 'Save', exact: true }));
    await page.keyboard.press('Enter');
    await expect.poll(() => section().getByRole('status').first().textContent()).toBe('Saved.');

    const file = settingsFile();
    const saved = JSON.parse(file).escalation;
    expect(saved.channels).toEqual([
      { kind: 'slack', id: 'incident', name: 'Incident channel' },
      { kind: 'webhook', id: 'relay', name: 'Alert relay' },
      { kind: 'slack', id: 'ops-slack', name: 'Ops Slack' },
      { kind: 'ntfy', id: 'phone', name: 'Phone ntfy' },
      {
        kind: 'pagerduty',
        id: 'eu-pd',
        name: 'EU PagerDuty',
        eventsUrl: 'https://events.eu.pagerduty.com/v2/enqueue',
      },
    ]);
    expect(saved.people).toContainEqual({ id: 'bo', name: 'Bo Chen', channel: 'phone' });
    expect(file).not.toContain('e2eSECRETtoken');
    // Saved: each has its secret field now, and a saved channel's id is kept.
    expect(await section().textContent()).not.toContain('Save to store its secret');
    await expect
      .poll(() =>
        section().getByLabel('Routing key (Events API v2 integration key) of EU PagerDuty').count(),
      )
      .toBe(1);
    expect(await channelRow('Phone ntfy').getByLabel('Id').getAttribute('readonly')).toBe('');
  });

  it('refuses to remove a channel in use, saying who uses it at its Remove button, and writes nothing', async () => {
    const before = settingsFile();
    const remove = section().getByRole('button', { name: 'Remove channel Incident channel' });
    await channelRow('Incident channel').getByLabel('Name').focus();
    await tabTo(remove);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => reasonAt(remove))
      .toBe(
        'Incident channel cannot be removed: level 1 of policy "SEV1: incident channel at once, then secondary, then manager" and level 2 of policy "Nights DB" use it; pick another channel there first',
      );
    // Still there, the keyboard still on its Remove, and nothing to save.
    expect(await focused(remove)).toBe(true);
    expect(await channelRow('Incident channel').count()).toBe(1);
    expect(await section().getByRole('button', { name: 'Save', exact: true }).isDisabled()).toBe(
      true,
    );

    const phone = section().getByRole('button', { name: 'Remove channel Phone ntfy' });
    await tabTo(phone);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => reasonAt(phone))
      .toBe('Phone ntfy cannot be removed: Bo Chen uses it; pick another channel there first');
    expect(settingsFile()).toBe(before);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    if (process.env.CHANNEL_SCREENSHOTS) {
      const editor = section().getByRole('list', { name: 'Channels' });
      for (const width of [1400, 420]) {
        await page.setViewportSize({ width, height: 900 });
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await editor.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `/tmp/shots-channels/channels-${width}-${scheme}.png` });
        }
      }
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // A channel nobody uses goes, and the keyboard moves to the next one's name.
    await section().getByRole('button', { name: 'Remove channel Alert relay' }).focus();
    await page.keyboard.press('Enter');
    expect(await focused(channelRow('Ops Slack').getByLabel('Name'))).toBe(true);
    await page.keyboard.press('Enter'); // Enter in a field saves its form
    await expect.poll(() => section().getByRole('status').first().textContent()).toBe('Saved.');
    expect(JSON.parse(settingsFile()).escalation.channels.map((c: { id: string }) => c.id)).toEqual(
      ['incident', 'ops-slack', 'phone', 'eu-pd'],
    );
  });
});
