import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { severityLabel } from '../../../shared/domain/severity';
import { isEscalating } from '../../../shared/escalation/escalation-steps';
import type { PlannedStep, ResolvedTarget } from '../../../shared/escalation/policy-plan';
import type { OutboundChannel } from '../../../shared/escalation/policy-schema';
import type { OutboundRecordEntry } from '../../../shared/ipc/outbound-schemas';
import type { Clock } from '../clock/clock';
import type { SecretStore } from '../secrets/secret-store';
import { CHANNEL_SECRET_WORDS, channelSecretKey } from './channel-secret';
import { ntfyRequest } from './ntfy-request';
import { INTERRUPTED_REASON, openOutboundRecord, type OutboundRecord } from './outbound-record';
import { ChannelSetupError, type OutboundRequest } from './outbound-request';
import { pageContent, truncate, type PageContent } from './page-content';
import { pagerDutyDedupKey, pagerDutyRequest } from './pagerduty-request';
import { DEFAULT_RETRY_POLICY, sendWithRetry, type RetryPolicy } from './send-with-retry';
import { slackRequest } from './slack-request';
import { webhookRequest } from './webhook-request';

/** The outbound record's directory inside the app's home. */
export const OUTBOUND_DIR = 'outbound';

/** What the outbound service needs. */
export interface OutboundServiceOptions {
  readonly home: string;
  readonly clock: Clock;
  readonly settings: () => Settings;
  readonly secrets: Pick<SecretStore, 'get'>;
  readonly log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Told every entry as it is recorded (started and ended). */
  readonly onRecord?: (entry: OutboundRecordEntry) => void;
  /** How hard each page is tried; {@link DEFAULT_RETRY_POLICY} unless a test says otherwise. */
  readonly retry?: RetryPolicy;
}

/** Pages to other people and places, each recorded with its result. */
export interface OutboundService {
  /**
   * Page every target of an escalation step except `me` (the local alarm's): a channel
   * directly, a person through their channel, a schedule through the channel of each person
   * on call. Answers once each has ended, sent or failed.
   */
  deliver(step: PlannedStep, alert: Alert): Promise<OutboundRecordEntry[]>;
  /** The alert resolved: say so through every channel it was paged through. */
  alertResolved(alert: Alert): Promise<OutboundRecordEntry[]>;
  /**
   * Say "resolved" through each channel the record has paged an alert through (PagerDuty: a
   * resolve event), for every such alert no longer active among `alerts` while its source has
   * answered: one that resolved while the app was not running, or whose resolve a crash cut off,
   * is resolved once the app is back. Each page's resolve is tried once per run.
   */
  resolveGone(
    alerts: readonly Alert[],
    answered: (alertId: string) => boolean,
  ): Promise<OutboundRecordEntry[]>;
  /**
   * Say "acknowledged" (by whom, when known) through each channel the record has paged an alert
   * through, not resolved or acknowledged since, once it has stopped escalating among `alerts`:
   * acknowledged here or at its source, or silenced there. Whoever did it, the people paged
   * learn that someone is on it, and PagerDuty (an acknowledge event) stops paging people this
   * app does not see. Each page's acknowledge is tried once per run; one a crash cut off, or
   * that failed, is tried again at the next start.
   */
  acknowledgeAcked(alerts: readonly Alert[]): Promise<OutboundRecordEntry[]>;
  /** Send a test page through one channel. */
  sendTest(channelId: string): Promise<OutboundRecordEntry>;
  /** The record, newest first. */
  list(): Promise<OutboundRecordEntry[]>;
  /** Stop: pages under way end as failed, saying the app was closing. */
  close(): Promise<void>;
}

/** An alert's id as the record keeps it: bounded, like every field of an entry. */
function recordedId(alert: Alert): string {
  return truncate(alert.id, 1024);
}

/** An alert paged through a channel, by its latest page there, and not resolved there. */
interface OpenPage {
  readonly trigger: OutboundRecordEntry;
  /** Whether an acknowledge was sent there after that page. */
  readonly acknowledged: boolean;
}

/** Something to page through one channel, as the record names it. */
interface Delivery {
  readonly target: string;
  readonly channel?: OutboundChannel;
  /** Why it cannot be sent at all. */
  readonly problem?: string;
}

/**
 * The outbound service: builds each channel's request from a bounded page, sends it with
 * retries, and keeps every action in the record (`<home>/outbound/record.json`) — `sending` on
 * disk before the first request, `sent` or `failed` with the reason after. Secrets come from
 * the secret store at send time and appear in no message.
 * @param options - home, clock, settings, secrets, log
 */
export function createOutboundService(options: OutboundServiceOptions): OutboundService {
  const { clock, settings, secrets, log } = options;
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const closing = new AbortController();
  const inFlight = new Set<Promise<unknown>>();
  let record: Promise<OutboundRecord> | undefined;
  const opened = () => {
    record ??= openOutboundRecord(path.join(options.home, OUTBOUND_DIR), log, () => clock.now());
    return record;
  };

  const put = async (entry: OutboundRecordEntry) => {
    await (await opened()).put(entry);
    options.onRecord?.(entry);
  };

  const severityName = (alert: Alert) => severityLabel(alert.severity, settings().severityScale);

  function requestFor(
    channel: OutboundChannel,
    secret: string,
    content: PageContent,
    dedupKey: string,
  ): OutboundRequest {
    switch (channel.kind) {
      case 'slack':
        return slackRequest(secret, channel.name, content);
      case 'ntfy':
        return ntfyRequest(secret, channel.name, content);
      case 'webhook':
        return webhookRequest(secret, channel.name, content, clock.now());
      case 'pagerduty':
        return pagerDutyRequest(
          channel,
          secret,
          content,
          dedupKey,
          content.action === 'test' ? 'trigger' : content.action,
        );
    }
  }

  /** One page through one channel, recorded from start to end. */
  async function send(
    delivery: Delivery,
    content: PageContent,
    alert: Alert | undefined,
  ): Promise<OutboundRecordEntry> {
    const { channel } = delivery;
    const dedupKey = pagerDutyDedupKey(content.alertId);
    const entry: OutboundRecordEntry = {
      id: randomUUID(),
      at: clock.now().toISOString(),
      action: content.action,
      ...(alert && { alertId: recordedId(alert), alertTitle: truncate(alert.title, 300) }),
      ...(content.level !== undefined && { level: content.level }),
      ...(content.repeat !== undefined && { repeat: content.repeat }),
      target: truncate(delivery.target, 300),
      ...(channel && { channelId: channel.id, channelKind: channel.kind }),
      ...(channel?.kind === 'pagerduty' && { dedupKey }),
      result: 'sending',
      attempts: 0,
    };
    const end = async (ended: Partial<OutboundRecordEntry>) => {
      const final = { ...entry, ...ended, finishedAt: clock.now().toISOString() };
      if (final.result === 'failed') {
        log('warn', `Outbound page to ${final.target} failed: ${final.reason ?? ''}`);
      }
      await put(final);
      return final;
    };
    await put(entry);
    if (!channel || delivery.problem) {
      return end({ result: 'failed', reason: delivery.problem ?? 'no channel to page through' });
    }
    let secret: string | undefined;
    try {
      secret = await secrets.get(channelSecretKey(channel.id));
    } catch (error) {
      return end({
        result: 'failed',
        reason: `the ${CHANNEL_SECRET_WORDS[channel.kind]} of ${channel.name} could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
    if (!secret) {
      return end({
        result: 'failed',
        reason: `${channel.name} has no ${CHANNEL_SECRET_WORDS[channel.kind]} stored; set it in Settings → Escalation`,
      });
    }
    let request: OutboundRequest;
    try {
      request = requestFor(channel, secret, content, dedupKey);
    } catch (error) {
      if (!(error instanceof ChannelSetupError)) throw error;
      return end({ result: 'failed', reason: error.message });
    }
    const outcome = await sendWithRetry(request, {
      secret,
      clock,
      signal: closing.signal,
      retry,
    });
    return outcome.ok
      ? end({ result: 'sent', attempts: outcome.attempts })
      : end({
          result: 'failed',
          attempts: outcome.attempts,
          reason: truncate(outcome.reason, 1000),
        });
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  }

  function deliveriesFor(target: ResolvedTarget): Delivery[] {
    const { escalation } = settings();
    const channelById = (id: string) => escalation.channels.find((c) => c.id === id);
    const viaPerson = (personId: string, why: string): Delivery => {
      const person = escalation.people.find((p) => p.id === personId);
      if (!person)
        return {
          target: personId,
          problem: `nobody with the id "${personId}" is among the people${why}`,
        };
      const target = `${person.name}${why}`;
      if (!person.channel) {
        return {
          target,
          problem: `${person.name} has no channel to be reached through; pick one in Settings → Escalation`,
        };
      }
      const channel = channelById(person.channel);
      return channel
        ? { target: `${target} via ${channel.name}`, channel }
        : { target, problem: `${person.name}'s channel "${person.channel}" no longer exists` };
    };
    switch (target.kind) {
      case 'me':
        return []; // The local alarm's, not a page.
      case 'channel': {
        const channel = channelById(target.id);
        return channel
          ? [{ target: `channel ${channel.name}`, channel }]
          : [
              {
                target: `channel ${target.id}`,
                problem: `channel "${target.id}" no longer exists`,
              },
            ];
      }
      case 'person':
        return [viaPerson(target.id, '')];
      case 'schedule':
        return target.people.map((id) => viaPerson(id, ` (on call in ${target.id})`));
    }
  }

  /**
   * Each alert paged through a channel and not resolved there since, by its latest page, and
   * whether an acknowledge was sent after that page. A page a crash cut off counts: it may have
   * arrived (PagerDuty accepts an acknowledge or resolve of a key it never saw and does nothing;
   * elsewhere a follow-up of a page that did not arrive is only news).
   */
  async function openPages(): Promise<OpenPage[]> {
    const open = new Map<string, OpenPage>();
    for (const entry of (await opened()).entries()) {
      if (!entry.channelId) continue;
      const key = `${entry.channelId} ${entry.alertId ?? ''}`;
      const mayHaveArrived = entry.result === 'sent' || entry.reason === INTERRUPTED_REASON;
      if (entry.action === 'trigger' && mayHaveArrived)
        open.set(key, { trigger: entry, acknowledged: false });
      if (entry.result !== 'sent') continue;
      const current = open.get(key);
      if (entry.action === 'acknowledge' && current)
        open.set(key, { ...current, acknowledged: true });
      if (entry.action === 'resolve') open.delete(key);
    }
    return [...open.values()];
  }

  /**
   * Send `action` for an alert through the channel of each of its pages among `pages`, to whom
   * the page went (a channel that no longer exists is passed over: nobody to tell).
   */
  function followUp(
    pages: readonly OpenPage[],
    alert: Alert,
    action: 'acknowledge' | 'resolve',
  ): Promise<OutboundRecordEntry[]> {
    const { escalation } = settings();
    const deliveries: Delivery[] = [];
    for (const { trigger } of pages) {
      const channel = escalation.channels.find((c) => c.id === trigger.channelId);
      if (trigger.alertId === recordedId(alert) && channel)
        deliveries.push({ target: trigger.target, channel });
    }
    const content = pageContent(alert, { action, severityName: severityName(alert) });
    return track(Promise.all(deliveries.map((delivery) => send(delivery, content, alert))));
  }

  /** Say "resolved" through every channel an alert was paged through. */
  async function resolveAt(alert: Alert): Promise<OutboundRecordEntry[]> {
    return followUp(await openPages(), alert, 'resolve');
  }

  // The triggers (entry ids) a resolve or an acknowledge was tried for since start: each once
  // per run, so a PagerDuty that is down is not asked again on every poll (a failed one is in
  // the record, and the next start tries it again).
  const resolveTried = new Set<string>();
  const acknowledgeTried = new Set<string>();
  // One pass at a time: each reads the record the one before has written, so an alert is not
  // resolved or acknowledged twice by two polls in quick succession.
  let passQueue: Promise<unknown> = Promise.resolve();
  function inTurn<T>(pass: () => Promise<T>): Promise<T> {
    const next = passQueue.then(pass);
    passQueue = next.catch(() => undefined);
    return next;
  }
  // The alerts as last told: a trigger still under way when its alert was acknowledged or
  // resolved is followed up once it has been sent, without waiting for another change.
  let latest: { alerts: readonly Alert[]; answered: (alertId: string) => boolean } | undefined;

  function resolveGone(
    alerts: readonly Alert[],
    answered: (alertId: string) => boolean,
  ): Promise<OutboundRecordEntry[]> {
    latest = { alerts, answered };
    return inTurn(async () => {
      const active = new Set(alerts.filter((alert) => alert.status !== 'resolved').map(recordedId));
      const pages = await openPages();
      const gone = new Map<string, Alert>();
      for (const { trigger } of pages) {
        const id = trigger.alertId;
        if (id === undefined || active.has(id) || !answered(id) || resolveTried.has(trigger.id))
          continue;
        resolveTried.add(trigger.id);
        // The resolve event needs only the alert's id (its dedup key); the rest names it.
        gone.set(id, {
          id,
          sourceId: id.split(':')[0] ?? id,
          fingerprint: id,
          status: 'resolved',
          severity: 'sev4',
          title: trigger.alertTitle ?? id,
          labels: {},
          annotations: {},
          startsAt: trigger.at,
        });
      }
      const sent = await Promise.all(
        [...gone.values()].map((alert) => followUp(pages, alert, 'resolve')),
      );
      return sent.flat();
    });
  }

  function acknowledgeAcked(alerts: readonly Alert[]): Promise<OutboundRecordEntry[]> {
    latest = { alerts, answered: latest?.answered ?? (() => false) };
    return inTurn(async () => {
      const acked = new Map(
        alerts
          .filter((alert) => alert.status !== 'resolved' && !isEscalating(alert))
          .map((alert) => [recordedId(alert), alert]),
      );
      const due = (await openPages()).filter(
        ({ trigger, acknowledged }) =>
          !acknowledged &&
          trigger.alertId !== undefined &&
          acked.has(trigger.alertId) &&
          !acknowledgeTried.has(trigger.id),
      );
      for (const { trigger } of due) acknowledgeTried.add(trigger.id);
      const alertIds = new Set(due.map(({ trigger }) => trigger.alertId ?? ''));
      const sent = await Promise.all(
        [...alertIds].map((id) => followUp(due, acked.get(id)!, 'acknowledge')),
      );
      return sent.flat();
    });
  }

  /** After a page: its alert may have been acknowledged or gone while it was under way. */
  async function afterPages(entries: readonly OutboundRecordEntry[]): Promise<void> {
    const paged = entries.some((e) => e.action === 'trigger' && e.channelId !== undefined);
    if (!paged || !latest) return;
    await acknowledgeAcked(latest.alerts);
    await resolveGone(latest.alerts, latest.answered);
  }

  return {
    deliver(step, alert) {
      const content = pageContent(alert, {
        action: 'trigger',
        severityName: severityName(alert),
        level: step.level,
        repeat: step.repeat,
      });
      const deliveries = step.targets.flatMap(deliveriesFor);
      return track(
        Promise.all(deliveries.map((d) => send(d, content, alert))).then((entries) => {
          // Not awaited: the step is marked fired as soon as its pages have ended.
          void track(
            afterPages(entries).catch((error: unknown) =>
              log('warn', `Outbound: following up a page failed: ${String(error)}`),
            ),
          );
          return entries;
        }),
      );
    },
    alertResolved(alert) {
      return inTurn(() => resolveAt(alert));
    },
    resolveGone,
    acknowledgeAcked,
    async sendTest(channelId) {
      const channel = settings().escalation.channels.find((c) => c.id === channelId);
      const now = clock.now().toISOString();
      const probe: Alert = {
        id: `test:${now}`,
        sourceId: 'test',
        fingerprint: now,
        status: 'firing',
        severity: 'sev4',
        title: 'Test page from On-Call Companion',
        labels: {},
        annotations: {},
        startsAt: now,
      };
      const content = pageContent(probe, { action: 'test', severityName: severityName(probe) });
      const delivery: Delivery = channel
        ? { target: `channel ${channel.name}`, channel }
        : {
            target: `channel ${channelId}`,
            problem: `no channel has the id "${channelId}"; save it first`,
          };
      const sent = await track(send(delivery, content, undefined));
      // A test must not leave an open alert in PagerDuty: it is resolved at once.
      if (channel?.kind === 'pagerduty' && sent.result === 'sent') {
        await track(send(delivery, { ...content, action: 'resolve' }, undefined));
      }
      return sent;
    },
    async list() {
      return [...(await opened()).entries()].reverse();
    },
    async close() {
      closing.abort(new Error('the app is closing'));
      await Promise.allSettled([...inFlight]);
      if (record) await (await record).flush();
    },
  };
}
