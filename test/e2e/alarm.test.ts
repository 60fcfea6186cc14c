import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// My alarm in browser mode (issue 11): an unacknowledged SEV1 in a real Alertmanager rings in
// the page until it is acknowledged here (a silence Alertmanager's API then shows) or by a
// teammate at the source, or snoozed.
const MINE = 'E2EAlarmDatabaseDown';
const TEAMMATES = 'E2EAlarmQueueStuck';
const SNOOZED = 'E2EAlarmCacheCold';

const sev1 = (alertname: string) => ({
  labels: { alertname, severity: 'critical', service: 'checkout' },
  annotations: { summary: `${alertname} summary` },
});

describe('the alarm in the page for an unacknowledged SEV1', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    session = await startE2eSession({ name: 'alarm', alerts: [sev1(MINE)], alarm: true });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alarm = () => page.getByRole('alertdialog', { name: 'SEV1 firing — not acknowledged' });
  const activeSilences = async () =>
    (await session.am.silences()).filter((s) => s.status?.state === 'active');

  it('rings with its sound, holds the keyboard, and axe finds nothing serious in either theme', async () => {
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(true);
    expect(await alarm().innerText()).toContain(MINE);
    // Acknowledge has the focus, and Tab stays within the alarm (the page behind is inert).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Acknowledge');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    }
    // Browsers hold sound back until the page is used: a click on the alarm starts it.
    await alarm().getByText(MINE).click();
    await expect.poll(() => alarm().getAttribute('data-sound')).toBe('playing');
    // Escape does not dismiss an alarm.
    await page.keyboard.press('Escape');
    expect(await alarm().isVisible()).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (process.env.ALARM_SCREENSHOTS)
        await page.screenshot({ path: `/tmp/alarm-${scheme}.png` });
    }
  });

  it('Enter acknowledges at the source: the alarm goes away and Alertmanager shows the silence', async () => {
    // The keyboard is on the alarm's text (clicked above), not on a button: Enter still acknowledges.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('DIV');
    await page.keyboard.press('Enter');
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(false);
    const silences = await activeSilences();
    expect(silences).toHaveLength(1);
    expect(silences[0]?.matchers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'alertname', value: MINE })]),
    );
  });

  it('a teammate’s silence made in Alertmanager’s API stops the alarm by itself', async () => {
    await session.am.postAlerts([sev1(TEAMMATES)]);
    await expect
      .poll(
        () =>
          alarm()
            .innerText()
            .catch(() => ''),
        WITHIN_ONE_POLL,
      )
      .toContain(TEAMMATES);
    const now = Date.now();
    await session.am.postSilence({
      matchers: [{ name: 'alertname', value: TEAMMATES, isRegex: false, isEqual: true }],
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + 3_600_000).toISOString(),
      createdBy: 'teammate',
      comment: 'on it',
    });
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(false);
  });

  it('S snoozes the alarm for 15 minutes without acknowledging it at the source', async () => {
    const before = (await activeSilences()).length;
    await session.am.postAlerts([sev1(SNOOZED)]);
    await expect
      .poll(
        () =>
          alarm()
            .innerText()
            .catch(() => ''),
        WITHIN_ONE_POLL,
      )
      .toContain(SNOOZED);
    await page.keyboard.press('s');
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(false);
    expect(await activeSilences()).toHaveLength(before);
  });

  it("shows the alert's escalation in its details: the next level and when, and what was paged with its result", async () => {
    const alerts = page.getByRole('region', { name: 'Alerts' });
    await alerts
      .getByRole('button', { name: new RegExp(SNOOZED) })
      .first()
      .click();
    const escalation = alerts.getByRole('region', { name: 'Escalation' });
    await expect.poll(() => escalation.innerText(), WITHIN_ONE_POLL).toContain('Level 1 reached');
    const text = await escalation.innerText();
    expect(text).toContain('Policy: SEV1: incident channel at once');
    // The snooze moved level 2 on by its 15 minutes; with no schedules it will be skipped.
    expect(text).toMatch(
      /Next: level 2, schedule secondary \(nobody on call: skipped\), in 2\d min/,
    );
    // The channel was paged at once, and the record says why it failed: no webhook URL stored.
    expect(text).toMatch(
      /level 1: paged channel Incident channel — failed: .*no Slack webhook URL stored/,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
    if (process.env.ALARM_SCREENSHOTS) await page.screenshot({ path: '/tmp/escalation.png' });
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
