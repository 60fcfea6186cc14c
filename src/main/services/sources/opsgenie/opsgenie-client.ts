import type { Clock } from '../../clock/clock';
import { abortableSleep } from '../http/abortable-sleep';
import { httpRequest, MAX_API_BODY_BYTES } from '../http/http-request';
import { parseJsonAnswer } from '../http/json-answer';
import type { PeerWords } from '../http/peer-words';
import { shownUrl } from '../shown-url';
import { SourceError } from '../source-error';
import {
  opsgenieAcceptedSchema,
  opsgenieAlertPageSchema,
  opsgenieErrorMessage,
  opsgenieRequestStatusSchema,
  type OpsgenieAlert,
} from './opsgenie-schema';

/** Alerts per page: Opsgenie's maximum. */
export const PAGE_SIZE = 100;

/**
 * Pages read per poll at most (10,000 open alerts). Opsgenie refuses offsets past 20,000, and a
 * poll that reads more is no longer a glance at what is open.
 */
export const MAX_PAGES = 100;

/**
 * How often, and how far apart, an action's request status is asked before giving up: Opsgenie
 * queues actions (202) and usually carries them out within a second.
 */
export const REQUEST_STATUS_POLLS = { attempts: 10, delayMs: 300 } as const;

/** What every call to one Opsgenie account needs. */
export interface OpsgenieCall {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly clock: Clock;
}

const PEER: PeerWords = {
  name: 'Opsgenie',
  check: "is this Opsgenie's API (api.opsgenie.com or api.eu.opsgenie.com)?",
  refused: 'is this the Opsgenie API URL?',
};

const request = (call: OpsgenieCall) => ({
  signal: call.signal,
  timeoutMs: call.timeoutMs,
  clock: call.clock,
  peer: PEER,
  maxBytes: MAX_API_BODY_BYTES,
  secret: call.apiKey,
  headers: { authorization: `GenieKey ${call.apiKey}` },
  errorDetail: opsgenieErrorMessage,
});

/**
 * Every open alert matching `query`, page after page.
 * @param call - account, key, abort signal, timeout and clock
 * @param query - the user's own search query, ANDed with `status: open`
 */
export async function listOpenAlerts(call: OpsgenieCall, query: string): Promise<OpsgenieAlert[]> {
  const all: OpsgenieAlert[] = [];
  const q = query.trim() === '' ? 'status: open' : `status: open AND (${query.trim()})`;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({
      query: q,
      offset: String(page * PAGE_SIZE),
      limit: String(PAGE_SIZE),
      sort: 'createdAt',
      order: 'desc',
    });
    const url = new URL(`${call.baseUrl}/v2/alerts?${params.toString()}`);
    const answer = await httpRequest(url, request(call));
    const body = parseJsonAnswer(
      answer.text,
      opsgenieAlertPageSchema,
      { shown: shownUrl(call.baseUrl), check: PEER.check },
      call.apiKey,
    );
    all.push(...body.data);
    if (!body.paging?.next || body.data.length < PAGE_SIZE) break;
  }
  return all;
}

/** The alert actions Opsgenie offers, by their path. */
export type OpsgenieAction = 'acknowledge' | 'unacknowledge' | 'snooze' | 'close';

/**
 * Carry out an action on one alert and wait until Opsgenie says it was done. Opsgenie answers
 * 202 and queues it; Get Request Status answers 404 until the request was processed.
 * @param call - account, key, abort signal, timeout and clock
 * @param alertId - Opsgenie's id of the alert
 * @param action - which action
 * @param body - `user`, `source`, `note`, and `endTime` for a snooze
 * @throws SourceError saying why it was not done, or that it was not confirmed in time
 */
export async function actOnAlert(
  call: OpsgenieCall,
  alertId: string,
  action: OpsgenieAction,
  body: Record<string, string>,
): Promise<void> {
  const shown = shownUrl(call.baseUrl);
  const url = new URL(
    `${call.baseUrl}/v2/alerts/${encodeURIComponent(alertId)}/${action}?identifierType=id`,
  );
  const accepted = await httpRequest(url, { ...request(call), method: 'POST', json: body });
  const { requestId } = parseJsonAnswer(
    accepted.text,
    opsgenieAcceptedSchema,
    { shown, check: PEER.check },
    call.apiKey,
  );
  const statusUrl = new URL(`${call.baseUrl}/v2/alerts/requests/${encodeURIComponent(requestId)}`);
  for (let attempt = 1; attempt <= REQUEST_STATUS_POLLS.attempts; attempt++) {
    const answer = await httpRequest(statusUrl, { ...request(call), accept: [404] });
    if (answer.status !== 404) {
      const { data } = parseJsonAnswer(
        answer.text,
        opsgenieRequestStatusSchema,
        { shown, check: PEER.check },
        call.apiKey,
      );
      if (data.isSuccess) return;
      throw new SourceError(
        'http',
        `Opsgenie did not ${action} the alert: ${data.status ?? 'it gave no reason'}`,
      );
    }
    if (attempt < REQUEST_STATUS_POLLS.attempts) {
      await abortableSleep(REQUEST_STATUS_POLLS.delayMs, call.signal);
    }
  }
  throw new SourceError(
    'timeout',
    `Opsgenie accepted the ${action} but had not carried it out after ${
      (REQUEST_STATUS_POLLS.attempts * REQUEST_STATUS_POLLS.delayMs) / 1000
    } s; the list will show it once it has`,
  );
}
