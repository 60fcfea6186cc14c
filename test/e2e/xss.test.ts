import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';
import { unsafeMarkup, XSS_CORPUS, xssGlobals, type XssCase } from '../support/xss-corpus';

// Untrusted text end to end, all real: every payload of the XSS corpus sits in the annotations
// of an alert posted to a real Alertmanager and in the Markdown of a runbook on disk, and browser
// mode shows both in Debian's Chromium. Run twice: once as shipped, with the app's CSP, where
// nothing may even be attempted (no CSP violation); once with the CSP switched off, where the
// rendering alone has to keep every payload as text.

// The runbook's front matter is untrusted too: its title shows in alerts, settings and the page.
const RUNBOOK_TITLE = 'XSS corpus <img src=x onerror="window.xssRanTitle=1">';
const RUNBOOK_OWNER = '<script>window.xssRanOwner=1</script>';
const RUNBOOK_TAG = '<svg onload="window.xssRanTag=1">';

/** Every payload in a section of its own, and the one-line ones again as steps. */
function corpusRunbook(): string {
  const sections = XSS_CORPUS.map((c) => `## Case ${c.id}\n\n${c.payload}\n`);
  const steps = XSS_CORPUS.filter((c) => !c.payload.includes('\n')).map(
    (c) => `- [ ] ${c.payload}`,
  );
  return [
    '---',
    // JSON strings are YAML double-quoted strings.
    `title: ${JSON.stringify(RUNBOOK_TITLE)}`,
    'match:',
    '  alertname: XssProbe',
    `owner: ${JSON.stringify(RUNBOOK_OWNER)}`,
    `tags: [${JSON.stringify(RUNBOOK_TAG)}]`,
    '---',
    '',
    ...sections,
    '## Steps',
    '',
    ...steps,
    '',
  ].join('\n');
}

const MODES = [
  { name: "with the app's CSP", bypassCSP: false },
  { name: 'with the CSP switched off: the rendering alone keeps it text', bypassCSP: true },
];

describe('untrusted text in browser mode: the XSS corpus', () => {
  let session: E2eSession;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'xss',
      runbooks(folder) {
        mkdirSync(join(folder, 'xss'));
        writeFileSync(join(folder, 'xss/corpus.md'), corpusRunbook());
        // What the tab-in-the-scheme link climbs back to.
        writeFileSync(
          join(folder, 'xss/target.md'),
          '---\ntitle: Reached by a relative link\n---\n\nNothing to see.\n',
        );
      },
      // Dozens of alerts fire at once; the desktop notifications are not under test here.
      settings: { notifications: { enabled: false } },
      alerts: XSS_CORPUS.map((c) => ({
        labels: { alertname: 'XssProbe', severity: 'warning', instance: `xss-${c.id}` },
        annotations: { summary: c.payload, description: c.payload, runbook_url: c.payload },
      })),
    });
  });

  afterAll(async () => {
    await session?.dispose();
  });

  for (const mode of MODES) {
    describe(mode.name, () => {
      let context: BrowserContext;
      let page: Page;
      let watch: PageWatch;
      let origin: string;
      // Pages opened, frames attached and top-level addresses loaded, whatever did it.
      const popups: string[] = [];
      const frames: string[] = [];
      const addresses: string[] = [];

      beforeAll(async () => {
        origin = new URL(session.app.url).origin;
        ({ context, page, watch } = await session.openPage({
          bypassCSP: mode.bypassCSP,
          viewport: { width: 1200, height: 900 },
          beforeLoad(appPage, appContext) {
            appContext.on('page', (opened) => {
              if (opened === appPage) return;
              popups.push(opened.url());
              void opened.close().catch(() => undefined);
            });
            appPage.on('frameattached', (frame) => frames.push(`a frame at "${frame.url()}"`));
            appPage.on('framenavigated', (frame) => {
              if (frame === appPage.mainFrame()) addresses.push(frame.url());
            });
          },
        }));
      });

      afterAll(async () => {
        await context?.close();
      });

      const alerts = () => page.getByRole('region', { name: 'Alerts' });
      const rowOf = (c: XssCase) =>
        alerts()
          .locator('li.alert')
          .filter({ has: page.getByTitle(`instance=xss-${c.id}`, { exact: true }) });
      const runbooksOf = (c: XssCase) => rowOf(c).getByRole('region', { name: 'Runbooks' });
      const expand = async (c: XssCase) => {
        const head = rowOf(c).locator('button[aria-expanded]');
        if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
        await runbooksOf(c)
          .getByText(/Looking for runbooks/)
          .waitFor({ state: 'detached' });
      };
      const article = () => page.getByRole('article');
      const runbookText = () => article().getByRole('region', { name: 'Runbook text' });
      const openCorpus = async (from: Locator) => {
        await from.getByRole('button', { name: RUNBOOK_TITLE, exact: true }).click();
        await article().getByRole('heading', { level: 1, name: RUNBOOK_TITLE }).waitFor();
      };

      it('shows every payload of the alert annotations as text, and offers no link for them', async () => {
        // The probes share one alertname: their group line opens to show each of them.
        const group = alerts().locator('.group__head', { hasText: 'XssProbe' });
        await group.waitFor(WITHIN_ONE_POLL);
        if ((await group.getAttribute('aria-expanded')) !== 'true') await group.click();
        await expect
          .poll(() => alerts().locator('li.alert').count(), WITHIN_ONE_POLL)
          .toBe(XSS_CORPUS.length);
        // Every row open first: whatever a payload does, it gets the chance to do it.
        for (const c of XSS_CORPUS) await expand(c);
        for (const c of XSS_CORPUS) {
          // summary, description and runbook_url, each character as written.
          const values = await rowOf(c).getByRole('definition').allTextContents();
          expect.soft(values.filter((value) => value === c.payload).length, c.id).toBe(3);
          expect
            .soft(await rowOf(c).locator('.alert__summary').textContent(), c.id)
            .toBe(c.payload);
          if (/^https?:/.test(c.payload)) continue;
          // Not http(s): the runbook_url is refused, shown as it reads, and nothing opens it.
          const runbooks = runbooksOf(c);
          expect.soft(await runbooks.textContent(), c.id).toContain('was not opened');
          expect.soft(await runbooks.locator('code').allTextContents(), c.id).toContain(c.payload);
          expect
            .soft(await runbooks.getByRole('button', { name: /^Open runbook/ }).count(), c.id)
            .toBe(0);
        }
        // The corpus runbook's title is listed under each alert, as text.
        expect(
          await runbooksOf(XSS_CORPUS[0]!)
            .getByRole('button', { name: RUNBOOK_TITLE, exact: true })
            .textContent(),
        ).toBe(RUNBOOK_TITLE);
        expect(await unsafeMarkup(alerts())).toEqual([]);
      });

      it('shows every payload of the runbook Markdown as text', async () => {
        await openCorpus(runbooksOf(XSS_CORPUS[0]!));
        const text = (await runbookText().textContent()) ?? '';
        for (const c of XSS_CORPUS) expect.soft(text, c.id).toContain(c.shows);
        const steps = (await article().getByRole('complementary').textContent()) ?? '';
        for (const c of XSS_CORPUS.filter((c) => !c.payload.includes('\n'))) {
          expect.soft(steps, c.id).toContain(c.shows);
        }
        const head = (await article().locator('header').textContent()) ?? '';
        expect(head).toContain(`Owner: ${RUNBOOK_OWNER}`);
        expect(head).toContain(RUNBOOK_TAG);
        expect(await unsafeMarkup(article())).toEqual([]);
      });

      it('lets no link of the corpus lead out of the app: each one clicked, in the runbook and in the alerts', async () => {
        for (const c of XSS_CORPUS.filter((c) => c.link !== undefined)) {
          await runbookText().getByText(c.link!).first().click();
          // A relative path may open another runbook of the folder, in the app; come back.
          const back = page.getByRole('button', { name: '← Back to the previous runbook' });
          if ((await back.count()) > 0) await back.click();
          await article().getByRole('heading', { level: 1, name: RUNBOOK_TITLE }).waitFor();
        }
        await page.keyboard.press('Escape');
        await alerts().waitFor();
        for (const c of XSS_CORPUS.filter((c) => c.link !== undefined)) {
          await rowOf(c).getByRole('definition').filter({ hasText: c.link! }).first().click();
        }
        expect(page.url()).toBe(`${origin}/`);
        expect(await alerts().locator('li.alert').count()).toBe(XSS_CORPUS.length);
      });

      it('ran nothing: no global set, no dialog, no frame, no page opened, no navigation, no error', async () => {
        expect(await xssGlobals(page)).toEqual([]);
        expect(watch.dialogs).toEqual([]);
        expect(frames).toEqual([]);
        expect(popups).toEqual([]);
        expect(addresses.filter((address) => !address.startsWith(`${origin}/`))).toEqual([]);
        expect(watch.console).toEqual([]);
        // As shipped, nothing even reached the CSP to be refused.
        expect(await watch.cspViolations()).toEqual([]);
      });
    });
  }
});
