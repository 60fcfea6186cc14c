import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../src/main/services/clock/clock';
import {
  createSourceManager,
  type AlertsChange,
  type SourceManager,
} from '../../src/main/services/sources/source-manager';
import {
  pagerdutySourceSchema,
  type SourceConfig,
  type SourceStatus,
} from '../../src/shared/domain/source';
import { startFakePagerduty, type FakePagerduty, type FakeUser } from '../support/fake-pagerduty';
import { servedProblems } from '../unit/main/services/sources/pagerduty-served';

// The PagerDuty source through the source manager, against the local fake PagerDuty. Polls run
// when a test asks (the interval is an hour and random() = 1 stretches every backoff), so
// nothing depends on timing.
const WAIT = { timeout: 10_000, interval: 5 };

const ada: FakeUser = {
  id: 'PADA001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  token: 'u+ada-token',
};
const grace: FakeUser = {
  id: 'PGRACE1',
  name: 'Grace Hopper',
  email: 'grace@example.com',
  token: 'u+grace-token',
};

describe('the PagerDuty source against the fake PagerDuty', () => {
  let now = new Date('2026-03-01T02:00:00Z');
  const clock: Clock = { now: () => now };
  let pd: FakePagerduty;
  let manager: SourceManager;
  let token: string | undefined = ada.token;
  const changes: AlertsChange[] = [];
  const statuses: SourceStatus[] = [];

  const source = (extra: Record<string, unknown> = {}): SourceConfig =>
    pagerdutySourceSchema.parse({
      kind: 'pagerduty',
      id: 'pd',
      name: 'PagerDuty',
      apiUrl: pd.url,
      fromEmail: ada.email,
      intervalSeconds: 3600,
      ...extra,
    });

  beforeAll(async () => {
    pd = await startFakePagerduty({ users: [ada, grace], now: () => now });
    for (let i = 0; i < 120; i += 1) {
      pd.addIncident({
        id: `PBULK${String(i).padStart(3, '0')}`,
        title: `Queue depth ${i}`,
        assignedTo: [ada.id],
        urgency: 'low',
        createdAt: '2026-03-01T01:00:00Z',
      });
    }
    pd.addIncident({
      id: 'PCHKOUT',
      title: 'Checkout error rate above 5%',
      assignedTo: [ada.id],
      priority: 'P1',
      teamIds: ['PTEAM01'],
      createdAt: '2026-03-01T01:30:00Z',
    });
    pd.addIncident({ id: 'PGRACES', title: 'Not mine', assignedTo: [grace.id] });
    manager = createSourceManager({
      clock,
      random: () => 1,
      severity: () => ({ severityScale: 'p1-p4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
      secret: async (id) => (id === 'pd' ? token : undefined),
    });
    manager.configure([source()]);
    await nextStatus((s) => s.health === 'ok');
  });

  afterAll(async () => {
    manager?.stop();
    if (pd) {
      expect(servedProblems(pd.served)).toEqual([]);
      await pd.close();
    }
  });

  async function nextStatus(match: (s: SourceStatus) => boolean, since = 0) {
    return vi.waitFor(() => {
      const found = statuses.slice(since).find(match);
      if (!found) throw new Error('no matching status yet');
      return found;
    }, WAIT);
  }

  /** Advance the clock, poll now, and wait for the status that poll produced. */
  async function pollAgain(ms = 60_000): Promise<SourceStatus> {
    now = new Date(now.getTime() + ms);
    const at = now.toISOString();
    const since = statuses.length;
    expect(manager.refresh('pd')).toBe(true);
    return nextStatus((s) => s.lastAttemptAt === at, since);
  }

  /** Act a minute later, and wait for the poll the action starts by itself. */
  async function afterAction(run: () => Promise<unknown>) {
    now = new Date(now.getTime() + 60_000);
    const at = now.toISOString();
    const since = statuses.length;
    const result = await run();
    await nextStatus((s) => s.lastAttemptAt === at, since);
    return result;
  }

  /** Watch the source with other settings, and wait for their first poll to answer. */
  async function reconfigure(extra: Record<string, unknown> = {}) {
    const since = statuses.length;
    manager.configure([source(extra)]);
    return nextStatus((s) => s.health !== 'pending', since);
  }

  const alert = (id: string) => manager.alerts().find((a) => a.id === `pd:${id}`);

  it('shows every incident assigned to the token’s user, all pages, with what the source can do', () => {
    expect(manager.statuses()[0]).toMatchObject({
      kind: 'pagerduty',
      url: pd.url,
      health: 'ok',
      activeAlerts: 121,
      actions: ['acknowledge', 'snooze', 'resolve'],
    });
    expect(alert('PGRACES')).toBeUndefined();
    expect(alert('PCHKOUT')).toMatchObject({
      status: 'firing',
      severity: 'sev1',
      title: 'Checkout error rate above 5%',
      labels: { service: 'Checkout API', priority: 'P1', urgency: 'high', teams: 'Payments' },
      url: 'https://acme.pagerduty.com/incidents/PCHKOUT',
    });
    expect(alert('PBULK000')).toMatchObject({ severity: 'sev4' });
    // /users/me once, then two pages (100 + 21).
    expect(pd.requests.map((r) => `${r.method} ${r.path} ${r.query.get('offset') ?? ''}`)).toEqual([
      'GET /users/me ',
      'GET /incidents 0',
      'GET /incidents 100',
    ]);
  });

  it('asks who the token is only once, not on every poll', async () => {
    const before = pd.requests.length;
    await pollAgain();
    expect(pd.requests.slice(before).map((r) => r.path)).toEqual(['/incidents', '/incidents']);
  });

  it('acknowledges at PagerDuty as the From user; the next poll shows who and when', async () => {
    const results = await afterAction(() =>
      manager.act(['pd:PCHKOUT'], { type: 'acknowledge' }, 'Ada'),
    );
    expect(results).toEqual([{ alertId: 'pd:PCHKOUT', ok: true }]);
    expect(pd.requests.find((r) => r.method === 'PUT')?.headers.from).toBe(ada.email);
    expect(alert('PCHKOUT')).toMatchObject({
      status: 'firing',
      ack: { by: 'Ada Lovelace', at: now.toISOString(), via: 'source' },
    });
    expect(changes.at(-1)?.changed.map((a) => a.id)).toEqual(['pd:PCHKOUT']);
  });

  it('snoozes: a triggered incident is acknowledged first, and shows until when', async () => {
    const results = await afterAction(() =>
      manager.act(['pd:PBULK001'], { type: 'snooze', minutes: 30 }, 'Ada'),
    );
    expect(results).toEqual([{ alertId: 'pd:PBULK001', ok: true }]);
    const until = new Date(now.getTime() + 30 * 60_000).toISOString();
    expect(alert('PBULK001')?.ack).toEqual({
      by: 'Ada Lovelace',
      at: now.toISOString(),
      via: 'source',
      until,
    });
  });

  it('resolves: the incident leaves the list as resolved', async () => {
    await afterAction(() => manager.act(['pd:PBULK002'], { type: 'resolve' }, 'Ada'));
    expect(alert('PBULK002')).toMatchObject({ status: 'resolved' });
    expect(pd.incident('PBULK002')?.status).toBe('resolved');
    expect(manager.statuses()[0]?.activeAlerts).toBe(120);
  });

  it('says when PagerDuty refuses an action, and why', async () => {
    manager.configure([source({ fromEmail: 'nobody@example.com' })]);
    const results = await manager.act(['pd:PBULK003'], { type: 'acknowledge' }, 'Ada');
    expect(results).toEqual([
      {
        alertId: 'pd:PBULK003',
        ok: false,
        error:
          'PagerDuty refused the request (400): "Invalid Input Provided (The From header is missing or is not the e-mail of a user of this account.)"',
      },
    ]);
    manager.configure([source()]);
    expect(alert('PBULK003')).not.toHaveProperty('ack');
  });

  it.each([
    ['ratelimit-reset', { 'ratelimit-reset': '45' }, 45],
    ['Retry-After', { 'retry-after': '90' }, 90],
  ])('on a 429 with %s, says so and waits as asked, then recovers', async (_f, headers, s) => {
    // At the shortest interval, so the wait PagerDuty asks for is longer than any backoff.
    expect(await reconfigure({ intervalSeconds: 10 })).toMatchObject({ health: 'ok' });
    pd.failNext({ status: 429, headers });
    const failing = await pollAgain();
    expect(failing).toMatchObject({ health: 'failing', activeAlerts: 120 });
    expect(failing.reason).toMatch(/^PagerDuty's rate limit for this token was reached \(429\)/);
    expect(failing.nextAttemptAt).toBe(new Date(now.getTime() + s * 1000).toISOString());
    expect(manager.alerts().filter((a) => a.status === 'firing')).toHaveLength(120);
    expect(await pollAgain()).toMatchObject({ health: 'ok', failures: 0 });
    await reconfigure();
  });

  it.each([
    [
      'a wrong token',
      () => {
        token = 'revoked';
      },
      'PagerDuty refused the API token (401) — check it in Settings',
    ],
    [
      'no token',
      () => {
        token = undefined;
      },
      'no PagerDuty API token is stored for this source — add one in Settings (PagerDuty: My Profile → User Settings → Create API User Token)',
    ],
    [
      'an outage',
      () => pd.failNext({ status: 503, body: '<html>maintenance</html>' }),
      `${'PD_URL'} answered HTTP 503 Service Unavailable — PagerDuty is in trouble; the app keeps asking`,
    ],
  ])(
    'with %s, shows the reason and recovers by itself once it is fixed',
    async (_w, breakIt, reason) => {
      breakIt();
      const failing = await pollAgain();
      expect(failing).toMatchObject({
        health: 'failing',
        reason: reason.replace('PD_URL', pd.url),
      });
      token = ada.token;
      expect(await pollAgain()).toMatchObject({ health: 'ok' });
    },
  );

  it('tests settings with a token typed but not saved yet: the incidents, or why not', async () => {
    const trial = { ...source(), id: 'trial' };
    expect(await manager.test(trial)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^no PagerDuty API token/),
    });
    const tested = await manager.test(trial, grace.token);
    expect(tested).toMatchObject({ ok: true, alerts: [{ id: 'trial:PGRACES' }] });
    expect(await manager.test(trial, 'typo')).toEqual({
      ok: false,
      error: 'PagerDuty refused the API token (401) — check it in Settings',
    });
  });

  it('watches chosen teams instead, and says when a hand-built source chooses none', async () => {
    expect(await reconfigure({ scope: 'teams', teamIds: ['PTEAM01'] })).toMatchObject({
      health: 'ok',
      activeAlerts: 1,
    });
    expect(
      manager
        .alerts()
        .filter((a) => a.status === 'firing')
        .map((a) => a.id),
    ).toEqual(['pd:PCHKOUT']);
    expect(pd.requests.at(-1)?.query.getAll('team_ids[]')).toEqual(['PTEAM01']);

    // The settings schema refuses this; a source built by hand must still say what is wrong.
    const since = statuses.length;
    manager.configure([{ ...source(), scope: 'services', serviceIds: [] } as SourceConfig]);
    expect((await nextStatus((s) => s.health !== 'pending', since)).reason).toBe(
      "this source watches chosen services but lists no service id — add one in Settings (the id is in the service's PagerDuty URL, e.g. PQ9K7I8)",
    );
  });
});
