import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// Issue 10's keyboard-only path, as a responder without a mouse runs an incident in Debian's
// Chromium: declare from a firing alert, take a role and tick its checklist, write the timeline,
// post a status update, resolve and close. Only page.keyboard acts; what each step shows is read
// back, and axe runs with a role's checklist open.
const MINUTE = 60_000;
const ME = 'Kim Keyboard';
const ALERT = 'QueueBacklogGrowing';
const LINES = [
  'paged the queue owners',
  'consumer group lagging 40k messages',
  'scale consumers from 4 to 12',
];
const UPDATE = 'Consumers scaled out; the backlog is shrinking. Next update within 15 minutes.';
/** How many presses of Tab a control may be away before the path counts as broken. */
const MAX_TABS = 60;

describe('an incident run with the keyboard alone', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'keyboard',
      settings: { profile: { name: ME, timeZone: 'UTC' } },
      alerts: [
        {
          labels: { alertname: ALERT, service: 'queue', severity: 'critical' },
          annotations: { summary: 'Orders queue backlog above 10k' },
          startsAt: new Date(Date.now() - 20 * MINUTE).toISOString(),
          endsAt: new Date(Date.now() + 6 * 60 * MINUTE).toISOString(),
        },
      ],
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const incident = () => page.getByRole('article', { name: ALERT });
  const head = () => incident().locator('header').first();
  const roles = () => incident().getByRole('region', { name: 'Roles' });
  const roleLine = (name: string) =>
    roles().getByRole('button', { name: new RegExp(`^${name}: `) });
  const timeline = () => incident().getByRole('region', { name: 'Timeline' });
  const entries = () => timeline().getByRole('list', { name: 'Timeline entries' });
  const statusPanel = () => incident().getByRole('region', { name: 'Status updates' });
  const closure = () => incident().getByRole('region', { name: 'Closure' });

  /** Whether the keyboard is on this element. */
  const focused = (locator: Locator): Promise<boolean> =>
    locator.evaluate((element) => element === document.activeElement);

  /** Press Tab (or Shift+Tab) until the keyboard is on the control, as a user would. */
  async function tabTo(locator: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
    await locator.waitFor();
    for (let presses = 0; presses < MAX_TABS; presses++) {
      if (await focused(locator)) return;
      await page.keyboard.press(key);
    }
    throw new Error(`${String(locator)} is not reachable within ${MAX_TABS} presses of ${key}`);
  }

  const serious = async (): Promise<string[]> => {
    const result = await new AxeBuilder({ page }).analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };

  it('declares an incident from the firing alert', async () => {
    await alerts().getByText(ALERT).first().waitFor(WITHIN_ONE_POLL);
    // `/` filters, ↓ selects the first row, `x` ticks it.
    await page.keyboard.press('/');
    await page.keyboard.type(ALERT);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('x');
    const declare = alerts().getByRole('button', { name: 'Declare from 1 alert' });
    await tabTo(declare, 'Shift+Tab');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Declare an incident from this alert' });
    await dialog.waitFor();
    expect(await focused(dialog.getByLabel('Title'))).toBe(true);
    expect(await dialog.getByLabel('Title').inputValue()).toBe(ALERT);
    // Enter in the title declares, as any form submits.
    await page.keyboard.press('Enter');

    await incident().waitFor();
    expect(await head().getByRole('heading', { level: 1 }).textContent()).toBe(ALERT);
    expect(await head().getByLabel('Status: Investigating').count()).toBe(1);
    // The keyboard is in the composer, where the first line goes.
    await expect
      .poll(() => focused(timeline().getByRole('textbox', { name: 'Timeline entry' })))
      .toBe(true);
  });

  it('takes the Incident Commander role and ticks an item of its checklist', async () => {
    // Esc leaves the composer; `r` goes to the roles strip, its first line; Tab to Take.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    const line = roleLine('Incident Commander');
    expect(await focused(line)).toBe(true);
    await page.keyboard.press('Tab');
    const take = roles().getByRole('button', { name: 'Take the Incident Commander role' });
    expect(await focused(take)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => line.innerText()).toContain(ME);
    // The keyboard is back on the role's line, not lost with the button that went away.
    await expect.poll(() => focused(line)).toBe(true);
    expect(await line.getAttribute('aria-expanded')).toBe('false');
    expect(
      await incident().getByRole('list', { name: 'Incident Commander checklist' }).count(),
    ).toBe(0);

    await page.keyboard.press('Enter');
    expect(await line.getAttribute('aria-expanded')).toBe('true');
    const checklist = incident().getByRole('list', { name: 'Incident Commander checklist' });
    const item = checklist.getByRole('checkbox', { name: 'Confirm the severity and record it' });
    await tabTo(item);
    await page.keyboard.press('Space');
    const row = checklist.getByRole('listitem').filter({ hasText: 'Confirm the severity' });
    await expect.poll(() => row.innerText()).toMatch(new RegExp(`${ME}, \\d{2}:\\d{2}`));
    expect(await item.isChecked()).toBe(true);
    expect(await line.innerText()).toMatch(/1\/\d/);

    // axe with the strip open, in both themes.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await serious(), scheme).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Esc closes the checklist and gives the keyboard back to the role's line.
    await page.keyboard.press('Escape');
    expect(await line.getAttribute('aria-expanded')).toBe('false');
    expect(await checklist.count()).toBe(0);
    expect(await focused(line)).toBe(true);
  });

  it('writes the timeline, newest last and in view', async () => {
    await page.keyboard.press('n');
    const composer = timeline().getByRole('textbox', { name: 'Timeline entry' });
    expect(await focused(composer)).toBe(true);
    for (const [i, text] of LINES.entries()) {
      // The last line is an action: Alt+3 picks the kind without leaving the line.
      if (i === LINES.length - 1) await page.keyboard.press('Alt+3');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
    }
    const last = entries().getByRole('listitem').last();
    await expect.poll(() => last.innerText()).toContain(LINES.at(-1)!);
    const texts = await entries().getByRole('listitem').allInnerTexts();
    const at = LINES.map((text) => texts.findIndex((t) => t.includes(text)));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(await last.getByText('action', { exact: true }).count()).toBe(1);
    expect(await last.isVisible()).toBe(true);
  });

  it('posts a status update', async () => {
    const text = statusPanel().getByLabel('Status update text');
    await tabTo(text);
    // The whole draft, written anew: the template's placeholder would be refused.
    await page.keyboard.press('Control+A');
    await page.keyboard.type(UPDATE);
    expect(await text.inputValue()).toBe(UPDATE);
    const post = statusPanel().getByRole('button', { name: 'Mark as posted' });
    await tabTo(post);
    await page.keyboard.press('Enter');
    await statusPanel()
      .getByText(/^Marked as posted at \d{2}:\d{2}; the countdown restarted/)
      .waitFor();
    await expect.poll(() => entries().innerText()).toContain(UPDATE);
  });

  it('resolves and closes, confirming over the alert that still fires', async () => {
    const mitigate = head().getByRole('button', { name: 'Mark mitigated' });
    await tabTo(mitigate, 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => head().getByLabel('Status: Mitigated').count()).toBe(1);
    const resolve = head().getByRole('button', { name: 'Mark resolved' });
    await tabTo(resolve);
    await page.keyboard.press('Enter');
    // The alert still fires: the app asks first, the keyboard on Cancel.
    const ask = head().getByRole('group', { name: 'Confirm: Mark resolved' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain(ALERT);
    expect(await focused(ask.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await focused(ask.getByRole('button', { name: 'Resolve anyway' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => head().getByLabel('Status: Resolved').count()).toBe(1);

    // "Close…" takes the keyboard to the closure checklist.
    const toClosure = head().getByRole('button', { name: 'Close…' });
    await tabTo(toClosure);
    await page.keyboard.press('Enter');
    const boxes = closure().getByRole('list', { name: 'Closure checklist' }).getByRole('checkbox');
    const count = await boxes.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      await tabTo(boxes.nth(i));
      await page.keyboard.press('Space');
      await expect.poll(() => boxes.nth(i).isChecked()).toBe(true);
    }
    const close = closure().getByRole('button', { name: 'Close incident' });
    await expect.poll(() => close.isEnabled()).toBe(true);
    await tabTo(close);
    await page.keyboard.press('Enter');
    const askClose = closure().getByRole('group', { name: 'Confirm: Close incident' });
    await askClose.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await focused(askClose.getByRole('button', { name: 'Close anyway' }))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => head().getByLabel('Status: Closed').count()).toBe(1);
    expect(await incident().getByText('Closed — read only').count()).toBe(1);
    await expect.poll(() => entries().innerText()).toContain('resolved → closed');
  });

  it('ran without page errors or dialogs', () => {
    expect(watch.console).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});
