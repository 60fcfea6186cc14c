import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { NotificationDaemon } from '../support/notification-daemon';
import type { PageWatch } from '../support/page-watch';

// Do-not-disturb from the header and the desktop shortcuts in Settings (issue 11 item 5), all
// real: browser mode in Chromium, a real Alertmanager and a real notification daemon (dunst).
const SEV2 = 'E2EDndQueueSlow';
const SEV1 = 'E2EDndCheckoutDown';
const SHOTS = process.env.DND_SCREENSHOTS;

describe('do-not-disturb in the header, and the desktop shortcuts in Settings', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;
  let daemon: NotificationDaemon;

  beforeAll(async () => {
    session = await startE2eSession({ name: 'dnd', notifications: true, alarm: true });
    ({ daemon } = session);
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });
  afterAll(async () => {
    await session?.dispose();
  });

  const toggle = () => page.getByRole('banner').locator('.dnd__toggle');
  const panel = () => page.getByRole('group', { name: 'Do not disturb' });
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');

  async function shoot(name: string): Promise<void> {
    if (!SHOTS) return;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const width of [1400, 420]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png` });
      }
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  }

  it('opens by keyboard, says what it means, moves with arrows, and Esc returns the focus', async () => {
    await expect.poll(() => toggle().innerText(), WITHIN_ONE_POLL).toBe('Do not disturb: off');
    await toggle().focus();
    await page.keyboard.press('Enter');
    expect(await panel().innerText()).toContain(
      'Silences my alarms except SEV1; others are still paged.',
    );
    expect(await focusedText()).toBe('For 1 hour');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toMatch(/^Until 08:00( tomorrow)?$/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('Until I turn it off');
    await page.keyboard.press('ArrowDown');
    expect(await focusedText()).toBe('For 1 hour');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    await shoot('dnd-menu');
    await page.keyboard.press('Escape');
    expect(await panel().count()).toBe(0);
    expect(await toggle().evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('turns on for 1 hour by keyboard: the header says until when', async () => {
    await page.keyboard.press('Space');
    expect(await focusedText()).toBe('For 1 hour');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle().innerText()).toMatch(/^Do not disturb until \d\d:\d\d$/);
    expect(await toggle().getAttribute('data-dnd')).toBe('on');
    expect(await toggle().evaluate((el) => el === document.activeElement)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    await shoot('dnd-on');
  });

  it('a SEV2 from Alertmanager stays quiet, while a SEV1 still notifies and rings', async () => {
    const before = (await daemon.history()).length;
    await session.am.postAlerts([
      { labels: { alertname: SEV2, severity: 'error' }, annotations: { summary: 'slow' } },
    ]);
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await expect.poll(() => alerts.textContent(), WITHIN_ONE_POLL).toContain(SEV2);
    await session.am.postAlerts([
      { labels: { alertname: SEV1, severity: 'critical' }, annotations: { summary: 'down' } },
    ]);
    const alarm = page.getByRole('alertdialog', { name: 'SEV1 firing — not acknowledged' });
    await expect.poll(() => alarm.isVisible(), WITHIN_ONE_POLL).toBe(true);
    await expect
      .poll(async () => (await daemon.history()).slice(before).map((n) => n.summary), {
        timeout: 10_000,
      })
      .toContain(`SEV1 · ${SEV1}`);
    expect((await daemon.history()).slice(before).map((n) => n.summary)).toEqual([
      `SEV1 · ${SEV1}`,
    ]);
    await alarm.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => alarm.isVisible(), WITHIN_ONE_POLL).toBe(false);
  });

  it('turns off by keyboard', async () => {
    await toggle().focus();
    await page.keyboard.press('Enter');
    // Up from the first choice wraps to the last: Turn off.
    await page.keyboard.press('ArrowUp');
    expect(await focusedText()).toBe('Turn off');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle().innerText()).toBe('Do not disturb: off');
  });

  it('Settings → Desktop shortcuts refuses Ctrl+Banana with the reason, and saves a good one', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    const form = page.getByRole('form', { name: 'Desktop shortcuts' });
    expect(await form.innerText()).toContain(
      '(desktop app only; browser mode has no global shortcuts)',
    );
    const field = form.getByLabel('Acknowledge the most urgent alert');
    expect(await field.inputValue()).toBe('');
    expect(await form.innerText()).toContain('Off. Acknowledges');
    const settingsFile = () => readFileSync(join(session.home, 'settings.json'), 'utf8');
    const before = settingsFile();

    await field.fill('Ctrl+Banana');
    expect(await form.innerText()).toContain('"Banana" is not a key Electron knows');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.getByRole('status').innerText()).toBe(
      'Not saved: fix the fields marked above.',
    );
    expect(settingsFile()).toBe(before);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    await form.scrollIntoViewIfNeeded();
    await shoot('shortcuts-refused');

    await field.fill('Ctrl+Alt+K');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Saved.');
    expect(JSON.parse(settingsFile()).shortcuts).toMatchObject({ acknowledge: 'Ctrl+Alt+K' });
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
