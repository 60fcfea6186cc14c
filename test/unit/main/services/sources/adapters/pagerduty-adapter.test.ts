import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import { pollReport } from '../../../../../../src/main/services/sources/source-adapter';
import { pagerdutyAdapter } from '../../../../../../src/main/services/sources/adapters/pagerduty-adapter';
import { pagerdutySourceSchema } from '../../../../../../src/shared/domain/source';
import {
  startFakePagerduty,
  type FakePagerduty,
  type FakeUser,
} from '../../../../../support/fake-pagerduty';

const now = new Date('2026-03-01T02:00:00Z');
const clock: Clock = { now: () => now };
const ada: FakeUser = { id: 'PADA001', name: 'Ada', email: 'ada@example.com', token: 'ada-token' };
const bob: FakeUser = { id: 'PBOB001', name: 'Bob', email: 'bob@example.com', token: 'bob-token' };

const config = (extra: Record<string, unknown> = {}) =>
  pagerdutySourceSchema.parse({
    kind: 'pagerduty',
    id: 'pd',
    name: 'PagerDuty',
    fromEmail: 'ada@example.com',
    ...extra,
  });

describe('pagerdutyAdapter', () => {
  let pd: FakePagerduty;
  beforeAll(async () => {
    pd = await startFakePagerduty({ users: [ada, bob], now: () => now });
    pd.addIncident({ id: 'PADAINC', title: 'Ada’s', assignedTo: [ada.id] });
    pd.addIncident({ id: 'PBOBINC', title: 'Bob’s', assignedTo: [bob.id] });
  });
  afterAll(() => pd.close());

  it('offers acknowledge, snooze and resolve, never un-acknowledge (PagerDuty has no such call)', () => {
    expect(pagerdutyAdapter.actions(config())).toEqual(['acknowledge', 'snooze', 'resolve']);
    expect(pagerdutyAdapter.usesCredential(config())).toBe(true);
    expect(pagerdutyAdapter.shownUrl(config())).toBe('https://api.pagerduty.com');
  });

  it('is the same peer while the same incidents are watched, whoever acts as From', () => {
    expect(pagerdutyAdapter.samePeer(config(), config({ fromEmail: 'bob@example.com' }))).toBe(
      true,
    );
    expect(
      pagerdutyAdapter.samePeer(config(), config({ scope: 'teams', teamIds: ['PQ9K7I8'] })),
    ).toBe(false);
    expect(
      pagerdutyAdapter.samePeer(
        config({ scope: 'teams', teamIds: ['PQ9K7I8'] }),
        config({ scope: 'teams', teamIds: ['PQ9K7I9'] }),
      ),
    ).toBe(false);
  });

  it('asks again who "me" is when the token changes', async () => {
    let token = ada.token;
    const poll = pagerdutyAdapter.poll(config({ apiUrl: pd.url }), {
      clock,
      severity: () => ({ severityScale: 'p1-p4', severityWords: {} }),
      secret: async () => token,
    });
    const run = async () =>
      pollReport(await poll(new AbortController().signal)).alerts.map((a) => a.id);
    expect(await run()).toEqual(['pd:PADAINC']);
    expect(await run()).toEqual(['pd:PADAINC']);
    token = bob.token;
    expect(await run()).toEqual(['pd:PBOBINC']);
    expect(pd.requests.filter((r) => r.path === '/users/me')).toHaveLength(2);
  });
});

describe('pagerdutyAdapter.act', () => {
  let pd: FakePagerduty;
  beforeAll(async () => {
    pd = await startFakePagerduty({ users: [ada], now: () => now });
  });
  afterAll(() => pd.close());

  const context = {
    clock,
    severity: () => ({ severityScale: 'p1-p4' as const, severityWords: {} }),
    secret: async () => ada.token,
  };
  const incidentsOf = async () =>
    pagerdutyAdapter.poll(config({ apiUrl: pd.url }), context)(new AbortController().signal);
  const snooze = async (ids: string[]) =>
    pagerdutyAdapter.act?.(
      config({ apiUrl: pd.url }),
      pollReport(await incidentsOf()).alerts.filter((a) => ids.includes(a.fingerprint)),
      {
        action: { type: 'snooze', minutes: 15 },
        actor: 'Ada',
        signal: new AbortController().signal,
      },
      context,
    );

  it('snoozing a triggered incident acknowledges it first, then snoozes it', async () => {
    pd.addIncident({ id: 'PSNOOZE', title: 'Triggered', assignedTo: [ada.id] });
    pd.requests.length = 0;
    await snooze(['PSNOOZE']);
    expect(pd.requests.map((r) => `${r.method} ${r.path}`).slice(-2)).toEqual([
      'PUT /incidents',
      'POST /incidents/PSNOOZE/snooze',
    ]);
    expect(pd.incident('PSNOOZE')).toMatchObject({
      status: 'acknowledged',
      pending_actions: [{ type: 'unacknowledge', at: '2026-03-01T02:15:00Z' }],
    });
  });

  it('says the incident stayed acknowledged when the snooze after it fails', async () => {
    pd.addIncident({ id: 'PHALF01', title: 'Triggered', assignedTo: [ada.id] });
    pd.failNext({ status: 503, body: 'busy', route: '/incidents/{id}/snooze' });
    await expect(snooze(['PHALF01'])).rejects.toThrow(
      `acknowledged at PagerDuty, but not snoozed: ${pd.url} answered HTTP 503 Service Unavailable — PagerDuty is in trouble; the app keeps asking`,
    );
    expect(pd.incident('PHALF01')?.status).toBe('acknowledged');
  });
});
