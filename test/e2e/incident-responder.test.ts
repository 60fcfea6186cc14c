import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUS_MESSAGE_PLACEHOLDER as PLACEHOLDER } from '../../src/shared/templates/status-update';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// The faults a trial as a real responder found, each as the responder met it: an incident
// declared from two alerts firing in a real Alertmanager, driven in Debian's Chromium through
// browser mode, in the profile's zone (UTC here).
const MINUTE = 60_000;

const ME = 'Sam Okafor';
const ERRORS = 'HighErrorRate';
const LATENCY = 'HighLatency';
const TITLE = `${ERRORS} (+1 more)`;
const NEWS = 'Found it: a bad config push. Rolling it back now.';

/** `HH:MM` of an instant in UTC, the profile's zone in this test. */
const clockUtc = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
/** `YYYY-MM-DD HH:MM:SS (UTC)`, as the app's time titles (hover) read in UTC. */
const fullUtc = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} (UTC)`;

describe('the incident view as a responder meets it', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;
  const started = Math.floor((Date.now() - 30 * MINUTE) / 1000) * 1000;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'responder',
      settings: { profile: { name: ME, timeZone: 'UTC' } },
      alerts: [ERRORS, LATENCY].map((alertname) => ({
        labels: { alertname, service: 'payments', severity: 'critical' },
        annotations: { summary: `${alertname} on payments` },
        startsAt: new Date(started).toISOString(),
        endsAt: new Date(Date.now() + 6 * 60 * MINUTE).toISOString(),
      })),
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const incident = () => page.getByRole('article', { name: TITLE });
  const timeline = () => incident().getByRole('region', { name: 'Timeline' });
  const entries = () => timeline().getByRole('list', { name: 'Timeline entries' });
  const entry = (text: string) => entries().getByRole('listitem').filter({ hasText: text });
  const composer = () => timeline().getByRole('textbox', { name: 'Timeline entry' });
  const preview = () => timeline().locator('#composer-help');
  const head = () => incident().locator('header').first();
  const closure = () => incident().getByRole('region', { name: 'Closure' });
  const statusPanel = () => incident().getByRole('region', { name: 'Status updates' });
  const draft = () => statusPanel().getByLabel('Status update text');

  it('declares an incident from the two firing alerts', async () => {
    for (const name of [ERRORS, LATENCY]) {
      const tick = alerts().getByRole('checkbox', {
        name: `Select “${name}” to declare an incident`,
      });
      await tick.waitFor(WITHIN_ONE_POLL);
      await tick.check();
    }
    await alerts().getByRole('button', { name: 'Declare from 2 alerts' }).click();
    const dialog = page.getByRole('dialog', { name: /^Declare an incident/ });
    const title = dialog.getByLabel('Title');
    expect(await title.inputValue()).toBe(TITLE);
    // The channel is named after what the two alerts share, not "higherrorrate-1-more".
    const channel = await dialog.getByLabel('Channel').inputValue();
    expect(channel).toMatch(/^#inc-\d{8}-payments$/);

    // An empty title is refused in the dialog's own words, like every other refusal.
    await title.fill('');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe('Give the incident a title.');
    await title.fill(TITLE);

    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await incident().waitFor();
    await entry(`Declared`).waitFor();
    expect(await head().locator('code').textContent()).toBe(channel);
    // The keyboard is where the scribe starts: the timeline's composer.
    expect(await composer().evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('dates a time typed a minute ahead today, after the declaration, not yesterday', async () => {
    const ahead = Math.floor(Date.now() / MINUTE) * MINUTE + MINUTE;
    const text = 'paged payments on-call';
    await composer().fill(`${clockUtc(ahead)} ${text}`);
    // Just before midnight the coming minute is tomorrow's: still the minute meant.
    await expect
      .poll(() => preview().textContent())
      .toMatch(new RegExp(`^At: ${clockUtc(ahead)} (today|tomorrow)`));
    await composer().press('Enter');
    await expect.poll(() => entry(text).count()).toBe(1);
    expect(await entry(text).locator('time').getAttribute('title')).toBe(fullUtc(ahead));
    // The newest by event time: below the declaration and every other entry.
    const texts = await entries().getByRole('listitem').allInnerTexts();
    expect(texts.findIndex((t) => t.includes(text))).toBe(texts.length - 1);
    expect(texts.findIndex((t) => t.includes('Declared'))).toBeLessThan(texts.length - 1);
  });

  it('shows the date of an entry from another day', async () => {
    const dayBefore = Date.now() - 24 * 60 * MINUTE;
    const typed = new Date(dayBefore).toISOString().slice(0, 16).replace('T', ' ');
    await composer().fill(`${typed} first customer report in the support queue`);
    await composer().press('Enter');
    const row = entry('first customer report');
    await expect.poll(() => row.count()).toBe(1);
    const day = new Date(dayBefore).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    });
    expect(await row.locator('time').innerText()).toBe(`${day}\n${clockUtc(dayBefore)}`);
  });

  it('refuses a time further ahead, saying why, and keeps the line', async () => {
    const farAhead = Date.now() + 40 * MINUTE;
    const line = `${clockUtc(farAhead)} DBA joined the bridge`;
    await composer().fill(line);
    await expect
      .poll(() => preview().textContent())
      .toMatch(/^Time not usable: ".+" is \d+ min ahead .*a time may be at most 15 min ahead/);
    expect(await timeline().getByRole('button', { name: 'Add', exact: true }).isDisabled()).toBe(
      true,
    );
    await composer().press('Enter');
    expect(await composer().inputValue()).toBe(line);
    expect(await entry('DBA joined the bridge').count()).toBe(0);
    await composer().fill('');
  });

  it('shows every time in the profile’s zone and says which; the countdown reads as a duration', async () => {
    expect(await head().textContent()).toContain("Times in UTC, your profile's zone");
    const countdown = statusPanel().locator('.countdown');
    // "14 min 58 s", not "14:58" beside "(at 17:21)", which reads as a time already past.
    expect(await countdown.innerText()).toMatch(/\b\d{1,2} min \d{2} s\b/);
    expect(await countdown.innerText()).not.toMatch(/\b\d{2}:\d{2}\b(?! UTC)/);
    expect(await countdown.innerText()).toMatch(/\(at \d{2}:\d{2} UTC\)/);
    // The draft names the zone of every time it gives.
    const text = await draft().inputValue();
    expect(text).toMatch(/^Started \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC · as of \d{2}:\d{2} UTC$/m);
    expect(text).toMatch(/^Next update by \d{2}:\d{2} UTC\.$/m);
  });

  it('refuses to mark as posted a draft still holding the placeholder, saying why', async () => {
    const panel = statusPanel();
    expect(await draft().inputValue()).toContain(PLACEHOLDER);
    await panel.getByRole('button', { name: 'Mark as posted' }).click();
    await expect
      .poll(() => panel.getByRole('alert').textContent())
      .toBe(
        `Not posted: the text still says “${PLACEHOLDER}”. Write what changed in its place, then mark it as posted.`,
      );
    // Nothing recorded, the countdown not restarted.
    expect(await panel.textContent()).toContain('none posted yet');
    expect(
      await entries()
        .getByText(/^Status update/)
        .count(),
    ).toBe(0);
    // The placeholder is selected: typing replaces it.
    expect(await draft().evaluate((area) => area === document.activeElement)).toBe(true);
    await page.keyboard.type(NEWS);
    expect(await draft().inputValue()).not.toContain(PLACEHOLDER);
    expect(await panel.getByRole('alert').count()).toBe(0);
  });

  it('keeps the writer’s words when the phase is switched after writing', async () => {
    const panel = statusPanel();
    const written = await draft().inputValue();
    expect(written).toContain(NEWS);
    await panel
      .getByRole('group', { name: 'Phase' })
      .getByRole('button', { name: 'Identified' })
      .click();
    await expect.poll(() => draft().inputValue()).toContain('— Identified');
    expect(await draft().inputValue()).toBe(written.replace('— Investigating', '— Identified'));
    expect(await panel.textContent()).not.toContain('Your edits were replaced');

    await panel.getByRole('button', { name: 'Mark as posted' }).click();
    await expect
      .poll(() =>
        entries()
          .getByText(/^Status update/)
          .count(),
      )
      .toBe(1);
    expect(
      await entries()
        .getByText(/^Status update/)
        .textContent(),
    ).toContain(NEWS);
  });

  it('keeps the newest entry just above the composer after 20 fast lines, at 1400 and 420 px wide', async () => {
    await composer().focus();
    for (let i = 1; i <= 20; i++) {
      await page.keyboard.type(`Bridge line ${i}: checked the payments pool`);
      await page.keyboard.press('Enter');
    }
    const newest = entry('Bridge line 20:');
    await expect.poll(() => newest.count()).toBe(1);
    for (const width of [1400, 420]) {
      await page.setViewportSize({ width, height: 900 });
      await composer().focus();
      await composer().scrollIntoViewIfNeeded();
      const line = await composer().boundingBox();
      const row = await newest.boundingBox();
      // The last row: line 20, or the line typed a minute ahead earlier, still the latest.
      const bottom = await entries().getByRole('listitem').last().boundingBox();
      if (line === null || row === null || bottom === null) throw new Error('not laid out');
      // Line 20 on screen, the last row ending right above the composer (its padding between).
      expect(row.y, `newest entry at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(row.y + row.height, `newest entry at ${width} px`).toBeLessThanOrEqual(line.y);
      expect(line.y + line.height, `composer at ${width} px`).toBeLessThanOrEqual(901);
      const gap = line.y - (bottom.y + bottom.height);
      expect(gap, `gap at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(gap, `gap at ${width} px`).toBeLessThan(40);
      // The line gets the width, not the kind picker.
      expect(line.width, `composer width at ${width} px`).toBeGreaterThan(width < 1000 ? 300 : 500);
    }
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it('judges the closure items it can, and asks before resolving and closing with alerts firing', async () => {
    const panel = closure();
    const item = (text: string) => panel.getByRole('listitem').filter({ hasText: text });
    const firing = `2 linked alerts still fire: ${ERRORS}, ${LATENCY}`;
    expect(await item('Fix verified: alerts clear').innerText()).toContain(`Not met: ${firing}`);
    expect(await item('Stable for at least an hour').innerText()).toContain(
      'Not met: not mitigated yet',
    );
    expect(await item('Stakeholders know').innerText()).toContain(
      'Not met: no update saying it is resolved has been posted',
    );

    // Resolving asks first, naming the alerts; Cancel changes nothing.
    await panel.getByRole('button', { name: 'Mark resolved' }).click();
    const ask = panel.getByRole('group', { name: 'Confirm: Mark resolved' });
    expect(await ask.textContent()).toContain(`${firing}. Resolve anyway?`);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    expect(await ask.count()).toBe(0);
    expect(await head().getByLabel('Status: Investigating').count()).toBe(1);

    await panel.getByRole('button', { name: 'Mark resolved' }).click();
    await ask.getByRole('button', { name: 'Resolve anyway' }).click();
    await expect.poll(() => head().getByLabel('Status: Resolved').count()).toBe(1);
    const override = `Status: investigating → resolved; confirmed while ${firing}`;
    await expect.poll(() => entry(override).count()).toBe(1);
    expect(await entry(override).innerText()).toContain(ME);
    await expect
      .poll(() => item('Stable for at least an hour').innerText())
      .toContain('Not met: mitigated 0 min ago; an hour is up in 1 h');

    // Every required item ticked, as the trial did: the ones against the facts stand out.
    const boxes = panel.getByRole('list', { name: 'Closure checklist' }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
    await expect
      .poll(() => panel.getByRole('status').textContent())
      .toContain('Ticked, but not what the app sees: Stable for at least an hour since the fix');
    expect(await panel.getByRole('status').textContent()).toContain(firing);

    const close = panel.getByRole('button', { name: 'Close incident' });
    await expect.poll(() => close.isEnabled()).toBe(true);
    await close.click();
    const askClose = panel.getByRole('group', { name: 'Confirm: Close incident' });
    await askClose.getByRole('button', { name: 'Close anyway' }).click();
    await expect.poll(() => head().getByLabel('Status: Closed').count()).toBe(1);
    expect(await entry(`Status: resolved → closed; confirmed while ${firing}`).count()).toBe(1);
  });

  it('ran without page errors or dialogs', () => {
    expect(watch.console).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });

  it('says the incident shown is the last known state once the app process is gone', async () => {
    await session.app.stop();
    const banner = page.getByRole('alert').filter({ hasText: 'Disconnected from the app.' });
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    const text = await banner.textContent();
    expect(text).toContain('The incident below is the last known state');
    expect(text).not.toContain('alerts below');
    expect(await incident().isVisible()).toBe(true);
  });
});
