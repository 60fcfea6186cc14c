import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../src/main/services/clock/clock';
import {
  MAX_PAGES,
  PAGERDUTY_ACCEPT,
  fetchCurrentUserId,
  fetchOpenIncidents,
  snoozeIncident,
  updateIncidentStatus,
  type PagerdutyAccount,
} from '../../../../../src/main/services/sources/pagerduty-client';
import { SourceError } from '../../../../../src/main/services/sources/source-error';
import { pagerdutySourceSchema } from '../../../../../src/shared/domain/source';
import {
  FAKE_ACCOUNT_TOKEN,
  startFakePagerduty,
  type FakePagerduty,
  type FakeUser,
} from '../../../../support/fake-pagerduty';
import { servedProblems } from './pagerduty-served';
import { startScriptedServer, type ScriptedServer } from './scripted-server';

const now = new Date('2026-03-01T02:00:00Z');
const clock: Clock = { now: () => now };
const options = () => ({ signal: new AbortController().signal, timeoutMs: 5_000, clock });
const ada: FakeUser = {
  id: 'PADA001',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  token: 'u+ada-token',
};
const me = { param: 'user_ids[]', ids: [ada.id] } as const;

async function failure(run: () => Promise<unknown>): Promise<SourceError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('the PagerDuty client against the fake PagerDuty', () => {
  let pd: FakePagerduty;
  let account: PagerdutyAccount;

  beforeAll(async () => {
    pd = await startFakePagerduty({ users: [ada], now: () => now });
    account = { apiUrl: pd.url, token: ada.token };
  });
  afterAll(async () => {
    // Whatever the fake answered in these tests is what PagerDuty's spec says it answers.
    expect(servedProblems(pd.served)).toEqual([]);
    await pd.close();
  });
  beforeEach(() => {
    pd.requests.length = 0;
  });

  it('asks who the token is, with the token and the version header', async () => {
    expect(await fetchCurrentUserId(account, options())).toBe(ada.id);
    expect(pd.requests[0]?.headers).toMatchObject({
      authorization: 'Token token=u+ada-token',
      accept: PAGERDUTY_ACCEPT,
    });
  });

  it('says "assigned to me" needs a user token when the token is an account token', async () => {
    const error = await failure(() =>
      fetchCurrentUserId({ apiUrl: pd.url, token: FAKE_ACCOUNT_TOKEN }, options()),
    );
    expect(error.message).toBe(
      'PagerDuty refused the request (400): "Invalid Input Provided (This endpoint requires a user-level API key, not an account-level one.)" — "assigned to me" needs a personal (user) API token; with an account token, watch teams or services instead',
    );
  });

  it('reads every page of triggered and acknowledged incidents assigned to the user', async () => {
    for (let i = 0; i < 230; i += 1) {
      pd.addIncident({
        id: `PMINE${String(i).padStart(3, '0')}`,
        title: `Mine ${i}`,
        assignedTo: [ada.id],
      });
    }
    pd.addIncident({ id: 'PNOTMINE', title: 'Someone else’s' });
    const incidents = await fetchOpenIncidents(account, me, options());
    expect(incidents).toHaveLength(230);
    expect(new Set(incidents.map((i) => i.id)).size).toBe(230);
    expect(pd.requests.map((r) => r.query.get('offset'))).toEqual(['0', '100', '200']);
    const query = pd.requests[0]?.query;
    expect(query?.getAll('statuses[]')).toEqual(['triggered', 'acknowledged']);
    expect(query?.getAll('user_ids[]')).toEqual([ada.id]);
    expect(query?.get('limit')).toBe('100');
  });

  it('refuses to read past its page cap, saying why, rather than show part of the list as all', async () => {
    for (let i = 0; i < MAX_PAGES * 100 + 1; i += 1) {
      pd.addIncident({
        id: `PTEAM${String(i).padStart(4, '0')}`,
        title: `Team ${i}`,
        teamIds: ['PTEAM01'],
      });
    }
    const error = await failure(() =>
      fetchOpenIncidents(account, { param: 'team_ids[]', ids: ['PTEAM01'] }, options()),
    );
    expect(error.message).toMatch(/^PagerDuty lists more than 1000 open incidents in this scope/);
    expect(pd.requests).toHaveLength(MAX_PAGES);
  });

  it('says PagerDuty refused the token on a 401', async () => {
    const error = await failure(() =>
      fetchOpenIncidents({ apiUrl: pd.url, token: 'wrong' }, me, options()),
    );
    expect(error.message).toBe('PagerDuty refused the API token (401) — check it in Settings');
  });

  it.each([
    ['ratelimit-reset', { 'ratelimit-reset': '37' }, 37_000],
    ['Retry-After', { 'retry-after': '20' }, 20_000],
    ['both, the longer', { 'retry-after': '5', 'ratelimit-reset': '12' }, 12_000],
  ])('on a 429 with %s, waits as long as PagerDuty asks', async (_form, headers, ms) => {
    pd.failNext({ status: 429, headers });
    const error = await failure(() => fetchOpenIncidents(account, me, options()));
    expect(error.retryAfterMs).toBe(ms);
    expect(error.message).toBe(
      `PagerDuty's rate limit for this token was reached (429); asking again in ${ms / 1000} s — other tools may share the token`,
    );
  });

  it('says PagerDuty is in trouble on a 5xx, and forbidden on a 403', async () => {
    pd.failNext({ status: 502, body: '<html>Bad Gateway</html>' });
    expect((await failure(() => fetchOpenIncidents(account, me, options()))).message).toBe(
      `${pd.url} answered HTTP 502 Bad Gateway — PagerDuty is in trouble; the app keeps asking`,
    );
    pd.failNext({ status: 403 });
    expect((await failure(() => fetchOpenIncidents(account, me, options()))).message).toBe(
      'PagerDuty forbade this (403): "Access Denied" — the token may be read-only, or its user may not see these incidents',
    );
  });

  it('acknowledges in bulk as the From user, and refuses without a From PagerDuty knows', async () => {
    pd.addIncident({ id: 'PACK001', title: 'To acknowledge', assignedTo: [ada.id] });
    pd.addIncident({ id: 'PACK002', title: 'To acknowledge too', assignedTo: [ada.id] });
    await updateIncidentStatus(
      account,
      ada.email,
      ['PACK001', 'PACK002'],
      'acknowledged',
      options(),
    );
    expect(pd.requests[0]).toMatchObject({
      method: 'PUT',
      path: '/incidents',
      headers: { from: ada.email, 'content-type': 'application/json' },
      body: {
        incidents: [
          { id: 'PACK001', type: 'incident_reference', status: 'acknowledged' },
          { id: 'PACK002', type: 'incident_reference', status: 'acknowledged' },
        ],
      },
    });
    expect(pd.incident('PACK002')).toMatchObject({
      status: 'acknowledged',
      acknowledgements: [{ acknowledger: { summary: 'Ada Lovelace' } }],
    });

    const error = await failure(() =>
      updateIncidentStatus(account, 'nobody@example.com', ['PACK001'], 'resolved', options()),
    );
    expect(error.message).toBe(
      'PagerDuty refused the request (400): "Invalid Input Provided (The From header is missing or is not the e-mail of a user of this account.)"',
    );
    expect(pd.incident('PACK001')?.status).toBe('acknowledged');
  });

  it('snoozes an acknowledged incident for the seconds asked; says why it cannot snooze another', async () => {
    pd.addIncident({
      id: 'PSNZ001',
      title: 'Snooze me',
      assignedTo: [ada.id],
      status: 'acknowledged',
    });
    await snoozeIncident(account, ada.email, 'PSNZ001', 3600, options());
    expect(pd.requests[0]).toMatchObject({
      method: 'POST',
      path: '/incidents/PSNZ001/snooze',
      body: { duration: 3600 },
    });
    expect(pd.incident('PSNZ001')?.pending_actions).toEqual([
      { type: 'unacknowledge', at: '2026-03-01T03:00:00Z' },
    ]);

    pd.addIncident({ id: 'PSNZ002', title: 'Triggered', assignedTo: [ada.id] });
    expect(
      (await failure(() => snoozeIncident(account, ada.email, 'PSNZ002', 60, options()))).message,
    ).toBe(
      'PagerDuty refused the request (400): "Invalid Input Provided (Only acknowledged incidents can be snoozed.)"',
    );
    expect(
      (await failure(() => snoozeIncident(account, ada.email, 'PGONE', 60, options()))).message,
    ).toBe('PagerDuty has no incident PGONE (404) — it may have been merged or deleted');
  });
});

describe("the PagerDuty client's request budget", () => {
  it('at the shortest interval the settings allow, stays under a tenth of the 960 a minute PagerDuty allows', () => {
    const shortest = pagerdutySourceSchema.shape.intervalSeconds.unwrap().minValue ?? 0;
    expect(shortest).toBeGreaterThan(0);
    // Every page, plus GET /users/me when the token changed.
    const perMinute = (60 / shortest) * (MAX_PAGES + 1);
    expect(perMinute).toBeLessThan(96);
  });
});

describe('the PagerDuty client against answers that are not PagerDuty', () => {
  let server: ScriptedServer;
  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());
  const account = () => ({ apiUrl: server.url, token: 't' });

  it('says what came back instead of JSON, or JSON of the wrong shape', async () => {
    server.answer({ headers: { 'content-type': 'text/html' }, body: '<html>login</html>' });
    expect((await failure(() => fetchOpenIncidents(account(), me, options()))).message).toBe(
      `${server.url} answered HTML, not JSON — is this URL PagerDuty's REST API?`,
    );
    server.answer({ body: '{"incidents":[{"id":"P1","status":"open","created_at":"x"}]}' });
    expect((await failure(() => fetchOpenIncidents(account(), me, options()))).message).toMatch(
      new RegExp(`^${server.url} answered JSON of the wrong shape: incidents\\[0\\]`),
    );
  });

  it('says a 404 probably means the URL is not the REST API', async () => {
    server.answer({ status: 404, body: 'nope' });
    expect((await failure(() => fetchOpenIncidents(account(), me, options()))).message).toBe(
      `${server.url} answered HTTP 404 Not Found — is this PagerDuty's REST API URL (https://api.pagerduty.com)?`,
    );
  });

  it('keeps a path prefix of the API URL (a proxy)', async () => {
    server.answer({ body: '{"user":{"id":"PX"}}' });
    await fetchCurrentUserId({ apiUrl: `${server.url}/pagerduty`, token: 't' }, options());
    expect(server.requests.at(-1)).toBe('/pagerduty/users/me');
  });
});
