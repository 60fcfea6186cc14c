// The app in browser mode over a home holding a 10,000-entry incident and an empty one, and
// Debian's Chromium showing it: what the Chromium timeline bench cases measure against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startBrowserMode, type BrowserModeProcess } from '../../support/browser-mode';
import { launchChromium } from '../../support/chromium';
import { seedIncident } from '../../support/seed-incident';

/** The incidents the bench seeds, by title. */
export const BIG_TITLE = 'Ten thousand entries';
export const EMPTY_TITLE = 'Nothing written yet';
/** Hand-written entries in the big incident (plus its "declared" entry). */
export const BIG_ENTRIES = 10_000;

/** The running app and browser. */
export interface TimelineApp {
  /** A new page (its own context) showing the incident with that title, composer focused. */
  open(title: string): Promise<Page>;
  /** A blank page (its own context) in the same browser, for floors measured beside the app. */
  blank(): Promise<Page>;
  stop(): Promise<void>;
}

/** Start browser mode over a freshly seeded home and launch Chromium. */
export async function startTimelineApp(): Promise<TimelineApp> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-timeline-bench-'));
  let app: BrowserModeProcess | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close();
    await app?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  };
  try {
    fs.writeFileSync(
      path.join(home, 'settings.json'),
      JSON.stringify({ profile: { name: 'Bench Scribe', timeZone: 'UTC' } }),
    );
    const endsAt = new Date(Date.now() - 60_000);
    await seedIncident(home, {
      id: 'inc-20261205-060000-b10c',
      title: BIG_TITLE,
      entries: BIG_ENTRIES,
      endsAt,
    });
    await seedIncident(home, {
      id: 'inc-20261205-060000-e0e0',
      title: EMPTY_TITLE,
      entries: 0,
      endsAt,
    });
    app = await startBrowserMode({ home });
    browser = await launchChromium();
    const url = app.url;
    const opened = browser;
    return {
      async open(title) {
        const context = await opened.newContext({ viewport: { width: 1400, height: 900 } });
        const page = await context.newPage();
        await page.goto(url);
        await showIncident(page, title);
        await page
          .getByRole('article', { name: title })
          .getByRole('textbox', { name: 'Timeline entry' })
          .focus();
        return page;
      },
      async blank() {
        return (await opened.newContext()).newPage();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * From anywhere in the app, show the incident with that title and wait for its composer.
 * @param page - the app's page
 * @param title - the incident's title
 */
export async function showIncident(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: /^Incidents/ }).click();
  await page.getByRole('button', { name: new RegExp(title) }).click();
  await page
    .getByRole('article', { name: title })
    .getByRole('textbox', { name: 'Timeline entry' })
    .waitFor();
}
