import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PostableAlert } from '../support/alertmanager';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { CspViolation, PageWatch } from '../support/page-watch';
import { unsafeMarkup, XSS_CORPUS, xssGlobals } from '../support/xss-corpus';

// The incident workspace end to end, all real, as a user runs an incident: an alert posted to a
// real Alertmanager is declared an incident in browser mode (Debian's Chromium), roles are taken
// and given, checklist items and a runbook step ticked, the timeline written with the keyboard
// (times typed out of order), a status update posted, a second alert added from the alerts view
// and followed until Alertmanager resolves it, the incident resolved and reopened; then the
// browser-mode process is restarted over the same home directory and the incident is all still
// there, in the same order.
const MINUTE = 60_000;

const ALERTNAME = 'CheckoutLatencyHigh';
const ME = 'Alex Müller';
const TECH_LEAD = 'Priya Raman';
const IMPACT = 'Checkout is slow for every customer; some orders time out.';
/** An alert that fires after the declaration, added to the incident from the alerts view. */
const SECOND = 'PaymentsErrorRate';
const REOPEN_NOTE = 'Errors are back after the rollback';
/** sev1's status-update cadence in the product's defaults. */
const SEV1_CADENCE_MINUTES = 15;

const RUNBOOK_TITLE = 'Checkout latency';
const RUNBOOK_STEPS = [
  'Check the payment provider status page',
  'Scale the checkout deployment to 12 replicas',
  'Confirm p99 latency is back under 500 ms',
];
const RUNBOOK = `---
title: ${RUNBOOK_TITLE}
match:
  alertname: ${ALERTNAME}
  service: checkout
owner: payments
---

# Checkout latency

Checkout answers slowly; customers abandon their carts.

${RUNBOOK_STEPS.map((step) => `- [ ] ${step}`).join('\n')}
`;

/** `HH:MM` of an instant in UTC, the profile's zone in this test. */
const clockUtc = (ms: number): string => new Date(ms).toISOString().slice(11, 16);
/** `YYYY-MM-DD HH:MM:SS (UTC)`, as the app's time titles (hover) read in UTC. */
const fullUtc = (ms: number): string =>
  `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} (UTC)`;
/** The instant a full time title names (whole seconds). */
const fromFullUtc = (title: string | null): number => {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}) \(UTC\)$/.exec(title ?? '');
  if (!match) throw new Error(`not a full UTC time: ${title}`);
  return Date.parse(`${match[1]}T${match[2]}Z`);
};
/** `YYYYMMDD` of an instant in UTC, as the channel names it. */
const channelDate = (ms: number): string =>
  new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
/**
 * Short times read `19:05` today and `24 Nov 19:05` on another day: drop the day, so a list read
 * before and after the restart compares equal even if midnight passes in between.
 */
const withoutDays = (text: string): string =>
  text.replace(/\b\d{1,2} [A-Z][a-z]{2}(?: \d{4})? (?=\d{2}:\d{2})/g, '');
/** "Alex Müller, 19:05" (or with a day): who ticked an item and when, as the row shows it. */
const tickedBy = (name: string) => new RegExp(`${name}, (?:\\d{1,2} [A-Z][a-z]{2} )?\\d{2}:\\d{2}`);

describe('an incident from a real alert, end to end in browser mode', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;
  // The alert's start, whole seconds, well before anything typed on the timeline.
  const alertStart = Math.floor((Date.now() - 40 * MINUTE) / 1000) * 1000;
  // CSP violations of pages already left (each document starts its own list).
  const earlierCsp: CspViolation[] = [];
  // The second alert's start: after the first, before anything typed on the timeline.
  const secondStart = Math.floor((Date.now() - 20 * MINUTE) / 1000) * 1000;
  // What the incident showed before the restart.
  let before: IncidentSnapshot | undefined;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'incident',
      notifications: true,
      runbooks(folder) {
        mkdirSync(join(folder, 'checkout'));
        writeFileSync(join(folder, 'checkout/latency.md'), RUNBOOK);
        // A runbook for another alert: it must not be offered on this incident.
        writeFileSync(
          join(folder, 'disk-full.md'),
          '---\ntitle: Disk full\nmatch:\n  alertname: DiskFull\n---\n\n- [ ] Free space\n',
        );
      },
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 1000 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const incident = () => page.getByRole('article', { name: ALERTNAME });
  const roleLineName = (name: string) => ({ name: new RegExp(`^${name}: `) });
  const roleLine = (name: string) =>
    incident().getByRole('region', { name: 'Roles' }).getByRole('button', roleLineName(name));
  /** A role on the strip: its line, and its checklist when open. */
  const role = (name: string) =>
    incident()
      .getByRole('region', { name: 'Roles' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', roleLineName(name)) });
  /** Open a role's checklist in place (once: a second press would close it). */
  const openRole = async (name: string): Promise<void> => {
    if ((await roleLine(name).getAttribute('aria-expanded')) !== 'true') {
      await roleLine(name).click();
    }
    await incident().getByRole('region', { name, exact: true }).waitFor();
  };
  const checklist = (roleName: string) =>
    incident().getByRole('list', { name: `${roleName} checklist` });
  const timeline = () => incident().getByRole('region', { name: 'Timeline' });
  const entries = () => timeline().getByRole('list', { name: 'Timeline entries' });
  const entry = (text: string) => entries().getByRole('listitem').filter({ hasText: text });
  const composer = () => timeline().getByRole('textbox', { name: 'Timeline entry' });
  const statusPanel = () => incident().getByRole('region', { name: 'Status updates' });
  const head = () => incident().locator('header').first();
  const incidentAlerts = () => incident().getByRole('region', { name: 'Alerts', exact: true });
  const alertRow = (title: string) =>
    incidentAlerts()
      .getByRole('list', { name: 'Alerts on this incident' })
      .getByRole('listitem')
      .filter({ hasText: title });
  const closure = () => incident().getByRole('region', { name: 'Closure' });
  const secondAlert = (endsAt: number): PostableAlert => ({
    labels: {
      alertname: SECOND,
      service: 'payments',
      instance: 'payments-1:9100',
      severity: 'warning',
    },
    annotations: { summary: 'Payments API answers 5xx to 3% of requests' },
    startsAt: new Date(secondStart).toISOString(),
    endsAt: new Date(endsAt).toISOString(),
  });
  const runbooks = () => incident().getByRole('region', { name: 'Runbooks' });
  const milestone = (label: string) =>
    incident()
      .locator('.milestone')
      .filter({ has: page.getByText(label, { exact: true }) });

  /** A runbook step's list item (not the runbook's own item around them). */
  const stepRow = (panel: Locator) =>
    panel.getByRole('listitem').filter({ hasNot: page.getByRole('list') });

  /** Write one line in the composer as a scribe does: type it, Enter, and it is on the list. */
  const writeLine = async (line: string, kindShortcut?: string): Promise<void> => {
    await composer().focus();
    if (kindShortcut) await page.keyboard.press(kindShortcut);
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
  };

  it('lists the posted alert; "You" in settings takes a name and UTC', async () => {
    await session.am.postAlerts([
      {
        labels: { alertname: ALERTNAME, service: 'checkout', severity: 'critical' },
        annotations: { summary: 'Checkout p99 latency above 2 s' },
        startsAt: new Date(alertStart).toISOString(),
        endsAt: new Date(Date.now() + 6 * 60 * MINUTE).toISOString(),
      },
    ]);
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain(ALERTNAME);

    await page.getByRole('button', { name: 'Settings' }).click();
    const you = page.getByRole('form', { name: 'You' });
    await you.getByLabel('Your name').fill(ME);
    await you.getByLabel('Time zone').fill('UTC');
    await you.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => you.getByRole('status').textContent()).toBe('Saved.');
    await page.getByRole('button', { name: '← Back to alerts' }).click();
    await alerts().waitFor();
  });

  it('declares an incident from the alert, prefilled from it, with its time and channel', async () => {
    await alerts()
      .getByRole('checkbox', { name: `Select “${ALERTNAME}” to declare an incident` })
      .check();
    const dayBefore = channelDate(Date.now());
    await alerts().getByRole('button', { name: 'Declare from 1 alert' }).click();

    const dialog = page.getByRole('dialog', { name: 'Declare an incident from this alert' });
    await dialog.waitFor();
    expect(await dialog.getByRole('list', { name: 'Alerts declared from' }).innerText()).toBe(
      ALERTNAME,
    );
    expect(await dialog.getByLabel('Title').inputValue()).toBe(ALERTNAME);
    expect(await dialog.getByLabel('Severity').inputValue()).toBe('sev1');
    expect(await dialog.getByLabel('Severity').locator('option:checked').textContent()).toBe(
      'SEV1',
    );
    expect(await dialog.getByLabel('Affected services (comma-separated)').inputValue()).toBe(
      'checkout',
    );
    const suggested = await dialog.getByLabel('Channel').inputValue();
    await dialog.getByLabel('Impact (who is affected, in words a customer reads)').fill(IMPACT);
    await dialog.getByRole('button', { name: 'Declare incident' }).click();

    await incident().waitFor();
    const dayAfter = channelDate(Date.now());
    expect(await dialog.isVisible()).toBe(false);

    // The incident's own header (not a landmark: it sits inside the article).
    const head = incident().locator('header').first();
    expect(await head.getByRole('heading', { level: 1 }).textContent()).toBe(ALERTNAME);
    expect(await head.getByRole('button', { name: 'Severity SEV1: change' }).isVisible()).toBe(
      true,
    );
    expect(await head.getByLabel('Status: Investigating').isVisible()).toBe(true);
    // The channel the dialog suggested, dated the day of declaring (UTC, the profile's zone).
    const channel = await head.locator('code').textContent();
    expect(channel).toBe(suggested);
    expect([dayBefore, dayAfter].map((day) => `#inc-${day}-checkoutlatencyhigh`)).toContain(
      channel,
    );
    expect(await head.textContent()).toContain(IMPACT);
    // Detected when the alert started, not when it was declared.
    const detected = milestone('Detected').locator('time');
    expect(await detected.getAttribute('title')).toBe(fullUtc(alertStart));
    expect(await detected.textContent()).toMatch(new RegExp(`${clockUtc(alertStart)}$`));
    // The alert's firing and the declaration, by whoever declared it, are the first entries.
    expect(
      await entry(`Alert fired: ${ALERTNAME}`).getByText('alert', { exact: true }).count(),
    ).toBe(1);
    const declared = entry(`Declared SEV1: ${ALERTNAME}`);
    expect(await declared.getByText('declared', { exact: true }).count()).toBe(1);
    expect(await declared.innerText()).toContain(ME);
    expect(await timeline().textContent()).toContain('times in UTC');
  });

  it('takes the Incident Commander role, gives Tech Lead to a teammate, ticks two items', async () => {
    await role('Incident Commander')
      .getByRole('button', { name: 'Take the Incident Commander role' })
      .click();
    await expect.poll(() => role('Incident Commander').innerText()).toContain(ME);
    await openRole('Incident Commander');
    expect(withoutDays(await role('Incident Commander').innerText())).toMatch(
      new RegExp(`${ME}\\s+since \\d{2}:\\d{2}`),
    );

    await role('Tech Lead').getByRole('button', { name: 'Assign the Tech Lead role' }).click();
    await role('Tech Lead').getByRole('textbox', { name: 'Who holds Tech Lead' }).fill(TECH_LEAD);
    await role('Tech Lead').getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => role('Tech Lead').innerText()).toContain(TECH_LEAD);
    await openRole('Tech Lead');
    expect(
      await role('Tech Lead').getByRole('button', { name: 'Hand over the Tech Lead role' }).count(),
    ).toBe(1);

    const items = [
      'Confirm the severity and record it',
      'Give out the roles: tech lead, comms lead, scribe',
    ];
    for (const item of items) {
      await checklist('Incident Commander').getByRole('checkbox', { name: item }).check();
    }
    for (const item of items) {
      const row = checklist('Incident Commander').getByRole('listitem').filter({ hasText: item });
      await expect.poll(() => row.innerText()).toMatch(tickedBy(ME));
      expect(await row.getByRole('checkbox').isChecked()).toBe(true);
    }
    expect(await role('Incident Commander').innerText()).toContain('2/6');
    // Each is on the timeline, by whom.
    await expect.poll(() => entries().innerText()).toContain(TECH_LEAD);
    for (const item of items) expect(await entry(item).innerText()).toContain(ME);
  });

  it("ticks a step of the matching runbook in the incident's Runbooks panel", async () => {
    const panel = runbooks();
    // The one runbook matching the alert's labels, open by itself; the other one is not offered.
    const toggle = panel.getByRole('button', { name: RUNBOOK_TITLE, exact: true });
    await toggle.waitFor();
    expect(await panel.textContent()).not.toContain('Disk full');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await panel.textContent()).toContain('0 of 3 steps done');

    const step = panel.getByRole('checkbox', { name: `Step done: ${RUNBOOK_STEPS[0]}` });
    await step.check();
    await expect.poll(() => panel.textContent()).toContain('1 of 3 steps done');
    const row = stepRow(panel).filter({
      has: page.getByRole('checkbox', { name: `Step done: ${RUNBOOK_STEPS[0]}` }),
    });
    await expect.poll(() => row.innerText()).toMatch(tickedBy(ME));
    expect(await step.isChecked()).toBe(true);
    for (const other of RUNBOOK_STEPS.slice(1)) {
      expect(await panel.getByRole('checkbox', { name: `Step done: ${other}` }).isChecked()).toBe(
        false,
      );
    }
  });

  it('writes the timeline with the keyboard: typed times out of order, kinds by shortcut, sorted by time', async () => {
    // Ten and fifteen minutes ago on the profile's clock (UTC): in the past at any hour, just
    // after midnight too (the most recent such time is then yesterday's, which is still right).
    const minuteNow = Math.floor(Date.now() / MINUTE) * MINUTE;
    const later = { at: minuteNow - 10 * MINUTE, text: 'Decided to roll checkout back to v2.14' };
    const earlier = {
      at: minuteNow - 15 * MINUTE,
      text: 'Moved checkout traffic to the standby region',
    };

    // `n` puts the keyboard in the composer.
    await timeline().getByRole('heading', { name: 'Timeline' }).click();
    await page.keyboard.press('n');
    await expect
      .poll(() => composer().evaluate((input) => input === document.activeElement))
      .toBe(true);

    await page.keyboard.press('Alt+2');
    expect(await timeline().getByLabel('Kind').inputValue()).toBe('decision');
    await page.keyboard.type(`${clockUtc(later.at)} ${later.text}`);
    // The preview says when it will be placed before Enter is pressed.
    await expect
      .poll(() => timeline().locator('#composer-help').textContent())
      .toMatch(new RegExp(`^At: ${clockUtc(later.at)} (today|yesterday)`));
    await page.keyboard.press('Enter');
    await expect.poll(() => composer().inputValue()).toBe('');
    // The composer goes back to a note, and keeps the keyboard for the next line.
    await expect.poll(() => timeline().getByLabel('Kind').inputValue()).toBe('note');

    await writeLine(`${clockUtc(earlier.at)} ${earlier.text}`, 'Alt+5');
    await writeLine('Paged the payments team');
    // The input empties as the line is taken; the entry shows once it is on disk.
    for (const text of [later.text, earlier.text, 'Paged the payments team']) {
      await entry(text).waitFor();
    }

    for (const [written, kind] of [
      [later, 'decision'],
      [earlier, 'mitigation'],
    ] as const) {
      const row = entry(written.text);
      // Just after midnight these are yesterday's, and say their day.
      expect(withoutDays((await row.locator('time').textContent()) ?? '')).toBe(
        clockUtc(written.at),
      );
      expect(await row.locator('time').getAttribute('title')).toBe(fullUtc(written.at));
      expect(await row.getByText(kind, { exact: true }).count()).toBe(1);
      expect(await row.innerText()).toContain(ME);
    }
    expect(await entry('Paged the payments team').getByText('note', { exact: true }).count()).toBe(
      1,
    );

    // Sorted by event time, not by when it was written: the line typed second comes first.
    const texts = await entries().getByRole('listitem').allInnerTexts();
    const at = (needle: string) => texts.findIndex((text) => text.includes(needle));
    expect(at(`Alert fired: ${ALERTNAME}`)).toBe(0);
    expect(at(earlier.text)).toBe(1);
    expect(at(later.text)).toBe(2);
    expect(at('Paged the payments team')).toBeGreaterThan(at('Confirm the severity'));
    const times = await entryTimes();
    expect(times).toEqual([...times].sort((a, b) => a - b));

    // A reader catching up asks what was decided and done.
    const show = timeline().getByRole('group', { name: 'Show' });
    await show.getByRole('button', { name: 'Decisions and actions' }).click();
    await expect
      .poll(() => entries().getByRole('listitem').allInnerTexts())
      .toEqual([expect.stringContaining(earlier.text), expect.stringContaining(later.text)]);
    await show.getByRole('button', { name: 'All', exact: true }).click();
    await expect.poll(() => entries().getByRole('listitem').count()).toBe(texts.length);
  });

  it('takes lines typed back to back without waiting, each once and in the order typed', async () => {
    // A scribe on a loud bridge call does not wait for the app between lines.
    const burst = ['Bridge: DBA joined', 'Bridge: pool size doubled', 'Bridge: errors dropping'];
    await composer().focus();
    for (const line of burst) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => composer().inputValue()).toBe('');
    await expect
      .poll(async () =>
        (await entries().getByRole('listitem').allInnerTexts()).filter((t) =>
          t.includes('Bridge:'),
        ),
      )
      .toHaveLength(3);
    const texts = (await entries().getByRole('listitem').allInnerTexts())
      .map((text) => burst.find((line) => text.includes(line)))
      .filter((line) => line !== undefined);
    expect(texts).toEqual(burst);
    expect(await timeline().getByRole('status').count()).toBe(0);
  });

  it('posts a status update from a template: on the timeline, and the countdown restarts', async () => {
    const panel = statusPanel();
    expect(await panel.textContent()).toContain('none posted yet');
    const dueBefore = fromFullUtc(await dueTitle(panel));

    // The internal template leaves the news to the writer, and says so until it is written.
    await panel.getByLabel('Template').selectOption({ label: 'Internal update' });
    const placeholderNote = panel.getByRole('note').filter({ hasText: /^Still says/ });
    await expect.poll(() => placeholderNote.count()).toBe(1);
    const draft = panel.getByLabel('Status update text');
    await draft.fill(
      (await draft.inputValue()).replace('(what changed since the last update)', 'Rolled back.'),
    );
    await expect.poll(() => placeholderNote.count()).toBe(0);

    await panel.getByLabel('Template').selectOption({ label: 'Status page' });
    const text = await panel.getByLabel('Status update text').inputValue();
    // Filled from the incident, in a customer's words: the impact, once with its full stop.
    expect(text).toMatch(/^Investigating — \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\n/);
    expect(text).toContain(`We are looking into a problem: ${IMPACT}\n`);
    expect(text).not.toContain(ALERTNAME);
    await panel.getByRole('button', { name: 'Mark as posted' }).click();

    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Marked' }).textContent())
      .toMatch(/^Marked as posted at [^;]*\d{2}:\d{2}; the countdown restarted\.$/);
    expect(await panel.getByRole('button', { name: 'Posted' }).isDisabled()).toBe(true);
    const posted = fromFullUtc(await panel.getByText(/^last posted /).getAttribute('title'));
    const dueAfter = fromFullUtc(await dueTitle(panel));
    // Due one sev1 cadence after it was posted, no longer one after the declaration.
    expect(dueAfter - posted).toBe(SEV1_CADENCE_MINUTES * MINUTE);
    expect(dueAfter).not.toBe(dueBefore);
    expect(await panel.textContent()).toMatch(/Next update.*due in/);

    const update = entry('Status update (status page, investigating):');
    await expect.poll(() => update.count()).toBe(1);
    expect(await update.getByText('status update', { exact: true }).count()).toBe(1);
    expect(await update.innerText()).toContain(text.split('\n')[0]);
    const times = await entryTimes();
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('adds a second alert from the alerts view: listed on the incident as firing, and on the timeline', async () => {
    await session.am.postAlerts([secondAlert(Date.now() + 6 * 60 * MINUTE)]);
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain(SECOND);
    const tick = (title: string) =>
      alerts().getByRole('checkbox', { name: `Select “${title}” to declare an incident` });
    await tick(SECOND).check();
    await alerts().getByRole('button', { name: 'Add to incident…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Add this alert to an incident' });
    await dialog.waitFor();
    expect(await dialog.getByRole('list', { name: 'Alerts to add' }).innerText()).toBe(SECOND);
    // The one open incident is offered, and chosen.
    const options = dialog.getByRole('radio');
    expect(await options.count()).toBe(1);
    expect(await dialog.getByRole('radio', { name: new RegExp(ALERTNAME) }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Add to incident', exact: true }).click();

    await incident().waitFor();
    expect(await dialog.isVisible()).toBe(false);
    expect(await incidentAlerts().getByRole('status').textContent()).toBe(
      'Added 1 alert to this incident.',
    );
    const row = alertRow(SECOND);
    await expect.poll(() => row.getByText('firing', { exact: true }).count()).toBe(1);
    expect(await row.getByText('SEV3', { exact: true }).count()).toBe(1);
    // Its key labels as chips (the alertname is its title already).
    for (const label of ['service=payments', 'instance=payments-1:9100']) {
      expect(await row.getByTitle(label, { exact: true }).textContent()).toBe(label);
    }
    expect(await row.locator('time').first().getAttribute('title')).toBe(fullUtc(secondStart));
    expect(await alertRow(ALERTNAME).getByText('firing', { exact: true }).count()).toBe(1);
    // On the timeline at its start, and the adding itself, by whoever added it.
    const fired = entry(`Alert fired: ${SECOND}`);
    expect(await fired.locator('time').getAttribute('title')).toBe(fullUtc(secondStart));
    expect(await entry(`Added to the incident: ${SECOND}`).innerText()).toContain(ME);
    expect(await head().textContent()).toContain('payments');

    // The ticks were cleared; an alert already on the incident is said to be, and nothing added.
    await page.getByRole('button', { name: 'Alerts', exact: true }).click();
    expect(await tick(SECOND).isChecked()).toBe(false);
    await tick(ALERTNAME).check();
    await alerts().getByRole('button', { name: 'Add to incident…' }).click();
    await dialog.getByRole('button', { name: 'Add to incident', exact: true }).click();
    await expect
      .poll(() => dialog.getByRole('status').textContent())
      .toContain('Nothing added: this alert is already on this incident.');
    await dialog.getByRole('button', { name: 'Show the incident' }).click();
    await incident().waitFor();
    expect(
      await entries().getByRole('listitem').filter({ hasText: 'Added to the incident' }).count(),
    ).toBe(1);
  });

  it('shows the added alert resolved once Alertmanager resolves it, and the timeline says so', async () => {
    // Resolved at the source: posted again with its end in the past.
    await session.am.postAlerts([secondAlert(Date.now() - MINUTE)]);
    const row = alertRow(SECOND);
    await expect
      .poll(() => row.getByText('resolved', { exact: true }).count(), {
        timeout: 2 * WITHIN_ONE_POLL.timeout,
      })
      .toBe(1);
    expect(await row.innerText()).toMatch(/ended \d{2}:\d{2}/);
    await expect.poll(() => entry(`Alert resolved: ${SECOND}`).count()).toBe(1);
    // Still listed, after the one that still fires.
    expect(await alertRow(ALERTNAME).getByText('firing', { exact: true }).count()).toBe(1);
    expect(await incidentAlerts().textContent()).toContain('1 firing · 1 resolved');
  });

  it('resolves the incident, then reopens it: the closure checklist is reset, the timeline says "Reopened"', async () => {
    const stable = closure().getByRole('checkbox', {
      name: 'Stable for at least an hour since the fix',
    });
    await stable.check();
    await expect.poll(() => stable.isChecked()).toBe(true);
    await closure().getByRole('button', { name: 'Mark resolved' }).click();
    // The first alert still fires: the app asks before resolving.
    await closure()
      .getByRole('group', { name: 'Confirm: Mark resolved' })
      .getByRole('button', { name: 'Resolve anyway' })
      .click();
    await expect.poll(() => head().getByLabel('Status: Resolved').count()).toBe(1);

    await head().getByRole('button', { name: 'Reopen…' }).click();
    const form = head().getByRole('form', { name: 'Reopen the incident' });
    // What reopening undoes is said before it is done.
    expect(await form.textContent()).toContain(
      'the closure checklist is reset (1 ticked item is unticked)',
    );
    await form.getByLabel('Why (optional, goes on the timeline)').fill(REOPEN_NOTE);
    await form.getByRole('button', { name: 'Reopen incident' }).click();

    await expect.poll(() => head().getByLabel('Status: Investigating').count()).toBe(1);
    const reopened = entry('Reopened: resolved → investigating');
    await expect.poll(() => reopened.count()).toBe(1);
    const text = await reopened.innerText();
    expect(text).toContain('closure checklist reset');
    expect(text).toContain(REOPEN_NOTE);
    expect(text).toContain(ME);
    expect(await stable.isChecked()).toBe(false);
    expect(await form.count()).toBe(0);
    expect(await head().getByRole('button', { name: 'Mark mitigated' }).count()).toBe(1);
  });

  it('shows untrusted timeline text literally, and none of it runs', async () => {
    // The composer is one line: the corpus cases that fit on one.
    const cases = XSS_CORPUS.filter((c) => !c.payload.includes('\n'));
    for (const c of cases) {
      await composer().fill(c.payload);
      await composer().press('Enter');
      await expect.poll(() => composer().inputValue()).toBe('');
    }
    await expectCorpusShownLiterally(cases.map((c) => c.payload));
  });

  it('keeps everything over a restart of the browser-mode process', async () => {
    before = await snapshot();
    // Leave the page first: the old page would log its lost connection as a console error.
    earlierCsp.push(...(await watch.cspViolations()));
    await page.goto('about:blank');
    await session.restartApp();
    await page.goto(session.app.url);

    await page.getByRole('button', { name: /^Incidents/ }).click();
    const open = page.getByRole('region', { name: /^Open/ });
    await open.getByRole('button', { name: new RegExp(ALERTNAME) }).click();
    await incident().waitFor();
    await runbooks()
      .getByRole('checkbox', { name: `Step done: ${RUNBOOK_STEPS[0]}` })
      .waitFor();

    const after = await snapshot();
    expect(after).toEqual(before);
    // What the snapshot holds, spelled out.
    expect(after.holders).toEqual({
      'Incident Commander': ME,
      'Tech Lead': TECH_LEAD,
      'Communications Lead': 'unassigned',
      Scribe: 'unassigned',
    });
    expect(after.ticked).toHaveLength(2);
    expect(after.runbook.ticked).toEqual([
      expect.stringMatching(new RegExp(`^${RUNBOOK_STEPS[0]}\\s+${tickedBy(ME).source}`)),
    ]);
    expect(after.status.lastPosted).toMatch(/UTC/);
    expect(after.status.state).toBe('Status: Investigating');
    expect(after.alerts).toEqual([ALERTNAME, SECOND]);
    expect(after.timeline.some((text) => text.includes(`Alert resolved: ${SECOND}`))).toBe(true);
    expect(after.timeline.some((text) => text.includes(REOPEN_NOTE))).toBe(true);
    // The new process never saw the alert resolve (Alertmanager no longer lists it), but the
    // incident recorded it.
    expect(await alertRow(SECOND).getByText('resolved', { exact: true }).count()).toBe(1);
    expect(after.timeline.some((text) => text.includes('Status update (status page'))).toBe(true);

    // The untrusted text, read back from disk, is still only text.
    await expectCorpusShownLiterally(
      XSS_CORPUS.filter((c) => !c.payload.includes('\n')).map((c) => c.payload),
    );
  });

  it('ran without CSP violations, page errors or dialogs', async () => {
    expect([...earlierCsp, ...(await watch.cspViolations())]).toEqual([]);
    expect(watch.console).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });

  /** Every entry's event time (ms), in the order the list shows them. */
  async function entryTimes(): Promise<number[]> {
    const stamps = await entries()
      .getByRole('listitem')
      .locator('time')
      .evaluateAll((times) => times.map((time) => time.getAttribute('datetime') ?? ''));
    return stamps.map((stamp) => Date.parse(stamp));
  }

  /** The full due time of the next status update, from its hover title. */
  function dueTitle(panel: Locator): Promise<string | null> {
    // A regex is tested against the text as it is, here " (at 19:45)".
    return panel.getByText(/\((?:at|was due) \d/).getAttribute('title');
  }

  async function expectCorpusShownLiterally(payloads: readonly string[]): Promise<void> {
    for (const payload of payloads) {
      expect(
        await entries().getByText(payload, { exact: true }).count(),
        `entry showing ${payload}`,
      ).toBe(1);
    }
    expect(await xssGlobals(page)).toEqual([]);
    expect(await unsafeMarkup(entries())).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  }

  /** What a user reads on the incident, independent of the clock ticking on. */
  async function snapshot(): Promise<IncidentSnapshot> {
    const roleNames = await incident()
      .getByRole('region', { name: 'Roles' })
      .locator('.role-chip__name')
      .allTextContents();
    const holders: Record<string, string> = {};
    for (const name of roleNames) {
      holders[name] =
        (await role(name)
          .locator('.role-chip__person, .role-chip__nobody')
          .first()
          .textContent()) ?? '';
      await openRole(name);
    }
    const ticked: string[] = [];
    for (const name of roleNames) {
      const rows = checklist(name)
        .getByRole('listitem')
        .filter({ has: page.getByRole('checkbox', { checked: true }) });
      ticked.push(...(await rows.allInnerTexts()).map(withoutDays));
    }
    const panel = runbooks();
    const stepRows = stepRow(panel).filter({
      has: page.getByRole('checkbox', { checked: true }),
    });
    const status = statusPanel();
    return {
      title: (await incident().getByRole('heading', { level: 1 }).textContent()) ?? '',
      severity:
        (await incident()
          .getByRole('button', { name: /^Severity / })
          .getAttribute('aria-label')) ?? '',
      channel: (await incident().locator('header').first().locator('code').textContent()) ?? '',
      milestones: withoutDays(await incident().locator('.milestones').innerText()),
      holders,
      ticked,
      runbook: {
        progress:
          (await panel
            .getByText(/steps? done/)
            .first()
            .textContent()) ?? '',
        ticked: (await stepRows.allInnerTexts()).map(withoutDays),
      },
      status: {
        state: (await head().locator('.lifecycle').getAttribute('aria-label')) ?? '',
        lastPosted: (await status.getByText(/^last posted /).getAttribute('title')) ?? '',
        due: (await dueTitle(status)) ?? '',
      },
      alerts: await incidentAlerts().locator('.incident-alert__title').allTextContents(),
      timeline: await entries().getByRole('listitem').allInnerTexts(),
    };
  }
});

interface IncidentSnapshot {
  title: string;
  severity: string;
  channel: string;
  milestones: string;
  holders: Record<string, string>;
  ticked: string[];
  runbook: { progress: string; ticked: string[] };
  status: { state: string; lastPosted: string; due: string };
  alerts: string[];
  timeline: string[];
}
