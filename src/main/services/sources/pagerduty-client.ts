import type { z } from 'zod';
import {
  httpRequest,
  statusError,
  type HttpRequestOptions,
  type Refusal,
} from './http/http-request';
import { parseJsonAnswer } from './http/json-answer';
import type { PeerWords } from './http/peer-words';
import {
  pagerdutyCurrentUserSchema,
  pagerdutyErrorSchema,
  pagerdutyIncidentPageSchema,
  type PagerdutyIncident,
} from './pagerduty-response';
import { shownUrl } from './shown-url';
import { SourceError } from './source-error';

/** The versioning header PagerDuty's REST API v2 asks for. */
export const PAGERDUTY_ACCEPT = 'application/vnd.pagerduty+json;version=2';

/** Incidents per page: the most GET /incidents gives. */
export const PAGE_LIMIT = 100;

/**
 * Pages read per poll at most (1,000 incidents). With the 10 s shortest interval the schema
 * allows, a poll of every page plus GET /users/me is 6 × 11 = 66 requests a minute: under 7 %
 * of the 960 a minute PagerDuty allows a token, leaving room for the person's other tools.
 */
export const MAX_PAGES = 10;

/** Incidents one PUT /incidents may update (more is answered 413). */
export const MAX_BULK_UPDATE = 250;

/** The largest body accepted: a page of 100 full incidents is well under 1 MB. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

const PAGERDUTY: PeerWords = { name: 'PagerDuty', check: "is this URL PagerDuty's REST API?" };

/** Where the API is and the token that opens it. */
export interface PagerdutyAccount {
  /** The REST API base URL, `https://api.pagerduty.com` (or the EU one). */
  readonly apiUrl: string;
  readonly token: string;
}

/** Which incidents: of these users, teams or services (PagerDuty's list filters). */
export interface IncidentScope {
  readonly param: 'user_ids[]' | 'team_ids[]' | 'service_ids[]';
  readonly ids: readonly string[];
}

/**
 * The id of the user the token acts as (GET /users/me). Works with a personal (user) token only.
 * @param account - API URL and token
 * @param options - abort signal, timeout, clock
 */
export async function fetchCurrentUserId(
  account: PagerdutyAccount,
  options: HttpRequestOptions,
): Promise<string> {
  const body = await call(account, 'users/me', {
    options,
    schema: pagerdutyCurrentUserSchema,
    refusal:
      '"assigned to me" needs a personal (user) API token; with an account token, watch teams or services instead',
  });
  return body.user.id;
}

/**
 * Every triggered or acknowledged incident in a scope, reading page after page while PagerDuty
 * says there are `more`.
 * @param account - API URL and token
 * @param scope - the users, teams or services whose incidents
 * @param options - abort signal, timeout (per request), clock
 * @throws SourceError when a page fails, or when more than {@link MAX_PAGES} pages are needed
 */
export async function fetchOpenIncidents(
  account: PagerdutyAccount,
  scope: IncidentScope,
  options: HttpRequestOptions,
): Promise<PagerdutyIncident[]> {
  // By id: an incident resolved between two pages shifts the rest by one, so one may repeat.
  const incidents = new Map<string, PagerdutyIncident>();
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = new URLSearchParams([
      ['statuses[]', 'triggered'],
      ['statuses[]', 'acknowledged'],
      ...scope.ids.map((id): [string, string] => [scope.param, id]),
      ['time_zone', 'UTC'],
      ['limit', String(PAGE_LIMIT)],
      ['offset', String(offset)],
    ]);
    const body = await call(account, `incidents?${query.toString()}`, {
      options,
      schema: pagerdutyIncidentPageSchema,
    });
    for (const incident of body.incidents) incidents.set(incident.id, incident);
    if (body.more !== true || body.incidents.length === 0) return [...incidents.values()];
    offset += body.limit ?? PAGE_LIMIT;
  }
  // Showing the first 1,000 as if they were all would hide the rest without a word.
  throw new SourceError(
    'response',
    `PagerDuty lists more than ${MAX_PAGES * PAGE_LIMIT} open incidents in this scope; the app reads at most that many per poll to stay well under PagerDuty's rate limit — watch fewer teams or services`,
  );
}

/**
 * Set the status of incidents (PUT /incidents, in batches of {@link MAX_BULK_UPDATE}).
 * @param account - API URL and token
 * @param from - the login e-mail of the user acting, sent as `From`
 * @param ids - incident ids
 * @param status - `acknowledged` or `resolved`
 * @param options - abort signal, timeout, clock
 */
export async function updateIncidentStatus(
  account: PagerdutyAccount,
  from: string,
  ids: readonly string[],
  status: 'acknowledged' | 'resolved',
  options: HttpRequestOptions,
): Promise<void> {
  for (let start = 0; start < ids.length; start += MAX_BULK_UPDATE) {
    const batch = ids.slice(start, start + MAX_BULK_UPDATE);
    await call(account, 'incidents', {
      options,
      method: 'PUT',
      from,
      body: {
        incidents: batch.map((id) => ({ id, type: 'incident_reference', status })),
      },
      schema: pagerdutyIncidentPageSchema.pick({ incidents: true }),
    });
  }
}

/**
 * Snooze an acknowledged incident (POST /incidents/{id}/snooze): it triggers again after
 * `seconds` unless resolved.
 * @param account - API URL and token
 * @param from - the login e-mail of the user acting, sent as `From`
 * @param id - the incident id
 * @param seconds - how long, 1 s to a week
 * @param options - abort signal, timeout, clock
 */
export async function snoozeIncident(
  account: PagerdutyAccount,
  from: string,
  id: string,
  seconds: number,
  options: HttpRequestOptions,
): Promise<void> {
  await call(account, `incidents/${encodeURIComponent(id)}/snooze`, {
    options,
    method: 'POST',
    from,
    body: { duration: seconds },
    schema: null,
    notFound: `PagerDuty has no incident ${id} (404) — it may have been merged or deleted`,
  });
}

interface CallSpec<S extends z.ZodType | null> {
  readonly options: HttpRequestOptions;
  readonly schema: S;
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly from?: string;
  readonly body?: unknown;
  /** Added to a 400 or 403: what this call needs that the account may lack. */
  readonly refusal?: string;
  /** What a 404 means for this call. */
  readonly notFound?: string;
}

async function call<S extends z.ZodType | null>(
  account: PagerdutyAccount,
  path: string,
  spec: CallSpec<S>,
): Promise<S extends z.ZodType ? z.infer<S> : undefined> {
  const shown = shownUrl(account.apiUrl);
  const base = account.apiUrl.endsWith('/') ? account.apiUrl : `${account.apiUrl}/`;
  const answer = await httpRequest(new URL(path, base), {
    ...spec.options,
    shown,
    peer: PAGERDUTY,
    method: spec.method ?? 'GET',
    headers: {
      accept: PAGERDUTY_ACCEPT,
      authorization: `Token token=${account.token}`,
      ...(spec.from !== undefined && { from: spec.from }),
    },
    ...(spec.body !== undefined && { json: spec.body }),
    secret: account.token,
    maxBytes: MAX_BODY_BYTES,
    httpError: (refusal) => pagerdutyHttpError(refusal, spec),
  });
  if (spec.schema === null) return undefined as never;
  return parseJsonAnswer(
    answer.text,
    spec.schema,
    { shown, check: PAGERDUTY.check },
    account.token,
  ) as never;
}

/**
 * What a refusal from PagerDuty means, with its own error message when it sent one. A 429's
 * wait is the longer of `ratelimit-reset` (seconds, PagerDuty's own header) and `Retry-After`.
 */
function pagerdutyHttpError(
  answer: Refusal,
  spec: Pick<CallSpec<null>, 'refusal' | 'notFound'>,
): SourceError {
  const { status, shown } = answer;
  const detail = errorDetail(answer.body);
  const waits = [answer.retryAfterMs, resetSeconds(answer.headers.get('ratelimit-reset'))].filter(
    (ms): ms is number => ms !== undefined,
  );
  const retryAfterMs = waits.length > 0 ? Math.max(...waits) : undefined;
  const options = retryAfterMs === undefined ? {} : { retryAfterMs };
  const refusal = spec.refusal ? ` — ${spec.refusal}` : '';
  if (status === 401) {
    return new SourceError('http', 'PagerDuty refused the API token (401) — check it in Settings');
  }
  if (status === 403) {
    return new SourceError(
      'http',
      `PagerDuty forbade this (403)${detail}${refusal || ' — the token may be read-only, or its user may not see these incidents'}`,
    );
  }
  if (status === 400) {
    return new SourceError('http', `PagerDuty refused the request (400)${detail}${refusal}`);
  }
  if (status === 402) {
    return new SourceError(
      'http',
      `PagerDuty says the account's plan does not include this (402)${detail}`,
    );
  }
  if (status === 404) {
    return new SourceError(
      'http',
      spec.notFound ??
        `${shown} answered HTTP 404 Not Found — is this PagerDuty's REST API URL (https://api.pagerduty.com)?`,
    );
  }
  if (status === 429) {
    const wait =
      retryAfterMs === undefined ? '' : `; asking again in ${Math.ceil(retryAfterMs / 1000)} s`;
    return new SourceError(
      'http',
      `PagerDuty's rate limit for this token was reached (429)${wait} — other tools may share the token`,
      options,
    );
  }
  const timed = { ...answer, retryAfterMs };
  if (status >= 500) {
    return statusError(timed, ' — PagerDuty is in trouble; the app keeps asking');
  }
  return statusError(timed, detail);
}

/** PagerDuty's own words for a refusal, as `: "message (detail; detail)"`, or nothing. */
function errorDetail(text: string): string {
  try {
    const parsed = pagerdutyErrorSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return '';
    const { message, errors } = parsed.data.error;
    const words = [message, ...(errors ?? [])].filter((w): w is string => !!w && w.trim() !== '');
    if (words.length === 0) return '';
    const [first = '', ...rest] = words;
    const said = rest.length > 0 ? `${first} (${rest.join('; ')})` : first;
    return `: "${said.slice(0, 300)}"`;
  } catch {
    return '';
  }
}

function resetSeconds(header: string | null): number | undefined {
  if (header === null || !/^\d+(\.\d+)?$/.test(header.trim())) return undefined;
  return Math.ceil(Number(header.trim()) * 1000);
}
