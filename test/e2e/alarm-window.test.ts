import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// The page the Electron shell's alarm window loads (issue 11): the app's address with #alarm
// shows the alarm alone. Driven here in Chromium over browser mode, with a real Alertmanager;
// the window around it (always on top, on every workspace) is the shell's and runs only where an
// Electron binary does (electron-smoke.test.ts).
const ALERTNAME = 'E2EAlarmWindowDiskFull';

describe('the alarm alone (#alarm), as the shell’s alarm window shows it', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'alarm-window',
      alerts: [
        {
          labels: { alertname: ALERTNAME, severity: 'critical', service: 'storage' },
          annotations: { summary: `${ALERTNAME} summary` },
        },
      ],
      alarm: true,
    });
    ({ page, watch } = await session.openPage({
      viewport: { width: 520, height: 360 },
      hash: '#alarm',
    }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alarm = () => page.getByRole('alertdialog', { name: 'SEV1 firing — not acknowledged' });

  it('shows only the ringing SEV1, Acknowledge focused, and axe finds nothing serious in either theme', async () => {
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(true);
    expect(await alarm().innerText()).toContain(ALERTNAME);
    // The alarm alone: none of the app's views behind it.
    expect(await page.getByRole('region', { name: 'Alerts' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'On-Call Companion alarm' }).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Acknowledge');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
      if (process.env.ALARM_SCREENSHOTS)
        await page.screenshot({ path: `/tmp/alarm-window-${scheme}.png` });
    }
  });

  it('Enter acknowledges at the source: Alertmanager shows the silence and the page says nothing rings', async () => {
    await page.keyboard.press('Enter');
    await expect.poll(() => alarm().isVisible(), WITHIN_ONE_POLL).toBe(false);
    const silences = (await session.am.silences()).filter((s) => s.status?.state === 'active');
    expect(silences).toHaveLength(1);
    expect(silences[0]?.matchers).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'alertname', value: ALERTNAME })]),
    );
    expect(await page.getByRole('status').innerText()).toBe('Nothing is ringing.');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), scheme).toEqual([]);
    }
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
