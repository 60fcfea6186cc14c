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
const TITLE = 'Payments timing out';
/** Long enough for reconnects with backoff on a busy two-core machine. */
const SYNC = { timeout: 30_000 };

interface Member {
  name: string;
  app: BrowserModeProcess;
  page: Page;
}

describe('team presence and incident links end to end: two members in Chromium, one sync server', () => {
  let server: RealSyncServer;
  let browser: Browser;
  let ada: Member;
  let bob: Member;
  let adaStopped = false;
  const dirs: string[] = [];

  const startMember = async (name: string): Promise<Member> => {
    const home = mkdtempSync(join(tmpdir(), `oncall-e2e-presence-${name.toLowerCase()}-`));
    dirs.push(home);
    writeFileSync(join(home, 'settings.json'), JSON.stringify({ sources: [] }));
    const app = await startBrowserMode({ home });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(app.url).origin,
    });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByRole('banner').getByRole('button', { name: 'Settings', exact: true }).waitFor();
    return { name, app, page };
  };

  const head = (m: Member, name: string) =>
    m.page
      .getByRole('banner')
      .getByRole('button', { name: name === 'Incidents' ? /^Incidents/ : name, exact: true });
  const indicatorText = (m: Member) =>
    m.page.locator('.sync-indicator .sync-indicator__text').innerText();
  const section = (m: Member) => m.page.getByRole('form', { name: 'Team sync' });
  const incident = (m: Member) => m.page.getByRole('article', { name: TITLE });
  const composer = (m: Member) =>
    incident(m).getByRole('region', { name: 'Timeline' }).getByRole('textbox', {
      name: 'Timeline entry',
    });
  const here = (m: Member) => incident(m).getByRole('list', { name: 'Also here now' });
  const present = async (m: Member): Promise<string[]> =>
    (await here(m).count()) === 0 ? [] : here(m).locator('.presence__name').allInnerTexts();
  const typing = (m: Member) => incident(m).getByTestId('typing-line').innerText();
  const joinForm = (m: Member) =>
    m.page.getByRole('form', { name: 'Join a team incident from a link' });

  const configure = async (m: Member): Promise<void> => {
    await head(m, 'Settings').click();
    const form = section(m);
    await form.getByLabel('Server address').fill(server.url);
    await form.getByLabel('Your name').fill(m.name);
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => form.getByRole('status').last().innerText()).toBe('Saved; connecting.');
    await form.getByLabel('Team token').fill(TEST_SYNC_TOKEN);
    await form.getByRole('button', { name: 'Store token' }).click();
    await expect.poll(() => indicatorText(m), SYNC).toContain('Synced');
  };

  beforeAll(async () => {
    server = await syncServerProcess();
    await server.start();
    browser = await launchChromium();
    [ada, bob] = await Promise.all([startMember('Ada'), startMember('Bob')]);
    mkdirSync(SCREENS, { recursive: true });
  }, 120_000);

  afterAll(async () => {
    if (adaStopped) process.kill(ada.app.pid, 'SIGCONT');
    await browser?.close();
    await Promise.all([ada?.app.stop(), bob?.app.stop()]);
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('both members connect to the sync server', async () => {
    await configure(ada);
    await configure(bob);
  }, 90_000);

  it('Copy link on Ada, pasted into Join from link on Bob, opens the incident there', async () => {
    await head(ada, 'Incidents').click();
    await ada.page.getByRole('button', { name: 'New incident' }).click();
    const dialog = ada.page.getByRole('dialog', { name: 'New incident' });
    await dialog.getByLabel('Title').fill(TITLE);
    await dialog.getByRole('button', { name: 'Declare incident' }).click();
    await incident(ada).waitFor();
    const copy = incident(ada).getByRole('button', {
      name: 'Copy link to this incident, for a teammate',
    });
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe('Copied');
    const link = await ada.page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/^oncall-companion:\/\/incident\/[\w.-]+\?server=ws%3A%2F%2F127\.0\.0\.1/);
    expect(link).not.toContain(TEST_SYNC_TOKEN);

    // Bob has not joined it: its row under "Team — not here yet" passes on the same link.
    await head(bob, 'Incidents').click();
    const team = bob.page.getByRole('region', { name: /Team — not here yet/ });
    const copyRow = team.getByRole('button', { name: `Copy link to “${TITLE}”, for a teammate` });
    await copyRow.click(SYNC);
    await expect.poll(() => copyRow.innerText()).toBe('Copied');
    expect(await bob.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await bob.page.screenshot({ path: join(SCREENS, 'team-incident-copy-link-1400-light.png') });

    const field = joinForm(bob).getByLabel('Join from link');
    await field.focus();
    await bob.page.evaluate((text) => navigator.clipboard.writeText(text), link);
    await bob.page.keyboard.press('Control+V');
    expect(await field.inputValue()).toBe(link);
    await bob.page.keyboard.press('Enter');
    await incident(bob).waitFor(SYNC);
  }, 90_000);

  it('each sees the other present; what Ada types shows as "Ada is typing…" at Bob, then stops', async () => {
    await expect.poll(() => present(bob), SYNC).toEqual(['Ada']);
    await expect.poll(() => present(ada), SYNC).toEqual(['Bob']);
    expect(await typing(bob)).toBe('');

    await composer(ada).focus();
    await ada.page.keyboard.type('ada is writing a line');
    await expect.poll(() => typing(bob), SYNC).toBe('Ada is typing…');
    expect(await here(bob).getByRole('listitem').innerText()).toMatch(/^Ada\s+typing$/);
    // Nobody types at Ada's: her own pen is not announced to herself.
    expect(await typing(ada)).toBe('');
    await bob.page.screenshot({ path: join(SCREENS, 'presence-typing-1400-light.png') });
    // 3 s after her last keystroke the pen is down again.
    await expect.poll(() => typing(bob), SYNC).toBe('');
    await expect.poll(() => here(bob).getByRole('listitem').innerText()).toMatch(/^Ada\s+viewing$/);
  }, 60_000);

  it('a link for another server or a malformed one is not followed, and says why', async () => {
    await head(bob, 'Incidents').click();
    const form = joinForm(bob);
    const field = form.getByLabel('Join from link');
    await field.fill('oncall-companion://incident/inc-1?server=wss%3A%2F%2Fsync.elsewhere.example');
    await field.press('Enter');
    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe(
        `That incident is on the sync server wss://sync.elsewhere.example, but this app syncs with ${server.url}; it was not opened. Ask for a link from your team's server.`,
      );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('https://example.org/incident/1');
    await field.press('Enter');
    await expect
      .poll(() => form.getByRole('alert').innerText())
      .toBe('That is a https:// link; an incident link starts with oncall-companion://incident/.');
  });

  it('axe: presence chips, the typing line and Join from link, light and dark; screenshots', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await bob.page.emulateMedia({ colorScheme });
      await head(bob, 'Incidents').click();
      await joinForm(bob).waitFor();
      expect(await seriousViolations(bob.page), `incidents ${colorScheme}`).toEqual([]);
      await bob.page.screenshot({
        path: join(SCREENS, `presence-join-link-1400-${colorScheme}.png`),
      });
      await bob.page
        .getByRole('button', { name: new RegExp(TITLE) })
        .first()
        .click();
      await incident(bob).waitFor();
      await composer(ada).focus();
      await ada.page.keyboard.type(' more');
      await expect.poll(() => typing(bob), SYNC).toBe('Ada is typing…');
      expect(await seriousViolations(bob.page), `incident ${colorScheme}`).toEqual([]);
      for (const width of [1400, 420]) {
        await bob.page.setViewportSize({ width, height: 900 });
        await bob.page.screenshot({
          path: join(SCREENS, `presence-incident-${width}-${colorScheme}.png`),
        });
      }
      await bob.page.setViewportSize({ width: 1400, height: 900 });
      await expect.poll(() => typing(bob), SYNC).toBe('');
    }
    await bob.page.emulateMedia({ colorScheme: 'light' });
  }, 90_000);

  it('when Ada’s app stops without a goodbye (a laptop asleep), Bob no longer shows her after the timeout', async () => {
    await expect.poll(() => present(bob), SYNC).toEqual(['Ada']);
    // SIGSTOP: her sockets stay open and say nothing, as on a laptop whose lid was shut.
    process.kill(ada.app.pid, 'SIGSTOP');
    adaStopped = true;
    await expect.poll(() => present(bob), { timeout: 75_000, interval: 1_000 }).toEqual([]);
  }, 90_000);
});
