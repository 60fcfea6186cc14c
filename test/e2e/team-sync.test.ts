import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe';
import { startBrowserMode, type BrowserModeProcess } from '../support/browser-mode';
import { launchChromium } from '../support/chromium';
import { syncServerProcess, TEST_SYNC_TOKEN, type RealSyncServer } from '../support/sync-server';

const SCREENS = join(import.meta.dirname, '../../../screens');
const TITLE = 'Checkout latency on EU';
/** Long enough for reconnects with backoff on a busy two-core machine. */
const SYNC = { timeout: 30_000 };

/** One member: their own home, their own browser-mode process, their own page. */
interface Member {
  name: string;
  home: string;
  app: BrowserModeProcess;
  page: Page;
}

describe('team sync end to end: one sync server, two members in Chromium', () => {
  let server: RealSyncServer;
  let browser: Browser;
  let ada: Member;
  let bob: Member;
  const dirs: string[] = [];

  const startMember = async (name: string): Promise<Member> => {
    const home = mkdtempSync(join(tmpdir(), `oncall-e2e-sync-${name.toLowerCase()}-`));
    dirs.push(home);
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ sources: [] }));
    const app = await startBrowserMode({ home });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).waitFor();
    return { name, home, app, page };
  };

  /** A button of the app's header (the views, Settings). */
  const head = (m: Member, name: string) =>
    m.page
      .getByRole('banner')
      .getByRole('button', { name: name === 'Incidents' ? /^Incidents/ : name, exact: true });
  const indicator = (m: Member) => m.page.locator('.sync-indicator');
  const indicatorText = (m: Member) => indicator(m).locator('.sync-indicator__text').innerText();
  /** Settings, whichever view is showing (its header button toggles). */
  const openSettings = async (m: Member): Promise<void> => {
    if ((await head(m, 'Settings').getAttribute('aria-pressed')) !== 'true') {
      await head(m, 'Settings').click();
    }
    await section(m).waitFor();
  };
  const section = (m: Member) => m.page.getByRole('form', { name: 'Team sync' });
  const incident = (m: Member) => m.page.getByRole('article', { name: TITLE });
  const composer = (m: Member) =>
    incident(m).getByRole('region', { name: 'Timeline' }).getByRole('textbox', {
      name: 'Timeline entry',
    });
  /** The timeline's lines as the member sees them, in order. */
  const lines = async (m: Member): Promise<string[]> => {
    const items = incident(m).getByRole('list', { name: 'Timeline entries' }).getByRole('listitem');
    const texts = await items.allInnerTexts();
    return texts
      .map((text) => /\b((?:ada|bob)-[\w-]+)\b/.exec(text)?.[1])
      .filter((line): line is string => line !== undefined);
  };
  const write = async (m: Member, line: string): Promise<void> => {
    await composer(m).focus();
    await m.page.keyboard.type(line);
    await m.page.keyboard.press('Enter');
    await expect.poll(() => composer(m).inputValue()).toBe('');
  };

  /** Settings → Team sync, as a member does it: address, name, token. */
  const configure = async (m: Member, token: string): Promise<void> => {
    await openSettings(m);
    const form = section(m);
    await form.getByLabel('Server address').fill(server.url);
    await form.getByLabel('Your name').fill(m.name);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').last().innerText()).toBe('Saved; connecting.');
    await form.getByLabel('Team token').fill(token);
    await form.getByRole('button', { name: 'Store token' }).click();
    await expect
      .poll(() => form.getByRole('status').last().innerText())
      .toMatch(/^Stored •+[\w-]{1,4}\.$/);
  };

  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
    browser = await launchChromium();
    [ada, bob] = await Promise.all([startMember('Ada'), startMember('Bob')]);
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([ada?.app.stop(), bob?.app.stop()]);
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('says "Sync off" while no server is set, and refuses plain ws:// to another host with the reason', async () => {
    expect(await indicatorText(ada)).toContain('Sync off');
    await openSettings(ada);
    const form = section(ada);
    await form.getByLabel('Server address').fill('ws://sync.example.org:1234');
    await form.getByRole('button', { name: 'Save' }).click();
    expect(await form.locator('#sync-url-error').innerText()).toMatch(
      /Plain ws:\/\/ to sync\.example\.org:1234 would send the team token and the incidents unencrypted/,
    );
    expect(await form.getByLabel('Server address').getAttribute('aria-invalid')).toBe('true');
  });

  it('both members connect through Settings → Team sync; the indicator says Synced', async () => {
    await configure(ada, TEST_SYNC_TOKEN);
    await configure(bob, TEST_SYNC_TOKEN);
    for (const m of [ada, bob]) {
      await expect.poll(() => indicatorText(m), SYNC).toContain('Synced');
      const now = await section(m).getByRole('status').first().innerText();
      expect(now.replace(/\s+/g, ' ')).toContain('Now: Synced');
    }
  }, 60_000);

  it('an incident declared on one appears in the other’s list; Join (keyboard) opens it', async () => {
    await head(ada, 'Incidents').click();
    await ada.page.getByRole('button', { name: 'New incident' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'New incident' });
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await incident(ada).waitFor();

    await head(bob, 'Incidents').click();
    const team = bob.page.getByRole('region', { name: /Team — not here yet/ });
    await team.getByText(TITLE).waitFor(SYNC);
    const join = team.getByRole('button', { name: 'Join' });
    await join.focus();
    await bob.page.keyboard.press('Enter');
    await incident(bob).waitFor(SYNC);
  }, 60_000);

  it('lines typed on both show on both, in the same order', async () => {
    await write(ada, 'ada-1');
    await write(bob, 'bob-1');
    await write(ada, 'ada-2');
    await write(bob, 'bob-2');
    const all = ['ada-1', 'ada-2', 'bob-1', 'bob-2'];
    for (const m of [ada, bob]) {
      await expect.poll(async () => [...(await lines(m))].sort(), SYNC).toEqual(all);
    }
    expect(await lines(bob)).toEqual(await lines(ada));
  }, 60_000);

  it('with the server stopped both go on and say so; once it is back both converge, every line present', async () => {
    await server.stop();
    for (const m of [ada, bob]) {
      await expect.poll(() => indicatorText(m), SYNC).toMatch(/^Offline since \d\d:\d\d/);
    }
    await write(ada, 'ada-offline-1');
    await write(bob, 'bob-offline-1');
    await write(ada, 'ada-offline-2');
    for (const m of [ada, bob]) {
      await expect.poll(() => indicatorText(m), SYNC).toMatch(/\d+ changes? waiting/);
    }
    await ada.page.screenshot({ path: join(SCREENS, 'sync-offline-1400-light.png') });
    await expect.poll(() => lines(ada)).toContain('ada-offline-2');
    expect(await lines(bob)).not.toContain('ada-offline-2');

    await server.start();
    const all = [
      'ada-1',
      'ada-2',
      'ada-offline-1',
      'ada-offline-2',
      'bob-1',
      'bob-2',
      'bob-offline-1',
    ];
    for (const m of [ada, bob]) {
      await expect.poll(async () => [...(await lines(m))].sort(), { timeout: 60_000 }).toEqual(all);
      await expect.poll(() => indicatorText(m), SYNC).toContain('Synced');
    }
    expect(await lines(bob)).toEqual(await lines(ada));
  }, 120_000);

  it('a wrong token: the indicator says the server refused and why; local work goes on', async () => {
    await openSettings(bob);
    const form = section(bob);
    await form.getByLabel('Team token').fill('not-the-team-token-at-all');
    await form.getByRole('button', { name: 'Store token' }).click();
    await expect.poll(() => indicatorText(bob), SYNC).toBe('Server refused: wrong team token');
    expect(await indicator(bob).evaluate((el) => getComputedStyle(el).color)).not.toBe(
      await indicator(ada).evaluate((el) => getComputedStyle(el).color),
    );
    await bob.page.screenshot({ path: join(SCREENS, 'sync-refused-settings-1400-light.png') });
    await head(bob, 'Incidents').click();
    await bob.page.getByRole('button', { name: new RegExp(TITLE) }).click();
    await write(bob, 'bob-refused-1');
    await expect.poll(() => lines(bob)).toContain('bob-refused-1');
    expect(await indicatorText(bob)).toBe('Server refused: wrong team token');
  }, 60_000);

  it('a team incident that cannot be joined says why', async () => {
    // Ada declares another; Bob sees it, then the server goes away before he joins.
    await head(ada, 'Incidents').click();
    await ada.page.getByRole('button', { name: 'New incident' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'New incident' });
    await dialog.getByLabel('Title').fill('DNS flapping');
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await ada.page.getByRole('article', { name: 'DNS flapping' }).waitFor();
    await openSettings(bob);
    await section(bob).getByLabel('Team token').fill(TEST_SYNC_TOKEN);
    await section(bob).getByRole('button', { name: 'Store token' }).click();
    await head(bob, 'Incidents').click();
    const team = bob.page.getByRole('region', { name: /Team — not here yet/ });
    await team.getByText('DNS flapping').waitFor(SYNC);
    await server.stop();
    await expect.poll(() => indicatorText(bob), SYNC).toMatch(/^Offline since/);
    await team.getByRole('button', { name: 'Join' }).click();
    await expect
      .poll(() => team.getByRole('alert').innerText(), SYNC)
      .toMatch(/^Could not join: .+/);
    await server.start();
  }, 90_000);

  it('axe: the Team sync section and the team incidents, light and dark; screenshots', async () => {
    await expect.poll(() => indicatorText(bob), SYNC).toContain('Synced');
    for (const [label, view] of [
      ['settings', 'Settings'],
      ['incidents', 'Incidents'],
    ] as const) {
      if (label === 'settings') await openSettings(bob);
      else await head(bob, view).click();
      if (label === 'incidents') {
        await bob.page.getByRole('region', { name: /Team — not here yet/ }).waitFor();
      } else {
        await section(bob).scrollIntoViewIfNeeded();
      }
      for (const colorScheme of ['light', 'dark'] as const) {
        await bob.page.emulateMedia({ colorScheme });
        expect(await seriousViolations(bob.page), `${label} ${colorScheme}`).toEqual([]);
        for (const width of [1400, 420]) {
          await bob.page.setViewportSize({ width, height: 900 });
          if (label === 'settings') await section(bob).scrollIntoViewIfNeeded();
          await bob.page.screenshot({
            path: join(SCREENS, `sync-${label}-${width}-${colorScheme}.png`),
          });
        }
        await bob.page.setViewportSize({ width: 1400, height: 900 });
      }
    }
    await bob.page.emulateMedia({ colorScheme: 'light' });
  }, 120_000);
});
