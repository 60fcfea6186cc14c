import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, WITHIN_ONE_POLL, type E2eSession } from '../support/e2e-session';
import type { PageWatch } from '../support/page-watch';

// Acknowledging from the list goes to Alertmanager itself (a silence on the alert's labels), so
// the whole team sees it: checked in Alertmanager's own API, then shown in the list.
const ALERTNAME = 'E2EAckCheckoutErrors';

interface AmSilence {
  id: string;
  status: { state: string };
  createdBy: string;
  matchers: Array<{ name: string; value: string; isRegex: boolean; isEqual?: boolean }>;
}
interface AmAlert {
  labels: Record<string, string>;
  status: { state: string; silencedBy: string[] };
}

describe('acknowledging an Alertmanager alert from the list', () => {
  let session: E2eSession;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    session = await startE2eSession({
      name: 'alert-ack',
      alerts: [
        {
          labels: { alertname: ALERTNAME, severity: 'critical', service: 'checkout' },
          annotations: { summary: 'Checkout 5xx above 5%' },
        },
      ],
    });
    ({ page, watch } = await session.openPage({ viewport: { width: 1400, height: 900 } }));
  });

  afterAll(async () => {
    await session?.dispose();
  });

  const alerts = () => page.getByRole('region', { name: 'Alerts' });
  const am = async <T>(path: string): Promise<T> =>
    (await (await fetch(`${session.am.url}${path}`)).json()) as T;

  it('creates a silence Alertmanager reports active, the alert suppressed, and the row says acked', async () => {
    await expect.poll(() => alerts().textContent(), WITHIN_ONE_POLL).toContain(ALERTNAME);
    await alerts()
      .getByRole('button', { name: new RegExp(ALERTNAME) })
      .first()
      .click();
    await alerts().getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await expect
      .poll(() => alerts().getByRole('status').filter({ hasText: 'Acknowledge:' }).innerText())
      .toMatch(/Acknowledge: 1 of 1 done/);

    const silences = (await am<AmSilence[]>('/api/v2/silences')).filter(
      (s) => s.status.state === 'active',
    );
    expect(silences).toHaveLength(1);
    expect(silences[0]?.matchers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'alertname', value: ALERTNAME, isRegex: false }),
      ]),
    );
    await expect
      .poll(async () => {
        const [alert] = await am<AmAlert[]>(`/api/v2/alerts?filter=alertname%3D${ALERTNAME}`);
        return alert?.status;
      }, WITHIN_ONE_POLL)
      .toEqual({ state: 'suppressed', silencedBy: [silences[0]?.id], inhibitedBy: [] });

    // The next poll brings it back acknowledged, with who did it.
    await expect
      .poll(() => alerts().locator('li.alert').first().innerText(), WITHIN_ONE_POLL)
      .toMatch(/\backed\b/i);
    // The details stay open across the poll, now saying who acknowledged it.
    await expect.poll(() => alerts().innerText(), WITHIN_ONE_POLL).toMatch(/Acknowledged by \S+/);
    expect(await alerts().getByRole('button', { name: 'Un-acknowledge' }).count()).toBe(1);
  });

  it('ran without CSP violations or page errors', () => {
    expect(watch.console).toEqual([]);
  });
});
