import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Alert } from '../../../../../src/shared/domain/alert';
import { settingsSchema, type Settings } from '../../../../../src/shared/domain/settings';
import type { PlannedStep } from '../../../../../src/shared/escalation/policy-plan';
import { channelSecretKey } from '../../../../../src/main/services/outbound/channel-secret';
import {
  createOutboundService,
  type OutboundService,
} from '../../../../../src/main/services/outbound/outbound-service';
import type { RetryPolicy } from '../../../../../src/main/services/outbound/send-with-retry';
import { memorySecretStore } from '../../../../support/memory-secret-store';
import { startPageReceiver, type PageReceiver } from '../../../../support/page-receiver';
import { makeAlert } from '../../../shared/make-alert';

// Fast retries: the backoff's length is not what these tests are about.
const RETRY: RetryPolicy = {
  retries: 3,
  minTimeoutMs: 5,
  maxTimeoutMs: 20,
  maxRetryAfterMs: 2000,
  attemptTimeoutMs: 5000,
};

const ROUTING_KEY = 'e93facc04764012d7bfb002500d5d1a6';
const NOW = new Date('2026-03-01T10:00:00.000Z');

// The Events API v2 request body as PagerDuty's published OpenAPI document
// (PagerDuty/api-schema reference/events-v2/openapiv3.json) defines it: routing_key and
// event_action required, event_action one of three, payload with summary, source and
// severity required, severity one of four; links with href required.
const eventsV2Body = z
  .object({
    routing_key: z.string(),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().max(255).optional(),
    client: z.string().optional(),
    client_url: z.string().optional(),
    links: z.array(z.object({ href: z.string(), text: z.string().optional() }).strict()).optional(),
    payload: z
      .object({
        summary: z.string().max(1024),
        source: z.string(),
        severity: z.enum(['critical', 'warning', 'error', 'info']),
        timestamp: z.iso.datetime({ offset: true }).optional(),
        component: z.string().optional(),
        group: z.string().optional(),
        class: z.string().optional(),
        custom_details: z.record(z.string(), z.unknown()).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

const PD_ACCEPTED = {
  status: 202,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: 'x' }),
};

let home: string;
let receiver: PageReceiver;
let service: OutboundService;
let secrets: ReturnType<typeof memorySecretStore>;
let settings: Settings;

function configure(escalation: unknown) {
  settings = settingsSchema.parse({ escalation });
}

const channels = () => [
  { kind: 'slack', id: 'slack', name: 'Incident channel' },
  { kind: 'pagerduty', id: 'pd', name: 'Team PagerDuty', eventsUrl: `${receiver.url}/v2/enqueue` },
  { kind: 'ntfy', id: 'bobs-phone', name: "Bob's phone" },
  { kind: 'webhook', id: 'hook', name: 'Chat bridge' },
];

function open(retry = RETRY) {
  service = createOutboundService({
    home,
    clock: { now: () => NOW },
    settings: () => settings,
    secrets,
    log: () => {},
    retry,
  });
  return service;
}

const step = (targets: PlannedStep['targets'], level = 2): PlannedStep => ({
  repeat: 0,
  level,
  at: NOW,
  targets,
  unreached: [],
});

const sev1 = (extra: Partial<Alert> = {}) =>
  makeAlert('disk-full', { severity: 'sev1', url: 'https://prom.example/graph', ...extra });

beforeEach(async () => {
  home = await mkdtemp(path.join(tmpdir(), 'outbound-'));
  receiver = await startPageReceiver();
  secrets = memorySecretStore();
  configure({
    people: [
      { id: 'bob', name: 'Bob', channel: 'bobs-phone' },
      { id: 'eve', name: 'Eve' },
    ],
    channels: channels(),
    policies: [{ id: 'p', name: 'P', levels: [{ delayMinutes: 5, targets: [{ kind: 'me' }] }] }],
    rules: [],
    defaultPolicy: 'p',
  });
  await secrets.set(channelSecretKey('slack'), `${receiver.url}/services/T000/B000/XXXXSECRETXXXX`);
  await secrets.set(channelSecretKey('pd'), ROUTING_KEY);
  await secrets.set(channelSecretKey('bobs-phone'), `${receiver.url}/bob-topic-7f3a`);
  await secrets.set(channelSecretKey('hook'), `${receiver.url}/hook?token=s3cr3t-token`);
  open();
});

afterEach(async () => {
  await service.close();
  await receiver.close();
  await rm(home, { recursive: true, force: true });
});

describe('Slack incoming webhook', () => {
  it('posts text and blocks as Slack shows them, the alert text unable to mention anyone', async () => {
    const alert = sev1({ title: 'Disk <!channel> full & more', summary: '<@U123> look' });
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'slack' }]), alert);
    expect(entry).toMatchObject({
      result: 'sent',
      attempts: 1,
      target: 'channel Incident channel',
    });
    const [page] = receiver.received;
    expect(page?.path).toBe('/services/T000/B000/XXXXSECRETXXXX');
    expect(page?.headers['content-type']).toBe('application/json');
    const body = page?.body as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string } }[];
    };
    expect(body.text).toBe('[SEV1] Disk &lt;!channel&gt; full &amp; more');
    expect(body.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(body.blocks[0]?.text).toEqual({
      type: 'plain_text',
      text: '[SEV1] Disk <!channel> full & more',
      emoji: false,
    });
    expect(body.blocks[1]?.text?.type).toBe('plain_text');
    expect(body.blocks[1]?.text?.text).toContain('<@U123> look');
  });

  it('bounds what the alert brings: 20 labels at most, long values cut', async () => {
    const labels = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`label${i}`, 'x'.repeat(5000)]),
    );
    await service.deliver(
      step([{ kind: 'channel', id: 'hook' }]),
      sev1({ labels, title: 't'.repeat(10_000) }),
    );
    const body = receiver.received[0]?.body as {
      alert: { title: string; labels: Record<string, string>; labelsOmitted: number };
    };
    expect(Object.keys(body.alert.labels)).toHaveLength(20);
    expect(body.alert.labelsOmitted).toBe(40);
    expect(Object.values(body.alert.labels).every((v) => v.length <= 300)).toBe(true);
    expect(body.alert.title.length).toBeLessThanOrEqual(150);
  });
});

describe('generic JSON webhook', () => {
  it('posts the alert and the step as one versioned JSON document', async () => {
    const alert = sev1({ annotations: { runbook: 'https://runbooks.example/disk' } });
    await service.deliver(step([{ kind: 'channel', id: 'hook' }], 3), alert);
    expect(receiver.received[0]?.path).toBe('/hook?token=s3cr3t-token');
    expect(receiver.received[0]?.body).toEqual({
      version: 1,
      sender: 'On-Call Companion',
      action: 'trigger',
      dedupKey: 'oncall-companion:prod:disk-full:trigger:0:3',
      sentAt: NOW.toISOString(),
      alert: {
        id: 'prod:disk-full',
        sourceId: 'prod',
        status: 'firing',
        severity: 'sev1',
        severityName: 'SEV1',
        title: 'disk-full is failing',
        summary: 'disk-full summary',
        labels: { alertname: 'disk-full', severity: 'high' },
        labelsOmitted: 0,
        annotations: { runbook: 'https://runbooks.example/disk' },
        annotationsOmitted: 0,
        startsAt: alert.startsAt,
        url: 'https://prom.example/graph',
      },
      escalation: { level: 3, repeat: 0 },
    });
  });

  it('sends a step again under the same dedup key, and each other step under its own', async () => {
    // A crash between a page and its fired mark pages the step again (at least once): the
    // receiver can drop the second by its key, though its sentAt differs.
    const alert = sev1();
    const hook = [{ kind: 'channel' as const, id: 'hook' }];
    await service.deliver(step(hook, 2), alert);
    await service.deliver(step(hook, 2), alert);
    await service.deliver(step(hook, 3), alert);
    await service.deliver({ ...step(hook, 2), repeat: 1 }, alert);
    const keys = receiver.received.map((r) => (r.body as { dedupKey?: string }).dedupKey);
    expect(keys[0]).toBeDefined();
    expect(keys[1]).toBe(keys[0]);
    expect(new Set(keys).size).toBe(3);
  });
});

describe('PagerDuty Events API v2', () => {
  it('resolves there, once the app is back, an alert that resolved while it was not running', async () => {
    receiver.script(PD_ACCEPTED, PD_ACCEPTED);
    const alert = sev1();
    await service.deliver(step([{ kind: 'channel', id: 'pd' }]), alert);
    await service.close();
    // Started again: the alert is gone from its source, which has answered.
    open();
    expect(await service.resolveGone([alert], () => true)).toEqual([]);
    expect(await service.resolveGone([], () => false)).toEqual([]);
    const [resolve] = await service.resolveGone([], () => true);
    expect(resolve).toMatchObject({ action: 'resolve', result: 'sent', alertId: alert.id });
    expect(receiver.received.map((r) => r.body)).toMatchObject([
      { event_action: 'trigger', dedup_key: 'oncall-companion:prod:disk-full' },
      { event_action: 'resolve', dedup_key: 'oncall-companion:prod:disk-full' },
    ]);
    // Resolved once.
    expect(await service.resolveGone([], () => true)).toEqual([]);
  });

  it('resolves an alert whose trigger a crash cut off, since it may have arrived', async () => {
    receiver.script(PD_ACCEPTED);
    await mkdir(path.join(home, 'outbound'), { recursive: true, mode: 0o700 });
    const cutOff = {
      id: 'e1',
      at: NOW.toISOString(),
      action: 'trigger',
      alertId: 'prod:disk-full',
      level: 2,
      repeat: 0,
      target: 'channel Team PagerDuty',
      channelId: 'pd',
      channelKind: 'pagerduty',
      dedupKey: 'oncall-companion:prod:disk-full',
      result: 'sending',
      attempts: 0,
    };
    await writeFile(
      path.join(home, 'outbound', 'record.json'),
      JSON.stringify({ version: 1, entries: [cutOff] }),
      { mode: 0o600 },
    );
    open();
    const [resolve] = await service.resolveGone([], () => true);
    expect(resolve).toMatchObject({ action: 'resolve', result: 'sent' });
    expect(receiver.received[0]?.body).toMatchObject({
      event_action: 'resolve',
      dedup_key: 'oncall-companion:prod:disk-full',
    });
  });

  it('triggers with a dedup key, and resolves the same alert once the alert resolves', async () => {
    receiver.script(PD_ACCEPTED, PD_ACCEPTED);
    const alert = sev1({ labels: { alertname: 'DiskFull', instance: 'db-1:9100', service: 'db' } });
    const [trigger] = await service.deliver(step([{ kind: 'channel', id: 'pd' }]), alert);
    expect(trigger).toMatchObject({ result: 'sent', dedupKey: 'oncall-companion:prod:disk-full' });

    const [resolve] = await service.alertResolved({ ...alert, status: 'resolved' });
    expect(resolve).toMatchObject({ action: 'resolve', result: 'sent' });
    // Resolved once: a second resolution of the same alert sends nothing more.
    expect(await service.alertResolved({ ...alert, status: 'resolved' })).toEqual([]);

    const bodies = receiver.received.map((r) => r.body);
    for (const body of bodies) expect(eventsV2Body.safeParse(body).error).toBeUndefined();
    expect(receiver.received.map((r) => r.path)).toEqual(['/v2/enqueue', '/v2/enqueue']);
    expect(bodies[0]).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: 'trigger',
      dedup_key: 'oncall-companion:prod:disk-full',
      client: 'On-Call Companion',
      client_url: 'https://prom.example/graph',
      payload: {
        summary: '[SEV1] disk-full is failing',
        source: 'db-1:9100',
        severity: 'critical',
        class: 'DiskFull',
        component: 'db',
        timestamp: alert.startsAt,
      },
    });
    expect(bodies[1]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'resolve',
      dedup_key: 'oncall-companion:prod:disk-full',
    });
  });

  it('acknowledges there once the alert is acknowledged here, once, and again after a new trigger', async () => {
    receiver.script(PD_ACCEPTED, PD_ACCEPTED, PD_ACCEPTED, PD_ACCEPTED, PD_ACCEPTED);
    const alert = sev1();
    const acked = sev1({ ack: { by: 'ana', at: NOW.toISOString(), via: 'source' } });
    await service.deliver(step([{ kind: 'channel', id: 'pd' }]), alert);
    // Still firing unacknowledged, or acknowledged but never triggered there: nothing.
    expect(await service.acknowledgeAcked([alert])).toEqual([]);
    expect(await service.acknowledgeAcked([sev1({ id: 'prod:other', ack: acked.ack })])).toEqual(
      [],
    );
    const [ack] = await service.acknowledgeAcked([acked]);
    expect(ack).toMatchObject({ action: 'acknowledge', result: 'sent', alertId: alert.id });
    // Once: the next poll with the same acknowledgement sends nothing more, nor a restart.
    expect(await service.acknowledgeAcked([acked])).toEqual([]);
    await service.close();
    open();
    expect(await service.acknowledgeAcked([acked])).toEqual([]);
    // The acknowledgement lapsed, the alert escalated again, and was acknowledged again.
    expect(await service.acknowledgeAcked([alert])).toEqual([]);
    await service.deliver(step([{ kind: 'channel', id: 'pd' }], 3), alert);
    const [again] = await service.acknowledgeAcked([acked]);
    expect(again).toMatchObject({ action: 'acknowledge', result: 'sent' });
    // Resolved after it: resolved there too.
    const [resolve] = await service.alertResolved({ ...alert, status: 'resolved' });
    expect(resolve).toMatchObject({ action: 'resolve', result: 'sent' });

    const bodies = receiver.received.map((r) => r.body);
    for (const body of bodies) expect(eventsV2Body.safeParse(body).error).toBeUndefined();
    expect(bodies.map((b) => (b as { event_action: string }).event_action)).toEqual([
      'trigger',
      'acknowledge',
      'trigger',
      'acknowledge',
      'resolve',
    ]);
    expect(bodies[1]).toEqual({
      routing_key: ROUTING_KEY,
      event_action: 'acknowledge',
      dedup_key: 'oncall-companion:prod:disk-full',
    });
  });

  it('acknowledges an alert silenced at its source, and not one that resolved', async () => {
    receiver.script(PD_ACCEPTED, PD_ACCEPTED, PD_ACCEPTED);
    const silenced = sev1();
    const resolved = makeAlert('cpu-hot', { severity: 'sev1' });
    await service.deliver(step([{ kind: 'channel', id: 'pd' }]), silenced);
    await service.deliver(step([{ kind: 'channel', id: 'pd' }]), resolved);
    const entries = await service.acknowledgeAcked([
      { ...silenced, status: 'suppressed' },
      { ...resolved, status: 'resolved', ack: { by: 'ana', at: NOW.toISOString(), via: 'source' } },
    ]);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'acknowledge', result: 'sent', alertId: silenced.id }),
    ]);
  });

  it('tries a failed acknowledge once per run, and again at the next start', async () => {
    receiver.script(PD_ACCEPTED, { status: 400, body: '{"status":"invalid event"}' }, PD_ACCEPTED);
    const acked = sev1({ ack: { by: 'ana', at: NOW.toISOString(), via: 'local' } });
    await service.deliver(step([{ kind: 'channel', id: 'pd' }]), sev1());
    const [failed] = await service.acknowledgeAcked([acked]);
    expect(failed).toMatchObject({ action: 'acknowledge', result: 'failed' });
    expect(await service.acknowledgeAcked([acked])).toEqual([]);
    await service.close();
    open();
    const [sent] = await service.acknowledgeAcked([acked]);
    expect(sent).toMatchObject({ action: 'acknowledge', result: 'sent' });
  });

  it('acknowledges once its trigger is sent an alert acknowledged while the trigger was under way', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    receiver.close();
    receiver = await startPageReceiver(PD_ACCEPTED, (page) => {
      if ((page.body as { event_action?: string }).event_action === 'trigger') return held;
    });
    configure({ ...settings.escalation, channels: channels() });
    const acked = sev1({ ack: { by: 'ana', at: NOW.toISOString(), via: 'source' } });
    const delivered = service.deliver(step([{ kind: 'channel', id: 'pd' }]), sev1());
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1));
    // Acknowledged while PagerDuty has not yet answered the trigger: nothing to acknowledge yet.
    expect(await service.acknowledgeAcked([acked])).toEqual([]);
    release();
    await delivered;
    await vi.waitFor(() =>
      expect(
        receiver.received.map((r) => (r.body as { event_action: string }).event_action),
      ).toEqual(['trigger', 'acknowledge']),
    );
  });

  it('fails at once on 400 with what PagerDuty said, without retrying', async () => {
    receiver.script({
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        status: 'invalid event',
        message: 'Event object is invalid',
        errors: ['Length of summary is too long'],
      }),
    });
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'pd' }]), sev1());
    expect(entry?.result).toBe('failed');
    expect(entry?.attempts).toBe(1);
    expect(entry?.reason).toContain('Event object is invalid: Length of summary is too long');
    expect(entry?.reason).not.toContain(ROUTING_KEY);
  });

  it('refuses a stored routing key that is no integration key, saying so', async () => {
    await secrets.set(channelSecretKey('pd'), 'not a key');
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'pd' }]), sev1());
    expect(entry).toMatchObject({ result: 'failed', attempts: 0 });
    expect(entry?.reason).toMatch(/not an Events API v2 integration key/);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('ntfy and people', () => {
  it('reaches a person on call through their own channel, as ntfy JSON with urgent priority', async () => {
    const [entry] = await service.deliver(
      step([{ kind: 'me' }, { kind: 'schedule', id: 'secondary', people: ['bob'] }]),
      sev1(),
    );
    expect(entry).toMatchObject({
      result: 'sent',
      target: "Bob (on call in secondary) via Bob's phone",
      level: 2,
    });
    expect(receiver.received).toHaveLength(1); // `me` is the local alarm's, not a page.
    expect(receiver.received[0]?.path).toBe('/');
    expect(receiver.received[0]?.body).toMatchObject({
      topic: 'bob-topic-7f3a',
      title: 'SEV1: disk-full is failing',
      priority: 5,
      click: 'https://prom.example/graph',
    });
  });

  it('records a person without a channel, or a channel without its secret, as failed with the reason', async () => {
    await secrets.delete(channelSecretKey('slack'));
    const entries = await service.deliver(
      step([
        { kind: 'person', id: 'eve' },
        { kind: 'channel', id: 'slack' },
      ]),
      sev1(),
    );
    expect(entries.map((e) => [e.result, e.reason])).toEqual([
      ['failed', 'Eve has no channel to be reached through; pick one in Settings → Escalation'],
      [
        'failed',
        'Incident channel has no Slack webhook URL stored; set it in Settings → Escalation',
      ],
    ]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('follow-ups to whoever was paged', () => {
  it('tells the Slack channel, Bob on ntfy and the webhook who acknowledged it, then that it resolved, once each', async () => {
    const alert = sev1();
    const ackAt = '2026-03-01T10:04:00.000Z';
    const acked = { ...alert, ack: { by: 'ana', at: ackAt, via: 'source' as const } };
    await service.deliver(
      step([
        { kind: 'channel', id: 'slack' },
        { kind: 'channel', id: 'hook' },
        { kind: 'schedule', id: 'secondary', people: ['bob'] },
      ]),
      alert,
    );
    // A channel never paged for it (PagerDuty here) hears nothing.
    const acks = await service.acknowledgeAcked([acked]);
    expect(acks.map((e) => [e.action, e.target, e.result])).toEqual([
      ['acknowledge', 'channel Incident channel', 'sent'],
      ['acknowledge', 'channel Chat bridge', 'sent'],
      ['acknowledge', "Bob (on call in secondary) via Bob's phone", 'sent'],
    ]);
    expect(await service.acknowledgeAcked([acked])).toEqual([]);
    const resolves = await service.resolveGone([], () => true);
    expect(resolves.map((e) => [e.action, e.result])).toEqual([
      ['resolve', 'sent'],
      ['resolve', 'sent'],
      ['resolve', 'sent'],
    ]);
    expect(await service.resolveGone([], () => true)).toEqual([]);

    const by = (path: string) =>
      receiver.received.filter((r) => r.path.startsWith(path)).map((r) => r.body);
    const slack = by('/services/') as { text: string }[];
    expect(slack.map((b) => b.text)).toEqual([
      '[SEV1] disk-full is failing',
      '[Acknowledged by ana] disk-full is failing',
      '[Resolved] disk-full is failing',
    ]);
    // On Bob's phone a follow-up is news, not a page: low priority.
    expect(by('/').filter((b) => (b as { topic?: string }).topic)).toMatchObject([
      { title: 'SEV1: disk-full is failing', priority: 5, tags: ['rotating_light'] },
      { title: 'Acknowledged by ana: disk-full is failing', priority: 2, tags: ['eyes'] },
      { title: 'Resolved: disk-full is failing', priority: 2, tags: ['white_check_mark'] },
    ]);
    const hook = by('/hook') as { action: string; dedupKey: string; acknowledged?: unknown }[];
    expect(hook.map((b) => [b.action, b.dedupKey, b.acknowledged])).toEqual([
      ['trigger', 'oncall-companion:prod:disk-full:trigger:0:2', undefined],
      [
        'acknowledge',
        `oncall-companion:prod:disk-full:acknowledge:${ackAt}`,
        { by: 'ana', at: ackAt },
      ],
      ['resolve', 'oncall-companion:prod:disk-full:resolve', undefined],
    ]);
  });

  it('says only "Acknowledged" for an alert silenced at its source, which names nobody', async () => {
    await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    await service.acknowledgeAcked([sev1({ status: 'suppressed' })]);
    expect((receiver.received[1]?.body as { text: string }).text).toBe(
      '[Acknowledged] disk-full is failing',
    );
  });

  it('tells nobody about a page that failed', async () => {
    await secrets.delete(channelSecretKey('slack'));
    await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    expect(await service.resolveGone([], () => true)).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries on 5xx until the page is accepted', async () => {
    receiver.script({ status: 503 }, { status: 502 });
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    expect(entry).toMatchObject({ result: 'sent', attempts: 3 });
    expect(receiver.received).toHaveLength(3);
  });

  it('retries on 429 after the Retry-After it was given', async () => {
    receiver.script({ status: 429, headers: { 'retry-after': '1' }, body: 'rate_limited' });
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    expect(entry).toMatchObject({ result: 'sent', attempts: 2 });
  });

  it('fails, saying why, when asked to wait longer than a page may', async () => {
    receiver.script({ status: 429, headers: { 'retry-after': '3600' } });
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    expect(entry).toMatchObject({ result: 'failed', attempts: 1 });
    expect(entry?.reason).toMatch(/429.*asked to wait 3600 s, longer than a page may wait \(2 s\)/);
  });

  it('gives up as failed after the cap, with the last reason, and keeps the secret out of it', async () => {
    receiver.script(...Array.from({ length: 10 }, () => ({ status: 500, body: 'boom' })));
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'hook' }]), sev1());
    expect(entry?.result).toBe('failed');
    expect(entry?.attempts).toBe(4);
    expect(entry?.reason).toMatch(/answered HTTP 500.*gave up after 4 attempts/);
    expect(entry?.reason).not.toContain('s3cr3t-token');
    expect(receiver.received).toHaveLength(4);
  });

  it('retries when nothing answers, then fails with the network error', async () => {
    const gone = receiver.url;
    await receiver.close();
    await secrets.set(channelSecretKey('hook'), `${gone}/hook`);
    const [entry] = await service.deliver(step([{ kind: 'channel', id: 'hook' }]), sev1());
    expect(entry).toMatchObject({ result: 'failed', attempts: 4 });
    expect(entry?.reason).toMatch(/connection refused/);
    receiver = await startPageReceiver();
  });
});

describe('the record', () => {
  it('keeps every action on disk, newest first, across a restart', async () => {
    await service.deliver(step([{ kind: 'channel', id: 'slack' }]), sev1());
    await service.sendTest('hook');
    await service.close();
    const reopened = open();
    const entries = await reopened.list();
    expect(entries.map((e) => [e.action, e.target, e.result])).toEqual([
      ['test', 'channel Chat bridge', 'sent'],
      ['trigger', 'channel Incident channel', 'sent'],
    ]);
    const file = await readFile(path.join(home, 'outbound', 'record.json'), 'utf8');
    expect(file).not.toContain('XXXXSECRETXXXX');
  });

  it('resolves a PagerDuty test page at once, so no test alert stays open', async () => {
    receiver.script(PD_ACCEPTED, PD_ACCEPTED);
    const entry = await service.sendTest('pd');
    expect(entry.result).toBe('sent');
    expect(receiver.received.map((r) => (r.body as { event_action: string }).event_action)).toEqual(
      ['trigger', 'resolve'],
    );
  });

  it('answers a test of an unknown channel as failed, with the reason', async () => {
    const entry = await service.sendTest('nope');
    expect(entry).toMatchObject({
      result: 'failed',
      reason: 'no channel has the id "nope"; save it first',
    });
  });
});
