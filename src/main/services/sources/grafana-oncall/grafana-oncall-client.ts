import type { Clock } from '../../clock/clock';
import { httpRequest, MAX_API_BODY_BYTES } from '../http/http-request';
import { parseJsonAnswer } from '../http/json-answer';
import type { PeerWords } from '../http/peer-words';
import { shownUrl } from '../shown-url';
import { SourceError } from '../source-error';
import {
  oncallErrorDetail,
  oncallPageSchema,
  type OncallAlertGroup,
} from './grafana-oncall-schema';

/** The states watched: what still needs someone, and what was silenced (shown as such). */
export const WATCHED_STATES = ['new', 'acknowledged', 'silenced'] as const;

/** Pages read per state and poll at most (OnCall's pages hold 50 groups). */
export const MAX_PAGES = 40;

/** What every call to one OnCall needs. */
export interface OncallCall {
  readonly apiUrl: string;
  readonly token: string;
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  readonly clock: Clock;
}

const PEER: PeerWords = {
  name: 'Grafana OnCall',
  check: 'is this the OnCall API URL shown under OnCall → Settings → Admin & API?',
  refused: 'is this the Grafana OnCall API URL?',
};

const request = (call: OncallCall) => ({
  signal: call.signal,
  timeoutMs: call.timeoutMs,
  clock: call.clock,
  peer: PEER,
  maxBytes: MAX_API_BODY_BYTES,
  secret: call.token,
  headers: { authorization: call.token },
  errorDetail: oncallErrorDetail,
});

/**
 * Every alert group in a watched state, following each list's `next` links.
 * @param call - API URL, token, abort signal, timeout and clock
 */
export async function listAlertGroups(call: OncallCall): Promise<OncallAlertGroup[]> {
  const shown = shownUrl(call.apiUrl);
  const origin = new URL(call.apiUrl).origin;
  const all: OncallAlertGroup[] = [];
  for (const state of WATCHED_STATES) {
    let next: string | null | undefined = `${call.apiUrl}/api/v1/alert_groups/?state=${state}`;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const url = new URL(next);
      // The token goes with every request: never to a host the user did not configure.
      if (url.origin !== origin) {
        throw new SourceError(
          'response',
          `${shown} pointed its next page at ${url.origin}, not itself — not followed`,
        );
      }
      const answer = await httpRequest(url, request(call));
      const body = parseJsonAnswer(
        answer.text,
        oncallPageSchema,
        { shown, check: PEER.check },
        call.token,
      );
      all.push(...body.results);
      next = body.next;
    }
  }
  return all;
}

/** The alert group actions of the public API, by their path. */
export type OncallAction = 'acknowledge' | 'unacknowledge' | 'resolve' | 'silence';

/**
 * Carry out an action on one alert group; OnCall does it at once (200) or says why not (400).
 * @param call - API URL, token, abort signal, timeout and clock
 * @param groupId - the alert group's id
 * @param action - which action
 * @param body - `{ delay }` in seconds for a silence
 */
export async function actOnAlertGroup(
  call: OncallCall,
  groupId: string,
  action: OncallAction,
  body?: { delay: number },
): Promise<void> {
  const url = new URL(
    `${call.apiUrl}/api/v1/alert_groups/${encodeURIComponent(groupId)}/${action}`,
  );
  await httpRequest(url, { ...request(call), method: 'POST', ...(body && { json: body }) });
}
