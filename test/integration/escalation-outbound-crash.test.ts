import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelSecretKey } from '../../src/main/services/outbound/channel-secret';
import { INTERRUPTED_REASON } from '../../src/main/services/outbound/outbound-record';
import type { Alert } from '../../src/shared/domain/alert';
import type { EscalationSettingsInput } from '../../src/shared/escalation/policy-settings';
import { outboundRecordEntrySchema } from '../../src/shared/ipc/outbound-schemas';
import { prng } from '../unit/shared/incident/incident-fixtures';
import { compileForNode } from '../support/compile-for-node';
import { EscalationChildProcess as Child } from '../support/escalation-child-process';
import { startPageReceiver, type PageReceiver, type ReceivedPage } from '../support/page-receiver';

// The escalation steps that page others, under kill -9. The app's escalation and outbound
// service run in a child process paging two real local receivers (a generic JSON webhook and a
// PagerDuty Events API v2 stand-in); the child is killed at random points, and half of those
// kills land the moment a page reaches a receiver: after the page, before its fired mark. Alerts
// fire, are acknowledged at the source (a silence) and resolve at random; time passes, the wall
// clock jumps, the machine sleeps. A page is delivered at least once (the page first, the mark
// after), so checked: every step that came due while its alert escalated was received (missed
// 0); a step is received again only as the retry of a page a kill cut off — its record entry
// says so, and that entry dates from a command that was killed (one kill can cut off many
// pages: a machine waking sends every step that came due while it slept at once) — with the
// same key (PagerDuty's `dedup_key`, the webhook's `dedupKey`), so deduplicated by key each
// step was received exactly once; nothing was paged for an alert after its acknowledgement or
// resolution was polled; an alert that resolved is resolved at PagerDuty, even when a kill cut
// its resolve off, and one silenced is acknowledged there; the outbound record on disk has an
// entry with its result for every page received.
//
// ESCALATION_CRASH_SEED=<n> replays a run; ESCALATION_CRASH_HISTORIES changes the count.

const HISTORIES = Number(process.env.ESCALATION_CRASH_HISTORIES ?? 6);
const STEPS = 40;
const SEED = Number(process.env.ESCALATION_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const T0 = Date.parse('2026-03-01T10:00:00.000Z');
const MINUTE = 60_000;
const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const childSource = path.join(repoRoot, 'test/support/escalation-child.ts');

/** Me at once, the ops webhook 5 minutes on, PagerDuty 5 more; all of it once more after 5. */
const LEVEL_DELAYS = [5, 5, 5];
const POLICY_REPEAT = 1;

function escalationSettings(pagerDuty: PageReceiver): EscalationSettingsInput {
  return {
    channels: [
      { kind: 'webhook', id: 'hook', name: 'Ops hook' },
      {
        kind: 'pagerduty',
        id: 'pd',
        name: 'PagerDuty',
        eventsUrl: `${pagerDuty.url}/v2/enqueue`,
      },
    ],
    policies: [
      {
        id: 'page',
        name: 'Page',
        levels: [
          { delayMinutes: LEVEL_DELAYS[0] ?? 0, targets: [{ kind: 'me' }] },
          { delayMinutes: LEVEL_DELAYS[1] ?? 0, targets: [{ kind: 'channel', id: 'hook' }] },
          { delayMinutes: LEVEL_DELAYS[2] ?? 0, targets: [{ kind: 'channel', id: 'pd' }] },
        ],
        repeat: POLICY_REPEAT,
      },
    ],
    rules: [],
    defaultPolicy: 'page',
  };
}

/** Every step of an alert firing since `since`: level, repeat and when it is due. */
function plannedSteps(since: number): { level: number; repeat: number; dueAt: number }[] {
  const steps = [];
  let cursor = since;
  for (let repeat = 0; repeat <= POLICY_REPEAT; repeat++) {
    for (const [index, delay] of LEVEL_DELAYS.entries()) {
      steps.push({ level: index + 1, repeat, dueAt: cursor });
      cursor += delay * MINUTE;
    }
  }
  return steps;
}

function alert(name: string, startsAt: number, status: Alert['status'] = 'firing'): Alert {
  return {
    id: `prod:${name}`,
    sourceId: 'prod',
    fingerprint: name,
    status,
    severity: 'sev2',
    title: name,
    labels: { alertname: name },
    annotations: {},
    startsAt: new Date(startsAt).toISOString(),
  };
}

/** A trigger page as either receiver got it: which step of which alert, under which key. */
interface Page {
  channel: 'hook' | 'pd';
  alertId: string;
  level: number;
  repeat: number;
  /** What the receiver deduplicates by. */
  key: string;
  /** Its place among the pages the channel received. */
  index: number;
}

function triggerPages(hook: PageReceiver, pagerDuty: PageReceiver): Page[] {
  const pages: Page[] = [];
  hook.received.forEach((received, index) => {
    const body = received.body as {
      action: string;
      dedupKey: string;
      alert: { id: string };
      escalation: { level: number; repeat: number };
    };
    if (body.action !== 'trigger') return;
    const { level, repeat } = body.escalation;
    // The webhook's receiver deduplicates by the key it is sent.
    pages.push({
      channel: 'hook',
      alertId: body.alert.id,
      level,
      repeat,
      key: body.dedupKey,
      index,
    });
  });
  pagerDuty.received.forEach((received, index) => {
    const body = pagerDutyBody(received);
    if (body.event_action !== 'trigger') return;
    const details = body.payload?.custom_details ?? {};
    pages.push({
      channel: 'pd',
      alertId: body.dedup_key.replace(/^oncall-companion:/, ''),
      level: Number(details.escalation_level),
      repeat: Number(details.escalation_repeat),
      key: `${body.dedup_key}|${details.escalation_level}|${details.escalation_repeat}`,
      index,
    });
  });
  return pages;
}

function pagerDutyBody(received: ReceivedPage) {
  return received.body as {
    routing_key: string;
    event_action: string;
    dedup_key: string;
    payload?: { custom_details?: Record<string, unknown> };
  };
}

describe('outbound escalation pages survive kill -9 at random points', () => {
  let root: string;
  let child: string;
  let hook: PageReceiver;
  let pagerDuty: PageReceiver;
  // Told each page a receiver got; a history arms it to kill the child right there.
  let onPage: (() => void) | undefined;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-outbound-crash-'));
    const out = path.join(repoRoot, 'node_modules', '.cache', `outbound-crash-${process.pid}`);
    child = compileForNode(childSource, repoRoot, out);
    hook = await startPageReceiver({ status: 200, body: 'ok' }, () => onPage?.());
    pagerDuty = await startPageReceiver(
      {
        status: 202,
        headers: { 'content-type': 'application/json' },
        body: '{"status":"success","message":"Event processed"}',
      },
      () => onPage?.(),
    );
  });
  afterAll(async () => {
    await hook.close();
    await pagerDuty.close();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(path.join(repoRoot, 'node_modules', '.cache', `outbound-crash-${process.pid}`), {
      recursive: true,
      force: true,
    });
  });

  it(`pages every due step, and again only what a kill cut off, in ${HISTORIES} killed histories`, async () => {
    const totals = {
      kills: 0,
      pageKills: 0,
      pages: 0,
      steps: 0,
      duplicates: 0,
      cutOff: 0,
      resolves: 0,
      acknowledges: 0,
    };
    for (let h = 0; h < HISTORIES; h++) {
      const seed = SEED + h;
      const context = `seed ${seed} (rerun: ESCALATION_CRASH_SEED=${seed} ESCALATION_CRASH_HISTORIES=1)`;
      hook.received.length = 0;
      pagerDuty.received.length = 0;
      const result = await runKilledHistory(path.join(root, `h${h}`), seed).catch(
        (error: unknown) => {
          throw new Error(`${context}: ${error instanceof Error ? error.message : String(error)}`, {
            cause: error,
          });
        },
      );
      for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += result[k];
    }
    console.log(
      `escalation outbound crash: seed ${SEED}, ${HISTORIES} histories, ${totals.kills} kills (${totals.pageKills} between a page and its mark), ${totals.steps} steps due, ${totals.pages} pages received, ${totals.cutOff} cut off, ${totals.duplicates} received again, ${totals.resolves} PagerDuty resolves, ${totals.acknowledges} acknowledges, 0 missed`,
    );
    // Kills did land, some of them between a page and its mark, and steps did page.
    expect(totals.kills).toBeGreaterThan(HISTORIES);
    expect(totals.pageKills).toBeGreaterThan(0);
    expect(totals.steps).toBeGreaterThan(HISTORIES * 3);
    expect(totals.duplicates).toBeLessThanOrEqual(totals.cutOff);
  }, 600_000);

  async function runKilledHistory(home: string, seed: number) {
    fs.mkdirSync(home, { recursive: true });
    const setupFile = path.join(home, 'outbound-setup.json');
    fs.writeFileSync(
      setupFile,
      JSON.stringify({
        escalation: escalationSettings(pagerDuty),
        secrets: {
          [channelSecretKey('hook')]: `${hook.url}/hook?token=s3cr3t`,
          [channelSecretKey('pd')]: ROUTING_KEY,
        },
      }),
    );
    const args = [home, path.join(home, 'capture.jsonl'), setupFile];
    const random = prng(seed);
    let wall = T0;
    let mono = 0;
    let kills = 0;
    let pageKills = 0;
    let named = 0;
    // The wall time of each command a kill cut short: a page cut off was started at one of them.
    const killedAt = new Set<string>();
    const world = new Map<string, Alert>();
    // Per alert: when it started, the latest wall time a command ran to its end while it
    // escalated, and where each receiver stood when its acknowledgement or resolution was polled.
    const firing = new Map<string, number>();
    const escalatedUntil = new Map<string, number>();
    const stoppedAt = new Map<string, { hook: number; pd: number }>();
    const fire = () => {
      const a = alert(`A${named++}`, wall);
      world.set(a.id, a);
      firing.set(a.id, wall);
    };
    const settled = () => {
      for (const a of world.values()) {
        if (a.status === 'firing')
          escalatedUntil.set(a.id, Math.max(wall, escalatedUntil.get(a.id) ?? 0));
      }
    };
    const stop = (id: string) =>
      stoppedAt.set(id, { hook: hook.received.length, pd: pagerDuty.received.length });
    const poll = () => ({ wall, mono, op: 'poll', alerts: [...world.values()] });

    fire();
    fire();
    let current = new Child(child, args);
    await current.run(poll());
    settled();

    for (let step = 0; step < STEPS; step++) {
      const roll = random.next();
      let command: object;
      const escalating = [...world.values()].filter((a) => a.status === 'firing');
      if (roll < 0.45) {
        const ms = random.int(5_000, 4 * MINUTE);
        wall += ms;
        mono += ms;
        command = random.bool(0.3) ? poll() : { wall, mono, op: 'check' };
      } else if (roll < 0.55) {
        wall += random.int(-3 * MINUTE, 10 * MINUTE);
        command = { wall, mono, op: 'check' };
      } else if (roll < 0.62) {
        wall += random.int(MINUTE, 30 * MINUTE);
        command = { wall, mono, op: 'resume' };
      } else if (roll < 0.72 || escalating.length === 0) {
        fire();
        command = poll();
      } else if (roll < 0.84) {
        // A teammate's silence at the source: acknowledged there.
        const a = random.pick(escalating);
        world.set(a.id, { ...a, status: 'suppressed' });
        stop(a.id);
        command = poll();
      } else {
        const a = random.pick([...world.values()]);
        world.delete(a.id);
        if (a.status === 'firing') stop(a.id);
        command = poll();
      }
      if (random.bool(0.3)) {
        kills++;
        killedAt.add(new Date(wall).toISOString());
        if (random.bool(0.5)) {
          // Killed the moment a page arrives, or once the command is done if none does.
          const killed = current;
          let atPage = false;
          onPage = () => {
            onPage = undefined;
            atPage = true;
            killed.kill();
          };
          await killed.run(command).catch(() => undefined);
          onPage = undefined;
          if (atPage) pageKills++;
          killed.kill();
          await killed.exited;
        } else {
          await current.runAndKill(command, random.int(0, 8));
        }
        // Started again on the same home: it polls first, like the app.
        current = new Child(child, args);
        mono = 0;
        await current.run(poll());
      } else {
        await current.run(command);
      }
      settled();
    }
    await current.end();

    // Deduplicated by key, the pages are exactly the steps that came due while their alert
    // escalated, each to its level's channel.
    const due = new Set<string>();
    for (const [id, since] of firing) {
      for (const s of plannedSteps(since)) {
        if (s.level === 1 || s.dueAt > (escalatedUntil.get(id) ?? -Infinity)) continue;
        const channel = s.level === 2 ? 'hook' : 'pd';
        // PagerDuty keeps one alert per alert's key; a webhook's key names the step.
        const key =
          channel === 'hook'
            ? `oncall-companion:${id}:trigger:${s.repeat}:${s.level}`
            : `oncall-companion:${id}|${s.level}|${s.repeat}`;
        due.add(`${channel} ${key}`);
      }
    }
    const pages = triggerPages(hook, pagerDuty);
    const byKey = new Map<string, Page[]>();
    for (const page of pages) {
      const key = `${page.channel} ${page.key}`;
      byKey.set(key, [...(byKey.get(key) ?? []), page]);
    }
    const missed = [...due].filter((key) => !byKey.has(key));
    if (missed.length > 0) throw new Error(`missed: ${missed.join(', ')}`);
    const unexpected = [...byKey.keys()].filter((key) => !due.has(key));
    if (unexpected.length > 0) throw new Error(`paged but not due: ${unexpected.join(', ')}`);
    const duplicates = pages.length - byKey.size;
    // PagerDuty keeps one alert per dedup key: every trigger of an alert, and its resolve, the same.
    for (const received of pagerDuty.received) {
      const body = pagerDutyBody(received);
      if (body.routing_key !== ROUTING_KEY) throw new Error(`routing key ${body.routing_key}`);
    }

    // Nothing paged for an alert once its acknowledgement or resolution was polled.
    for (const page of pages) {
      const stopped = stoppedAt.get(page.alertId);
      if (stopped && page.index >= stopped[page.channel])
        throw new Error(`${page.alertId} level ${page.level} paged after it stopped escalating`);
    }

    // The record on disk: an entry with its result for each page received.
    const record = JSON.parse(
      fs.readFileSync(path.join(home, 'outbound', 'record.json'), 'utf8'),
    ) as { entries: unknown[] };
    const entries = record.entries.map((e) => outboundRecordEntrySchema.parse(e));
    let cutOffs = 0;
    for (const [key, received] of byKey) {
      const page = received[0];
      if (!page) continue;
      const mine = entries.filter(
        (e) =>
          e.action === 'trigger' &&
          e.alertId === page.alertId &&
          e.level === page.level &&
          e.repeat === page.repeat &&
          e.channelId === page.channel,
      );
      const sent = mine.filter((e) => e.result === 'sent').length;
      // Each receipt has its entry (written before the request); an entry says `sent` only for
      // a page that arrived, and the one sending it again had lost it to a kill: the rest were
      // cut off by a kill while a killed command ran, and say so.
      const cutOff = mine.filter((e) => e.result !== 'sent');
      if (
        mine.length < received.length ||
        sent > received.length ||
        received.length - 1 > cutOff.length ||
        cutOff.some(
          (e) => (e.result === 'failed' && e.reason !== INTERRUPTED_REASON) || !killedAt.has(e.at),
        )
      )
        throw new Error(
          `${key}: received ${received.length}, recorded ${mine.map((e) => `${e.result} at ${e.at}`).join(', ')}; killed at ${[...killedAt].join(', ')}`,
        );
      cutOffs += cutOff.length;
    }
    // An alert that resolved is resolved at PagerDuty if a trigger reached it there, even when
    // a kill cut the resolve off (then once the app is back).
    const resolvedAt = new Map<string, number>();
    pagerDuty.received.forEach((r, index) => {
      const body = pagerDutyBody(r);
      if (body.event_action === 'resolve') resolvedAt.set(body.dedup_key, index);
    });
    for (const id of firing.keys()) {
      if (world.has(id)) continue;
      const triggers = pages.filter((p) => p.channel === 'pd' && p.alertId === id);
      const last = triggers.at(-1);
      if (last && (resolvedAt.get(`oncall-companion:${id}`) ?? -1) < last.index)
        throw new Error(`${id} resolved but is still triggered at PagerDuty`);
    }
    // An alert silenced at its source is acknowledged at PagerDuty after its last trigger
    // there, even when a kill cut the acknowledge off (then once the app is back).
    const acknowledgedAt = new Map<string, number>();
    pagerDuty.received.forEach((r, index) => {
      const body = pagerDutyBody(r);
      if (body.event_action === 'acknowledge') acknowledgedAt.set(body.dedup_key, index);
    });
    for (const [id, a] of world) {
      if (a.status !== 'suppressed') continue;
      const last = pages.filter((p) => p.channel === 'pd' && p.alertId === id).at(-1);
      if (last && (acknowledgedAt.get(`oncall-companion:${id}`) ?? -1) < last.index)
        throw new Error(`${id} silenced but not acknowledged at PagerDuty`);
    }
    const resolves = resolvedAt.size;
    const acknowledges = acknowledgedAt.size;
    return {
      kills,
      pageKills,
      pages: pages.length,
      steps: due.size,
      duplicates,
      cutOff: cutOffs,
      resolves,
      acknowledges,
    };
  }
});
