import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startFaultServer, type FaultServer } from '../support/fault-server';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';

const SCREENS = join(import.meta.dirname, '../../../screens');

/** A feed of one shift, from a day ago to six days ahead, titled `summary`; no attendees. */
function oneShiftFeed(nowMs: number, prodId: string, summary: string): string {
  const ics = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${prodId}`,
    'BEGIN:VEVENT',
    `UID:e2e-${nowMs}@example.com`,
    `DTSTAMP:${ics(nowMs)}`,
    `DTSTART:${ics(nowMs - 86_400_000)}`,
    `DTEND:${ics(nowMs + 6 * 86_400_000)}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** A PagerDuty-shaped feed (test/fixtures/ics/pagerduty.ics) with Jane Doe on call around now. */
function janeOnCallFeed(nowMs: number): string {
  return oneShiftFeed(
    nowMs,
    '-//PagerDuty//On-Call Schedule//EN',
    'On Call - Jane Doe - Payments - Primary',
  );
}

/** Screenshots of the feed layer's naming fields go here when set (ICS_SCREENSHOTS=/tmp/…). */
const SHOTS = process.env.ICS_SCREENSHOTS;

// Settings → Schedules, all real: browser mode and Chromium. The form is driven by keyboard
// where a responder would (Tab to the next field, Enter to save).
describe('on-call schedules in Settings', () => {
  let session: E2eSession;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    session = await startE2eSession({ name: 'schedules', settings: { profile: { name: 'Ben' } } });
    ({ page } = await session.openPage({ viewport: { width: 1400, height: 1000 } }));
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
  });
  afterAll(async () => {
    await session?.dispose();
  });

  const section = () => page.getByRole('form', { name: 'Schedules' });
  const schedule = () => section().getByRole('group', { name: /^Schedule 1/ });
  const settingsFile = () => readFileSync(join(session.home, 'settings.json'), 'utf8');
  const save = () => section().getByRole('button', { name: 'Save', exact: true }).click();

  it('refuses a schedule with no participants and an unknown zone, each reason at its field', async () => {
    const before = settingsFile();
    await section().getByRole('button', { name: 'Add schedule' }).click();
    await schedule().getByLabel('Name').fill('Platform');
    await schedule().getByLabel(/^Id/).fill('platform');
    await schedule().getByLabel('Time zone').fill('Mars/Olympus');
    await save();
    await expect
      .poll(() => schedule().getByLabel('Time zone').getAttribute('aria-invalid'))
      .toBe('true');
    await expect
      .poll(() => schedule().locator('#schedule-0-zone-error').textContent())
      .toBe(
        '"Mars/Olympus" is not a known time zone; use an IANA name such as Europe/Berlin or America/New_York',
      );
    await expect
      .poll(() => schedule().locator('#schedule-0-primary-participants-error').textContent())
      .toBe('a rotation needs at least one participant');
    expect(settingsFile()).toBe(before);
    await schedule().screenshot({ path: join(SCREENS, 'schedules-refused-1400-light.png') });
  });

  it('refuses overlapping overrides in one layer, saying so', async () => {
    await schedule().getByLabel('Time zone').fill('Europe/Berlin');
    await schedule().getByLabel('Participant 1', { exact: true }).fill('Ben');
    await schedule().getByRole('button', { name: 'Add participant' }).click();
    await schedule().getByLabel('Participant 2', { exact: true }).fill('Ana');
    // Ana first: the ↑ button reorders, from the keyboard too.
    await schedule().getByRole('button', { name: 'Move participant 2 up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => schedule().getByLabel('Participant 1', { exact: true }).inputValue())
      .toBe('Ana');
    await schedule().getByLabel('Starts on').fill('2026-01-05');
    for (const [from, to] of [
      ['2030-03-18T09:00', '2030-03-19T09:00'],
      ['2030-03-18T20:00', '2030-03-20T09:00'],
    ] as const) {
      await schedule().getByRole('button', { name: 'Add override' }).click();
      const n = await schedule().getByLabel('Who', { exact: true }).count();
      await schedule()
        .getByLabel('Who', { exact: true })
        .nth(n - 1)
        .fill(n === 1 ? 'Cy' : 'Dee');
      await schedule()
        .getByLabel('From', { exact: true })
        .nth(n - 1)
        .fill(from);
      await schedule()
        .getByLabel('Until', { exact: true })
        .nth(n - 1)
        .fill(to);
    }
    await save();
    await expect
      .poll(() => schedule().locator('#schedule-0-override-1-from-error').textContent())
      .toBe(
        'the override for Dee overlaps the one for Cy on the primary layer; one person covers a span, so shorten or remove one',
      );
  });

  it('saves a good schedule and shows who is on call, here and above the alert list', async () => {
    await schedule().getByRole('button', { name: 'Remove override 2' }).click();
    await schedule().getByLabel('Who', { exact: true }).focus();
    await page.keyboard.press('Enter'); // Enter in a field submits the form, as everywhere.
    await expect.poll(() => section().getByRole('status').last().textContent()).toBe('Saved.');
    const saved = JSON.parse(settingsFile()).schedules;
    expect(saved.list[0]).toMatchObject({
      id: 'platform',
      timeZone: 'Europe/Berlin',
      layers: { primary: { participants: ['Ana', 'Ben'], startDate: '2026-01-05' } },
      overrides: [{ person: 'Cy', from: '2030-03-18T08:00:00Z', to: '2030-03-19T08:00:00Z' }],
    });
    const line = section().getByRole('region', { name: 'On call' });
    await expect
      .poll(() => line.textContent(), WITHIN_ONE_POLL)
      .toMatch(/Platform On call now: (Ana|Ben) \(primary\) · next: (Ben|Ana) at \w{3} \d\d:\d\d/);
    await expect.poll(() => line.textContent()).toMatch(/You are on call now|Your next shift: /);

    await page.getByRole('button', { name: '← Back to alerts' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'On call' }).textContent())
      .toContain('On call now:');
  });

  it('axe: the Schedules section, light and dark; screenshots', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
    await section().getByRole('button', { name: 'Add secondary layer' }).click();
    await section()
      .getByRole('heading', { name: 'Schedules' })
      .evaluate((heading) => heading.scrollIntoView({ block: 'center' }));
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await seriousViolations(page), colorScheme).toEqual([]);
      await page.screenshot({
        path: join(SCREENS, `schedules-settings-1400-${colorScheme}.png`),
      });
    }
    await page.getByRole('button', { name: 'Discard changes' }).last().click();
    await page.getByRole('button', { name: '← Back to alerts' }).click();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.screenshot({ path: join(SCREENS, `schedules-alerts-1400-${colorScheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows the person a feed layer has on call and the feed read; the feed down, its last copy', async () => {
    const feed: FaultServer = await startFaultServer();
    feed.serve({
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
      body: janeOnCallFeed(Date.now()),
    });
    try {
      await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
      await section().getByRole('button', { name: 'Add schedule' }).click();
      const payments = section().getByRole('group', { name: /^Schedule 2/ });
      await payments.getByLabel('Name').fill('Payments');
      await payments.getByLabel(/^Id/).fill('payments');
      await payments.getByLabel('Time zone').fill('Europe/Berlin');
      await payments.getByLabel('Shifts from').first().selectOption('ics');
      await payments.getByLabel('Feed URL').fill(`${feed.url}/private/e2e-secret/feed/PAYMENTS`);
      await payments.getByLabel('Feed URL').press('Enter');
      await expect.poll(() => section().getByRole('status').last().textContent()).toBe('Saved.');
      // The URL is a secret: in the secret store, not in settings.json, and shown masked.
      expect(settingsFile()).not.toContain('e2e-secret');
      await expect
        .poll(() => payments.locator('.schedule__stored').textContent())
        .toBe(`Stored — ${feed.url}/… Replace Read again now: primary feed`);

      const line = section().getByRole('region', { name: 'On call' });
      await expect
        .poll(() => line.textContent(), WITHIN_ONE_POLL)
        .toContain('Payments On call now: Jane Doe (primary)');
      const status = () =>
        section()
          .getByRole('group', { name: /^Schedule 2/ })
          .getByRole('status', { name: 'Primary feed' });
      await expect
        .poll(() => status().textContent(), WITHIN_ONE_POLL)
        .toMatch(/^OK: read at \d\d:\d\d, 1 shift$/);

      // The shift is swapped at the source: read again now, by keyboard, not at the next hour.
      feed.serve({
        headers: { 'content-type': 'text/calendar; charset=utf-8' },
        body: janeOnCallFeed(Date.now()).replaceAll('Jane Doe', 'Mia Wong'),
      });
      const readAgain = payments.getByRole('button', { name: /^Read again now\W+primary feed$/ });
      await readAgain.focus();
      await page.keyboard.press('Enter');
      await expect
        .poll(() => line.textContent(), WITHIN_ONE_POLL)
        .toContain('Payments On call now: Mia Wong (primary)');
      expect(feed.requests).toHaveLength(2);
      await expect.poll(() => readAgain.textContent()).toBe('Read again now: primary feed');

      // The feed's server goes away; the app starts again and cannot read it.
      await feed.close();
      await session.restartApp();
      ({ page } = await session.openPage({ viewport: { width: 1400, height: 1000 } }));
      await page.getByRole('banner').getByRole('button', { name: 'Settings' }).click();
      // Its retries back off for up to half a minute before the read counts as failed.
      await expect
        .poll(() => status().textContent(), { timeout: 60_000 })
        .toMatch(/^Could not be read: .+ — using the copy from \d\d:\d\d, 1 shift$/);
      expect(await status().textContent()).not.toContain('e2e-secret');
      await expect
        .poll(() => section().getByRole('region', { name: 'On call' }).textContent())
        .toContain('Payments On call now: Mia Wong (primary)');
      await status().evaluate((el) => el.scrollIntoView({ block: 'center' }));
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await seriousViolations(page), colorScheme).toEqual([]);
        await page.screenshot({
          path: join(SCREENS, `schedules-feed-down-1400-${colorScheme}.png`),
        });
      }
      await page.emulateMedia({ colorScheme: 'light' });
    } finally {
      await feed.close().catch(() => {});
    }
  }, 120_000);
  it('names a feed’s person or finds it by a pattern, set in the form; refuses a pattern RE2 cannot run', async () => {
    const calendar = { 'content-type': 'text/calendar; charset=utf-8' };
    // GoAlert's personal feed: every event is "On-Call (GoAlert: <schedule>)", nobody named.
    const personal: FaultServer = await startFaultServer();
    personal.serve({
      headers: calendar,
      body: oneShiftFeed(Date.now(), '-//GoAlert//calsub//EN', 'On-Call (GoAlert: Mine)'),
    });
    const rota: FaultServer = await startFaultServer();
    rota.serve({
      headers: calendar,
      body: oneShiftFeed(Date.now(), '-//Team//Calendar//EN', 'Shift: Jane Doe (primary)'),
    });
    const line = () => section().getByRole('region', { name: 'On call' });
    const addFeedSchedule = async (n: number, name: string, url: string) => {
      await section().getByRole('button', { name: 'Add schedule' }).click();
      const group = section().getByRole('group', { name: new RegExp(`^Schedule ${n}`) });
      await group.getByLabel('Name').fill(name);
      await group.getByLabel(/^Id/).fill(name.toLowerCase());
      await group.getByLabel('Time zone').fill('Europe/Berlin');
      await group.getByLabel('Shifts from').first().selectOption('ics');
      await group.getByLabel('Feed URL').fill(url);
      return group;
    };
    try {
      const mine = await addFeedSchedule(3, 'Mine', `${personal.url}/api/v2/calendar?token=t`);
      await mine.getByLabel('Feed URL').press('Enter');
      await expect.poll(() => section().getByRole('status').last().textContent()).toBe('Saved.');
      const mineStatus = () => mine.getByRole('status', { name: 'Primary feed' });
      await expect
        .poll(() => mineStatus().textContent(), WITHIN_ONE_POLL)
        .toMatch(/^OK: read at \d\d:\d\d, 0 shifts \(1 shift names nobody .*person on call/);
      await expect.poll(() => line().textContent()).toContain('Mine On call now: nobody (primary)');

      // The person, by keyboard: Tab from the feed's "Read again now" to the person's field,
      // type, Enter.
      await mine.getByRole('button', { name: /^Read again now\W+primary feed$/ }).focus();
      await page.keyboard.press('Tab');
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('schedule-2-primary-person');
      await page.keyboard.type('Ben Ortiz');
      await page.keyboard.press('Enter');
      await expect.poll(() => section().getByRole('status').last().textContent()).toBe('Saved.');
      expect(JSON.parse(settingsFile()).schedules.list[2].layers.primary).toMatchObject({
        kind: 'ics',
        person: 'Ben Ortiz',
      });
      await expect
        .poll(() => line().textContent(), WITHIN_ONE_POLL)
        .toContain('Mine On call now: Ben Ortiz (primary)');

      // A pattern finds the name in each summary.
      const team = await addFeedSchedule(4, 'Rota', `${rota.url}/team.ics`);
      await team.getByLabel('Name pattern').fill('^Shift: (.+?) \\(');
      await team.getByLabel('Name pattern').press('Enter');
      await expect.poll(() => section().getByRole('status').last().textContent()).toBe('Saved.');
      await expect
        .poll(() => line().textContent(), WITHIN_ONE_POLL)
        .toContain('Rota On call now: Jane Doe (primary)');

      // A lookahead RE2 cannot run: refused at the field, saying why; nothing saved.
      const before = settingsFile();
      await team.getByLabel('Name pattern').fill('^Shift: (?=Jane)(.+?) \\(');
      await save();
      await expect
        .poll(() => team.getByLabel('Name pattern').getAttribute('aria-invalid'))
        .toBe('true');
      expect(await team.locator('#schedule-3-primary-pattern-error').textContent()).toBe(
        'is not a regular expression the linear-time matcher (RE2) accepts: error parsing regexp: invalid or unsupported Perl syntax: `(?=`; lookaround and backreferences are not supported',
      );
      expect(await team.getByLabel('Name pattern').getAttribute('aria-describedby')).toContain(
        'schedule-3-primary-pattern-error',
      );
      expect(settingsFile()).toBe(before);

      await mine.getByLabel('Person on call for every event').scrollIntoViewIfNeeded();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        expect(await seriousViolations(page), colorScheme).toEqual([]);
        if (SHOTS) {
          mkdirSync(SHOTS, { recursive: true });
          await mine.screenshot({ path: join(SHOTS, `feed-person-1400-${colorScheme}.png`) });
          await team.screenshot({
            path: join(SHOTS, `feed-pattern-refused-1400-${colorScheme}.png`),
          });
        }
      }
      if (SHOTS) {
        await page.setViewportSize({ width: 420, height: 900 });
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          expect(await seriousViolations(page), `${colorScheme} at 420 px`).toEqual([]);
          await team.screenshot({
            path: join(SHOTS, `feed-pattern-refused-420-${colorScheme}.png`),
          });
        }
        await page.setViewportSize({ width: 1400, height: 1000 });
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await section().getByRole('button', { name: 'Discard changes' }).click();
    } finally {
      await personal.close().catch(() => {});
      await rota.close().catch(() => {});
    }
  }, 120_000);
});
