import type { Alert } from '../../../shared/domain/alert';
import type { AlertActionType } from '../../../shared/domain/alert-action';
import type { AlertmanagerSourceConfig } from '../../../shared/domain/source';
import { ackComment, isAckComment } from './alertmanager-ack-comment';
import {
  requestAlertmanager,
  type AlertmanagerCall,
  type AlertmanagerRequest,
} from './alertmanager-client';
import { clusterMembers, requestOptions } from './alertmanager-cluster';
import { gettableSilenceSchema } from './alertmanager-silences';
import type { ActionRequest, AdapterContext } from './source-adapter';
import { SourceError } from './source-error';

/** What the app can do to an Alertmanager's alerts: all of it through silences. */
export const ALERTMANAGER_ACTIONS: readonly AlertActionType[] = [
  'acknowledge',
  'unacknowledge',
  'extend',
  'silence',
];

const MINUTE_MS = 60_000;

/** A silence as POST /api/v2/silences takes it (`postableSilence`). */
interface PostableSilence {
  id?: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual: boolean }[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** One request to the cluster: its path and what to send. */
type Send = (path: string, call?: AlertmanagerCall) => Promise<string>;

/**
 * Carry out an action on alerts of one Alertmanager source, all through silences so every
 * teammate sees it: acknowledge = a silence on each alert's exact label set by the actor, with
 * a comment saying it was acknowledged here; un-acknowledge = expire the alert's acknowledgement
 * silences (the app's and karma's); extend = move the acknowledgement's end; silence = a silence
 * on the given matchers or the exact label set, with the person's comment.
 * @param config - the source's settings
 * @param alerts - the alerts, all of this source
 * @param request - the action, the actor, an abort signal
 * @param context - clock and secret
 * @throws SourceError saying what was not done and why (Alertmanager's own reason for a refusal)
 */
export async function actOnAlertmanager(
  config: AlertmanagerSourceConfig,
  alerts: readonly Alert[],
  request: ActionRequest,
  context: AdapterContext,
): Promise<void> {
  const send = firstAnsweringMember(config, await requestOptions(config, context, request.signal));
  const now = context.clock.now();
  const { action, actor } = request;
  switch (action.type) {
    case 'acknowledge': {
      const minutes = action.minutes ?? config.ackMinutes;
      const comment = ackComment(actor);
      return each(alerts, 'acknowledged', (alert) =>
        postSilence(send, silenceOn(exactMatchers(alert.labels), now, minutes, actor, comment)),
      );
    }
    case 'silence': {
      const { minutes, comment, matchers } = action;
      if (matchers !== undefined) {
        // One silence on the given matchers covers every alert they match.
        await postSilence(send, silenceOn(exactMatchers(matchers), now, minutes, actor, comment));
        return;
      }
      return each(alerts, 'silenced', (alert) =>
        postSilence(send, silenceOn(exactMatchers(alert.labels), now, minutes, actor, comment)),
      );
    }
    case 'unacknowledge': {
      const ids = ackSilenceIds(alerts, 'un-acknowledge');
      return each(ids, 'un-acknowledged', (id) =>
        send(`api/v2/silence/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(() => {}),
      );
    }
    case 'extend': {
      const ids = [...new Set(alerts.map((alert) => ackOf(alert, 'extend').ref as string))];
      const endsAt = now.getTime() + action.minutes * MINUTE_MS;
      return each(ids, 'extended', (id) => extendSilence(send, id, endsAt));
    }
    default:
      throw new SourceError(
        'config',
        `${config.name} cannot ${action.type} alerts: Alertmanager only knows silences`,
      );
  }
}

/**
 * Send each request to the first member of the cluster that answers; once one has, the rest of
 * this action goes there too. A silence made on one member reaches the others by gossip.
 */
function firstAnsweringMember(
  config: AlertmanagerSourceConfig,
  request: AlertmanagerRequest,
): Send {
  const members = clusterMembers(config);
  let start = 0;
  return async (path, call) => {
    let last: unknown;
    for (let i = start; i < members.length; i += 1) {
      try {
        const body = await requestAlertmanager(members[i] as string, path, request, call);
        start = i;
        return body;
      } catch (error) {
        if (!memberDown(error) || request.signal.aborted) throw error;
        last = error;
      }
    }
    throw last;
  };
}

// Down or in trouble: another member may take it. A refusal (400, 404) would be the same anywhere.
function memberDown(error: unknown): boolean {
  if (!(error instanceof SourceError)) return false;
  if (error.kind === 'http') return error.status !== undefined && error.status >= 500;
  return error.kind !== 'config' && error.kind !== 'response';
}

/** Equal, non-regex matchers on these labels, in name order. */
function exactMatchers(labels: Readonly<Record<string, string>>): PostableSilence['matchers'] {
  return Object.keys(labels)
    .sort()
    .map((name) => ({ name, value: labels[name] as string, isRegex: false, isEqual: true }));
}

function silenceOn(
  matchers: PostableSilence['matchers'],
  now: Date,
  minutes: number,
  createdBy: string,
  comment: string,
): PostableSilence {
  return {
    matchers,
    startsAt: now.toISOString(),
    endsAt: new Date(now.getTime() + minutes * MINUTE_MS).toISOString(),
    createdBy,
    comment,
  };
}

async function postSilence(send: Send, silence: PostableSilence): Promise<void> {
  await send('api/v2/silences', { method: 'POST', json: silence });
}

/**
 * Move an acknowledgement silence's end, never earlier than it was, by posting it again with
 * its id. Alertmanager (0.25 included, checked against Debian's) updates an active silence in
 * place when its matchers and start are unchanged, so the id stays; were they to differ it would
 * expire the old silence and make a new one, and the acknowledgement would go on under a new id.
 */
async function extendSilence(send: Send, id: string, endsAtMs: number): Promise<void> {
  const text = await send(`api/v2/silence/${encodeURIComponent(id)}`);
  const parsed = gettableSilenceSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new SourceError('response', `the acknowledgement silence ${id} could not be read`);
  }
  const silence = parsed.data;
  if (silence.status.state === 'expired') {
    throw new SourceError(
      'response',
      `the acknowledgement silence ${id} has already ended — acknowledge again instead`,
    );
  }
  await postSilence(send, {
    id: silence.id,
    matchers: silence.matchers.map((m) => ({ ...m, isEqual: m.isEqual ?? true })),
    startsAt: silence.startsAt,
    endsAt: new Date(Math.max(endsAtMs, Date.parse(silence.endsAt))).toISOString(),
    createdBy: silence.createdBy,
    comment: silence.comment,
  });
}

function ackOf(alert: Alert, verb: string): NonNullable<Alert['ack']> {
  if (alert.ack?.ref === undefined) {
    throw new SourceError('response', `cannot ${verb} "${alert.title}": it is not acknowledged`);
  }
  return alert.ack;
}

/** The acknowledgement silences of the alerts (the app's and karma's), each once. */
function ackSilenceIds(alerts: readonly Alert[], verb: string): string[] {
  const ids = new Set<string>();
  for (const alert of alerts) {
    const acks = (alert.silences ?? []).filter((s) => isAckComment(s.comment));
    if (acks.length === 0) ackOf(alert, verb);
    for (const silence of acks) ids.add(silence.id);
  }
  return [...ids];
}

/**
 * Do one request per item, all at once; when some fail, say how many went through and why the
 * others did not, so a partial success is not reported as nothing done.
 */
async function each<T>(
  items: readonly T[],
  done: string,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const results = await Promise.allSettled(items.map(run));
  const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (failed.length === 0) return;
  const first = failed[0];
  const reason = first instanceof Error ? first.message : String(first);
  if (failed.length === items.length) throw first;
  throw new SourceError(
    first instanceof SourceError ? first.kind : 'response',
    `${done} ${items.length - failed.length} of ${items.length}; the rest failed: ${reason}`,
    { cause: first },
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
