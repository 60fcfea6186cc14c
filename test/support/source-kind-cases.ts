import type { Fault } from './fault-server';

/**
 * What the table-driven source tests need to know about one kind of source. Every kind in the
 * adapter registry must have one: a kind without a case fails those tests, naming this file.
 */
export interface SourceKindCase {
  /**
   * Settings (before defaults) of a minimal source of this kind whose poll goes to `baseUrl`,
   * with a 1 s timeout.
   */
  config(baseUrl: string, id: string): Record<string, unknown>;
  /** The path (and query) its poll requests: the one the faults hit. */
  readonly path: string;
  /**
   * The other paths (and queries) a poll requests, each with a well-formed answer, served
   * whatever the fault (see `FaultServer.serveWell`).
   */
  readonly others?: Readonly<Record<string, string>>;
  /** A well-formed answer, and how many open alerts it makes. */
  readonly good: { readonly body: string; readonly openAlerts: number };
  /** JSON of the right syntax with a field of the wrong type, and the words that say so. */
  readonly wrongTypes: { readonly body: string; readonly words: RegExp };
  /** JSON missing a field the kind needs, and the words that say so. */
  readonly missingFields: { readonly body: string; readonly words: RegExp };
  /**
   * Where a bad answer shows. `status`: the source fails with the reason. `alert` (health
   * checks): the source did its job and the check's alert carries the reason.
   */
  readonly failureShowsIn: 'status' | 'alert';
  /** Words that replace the common ones ({@link FAULT_WORDS}) for faults this kind reads its own way. */
  readonly words?: Partial<Record<Fault, RegExp>>;
}

/** Words every adapter's reason has for each fault, unless its case says otherwise. */
export const FAULT_WORDS: Readonly<
  Record<Exclude<Fault, 'wrong-types' | 'missing-fields'>, RegExp>
> = {
  'malformed-json': /answered text that is not JSON/,
  'empty-body': /answered an empty body, not JSON/,
  'html-error-page': /answered HTTP 502 Bad Gateway/,
  'over-cap': /answered more than 64 MiB — /,
  'never-ends': /no answer within 1 s from /,
  'connection-reset': /closed the connection before answering/,
  'tls-error': /cannot connect securely to https:\/\/127\.0\.0\.1:\d+\S*: self-signed certificate/,
  'redirect-loop': /redirect/,
};

const amAlert = {
  labels: { alertname: 'DiskFull', severity: 'critical' },
  annotations: { summary: 'Disk full' },
  fingerprint: 'f1',
  startsAt: '2026-03-01T01:30:00.000Z',
  updatedAt: '2026-03-01T01:59:00.000Z',
  endsAt: '2126-03-01T00:00:00.000Z',
  status: { state: 'active', silencedBy: [], inhibitedBy: [] },
};

const pdIncident = {
  id: 'Q1ABCDEF',
  incident_number: 42,
  title: 'Disk full on db-1',
  status: 'triggered',
  urgency: 'high',
  created_at: '2026-03-01T01:30:00Z',
  html_url: 'https://example.pagerduty.com/incidents/Q1ABCDEF',
  service: { id: 'PIJ90N7', type: 'service_reference', summary: 'Database' },
};

const ogAlert = {
  id: '70413a06-38d6-4c85-92b8-5ebc900d42e2',
  tinyId: '1791',
  message: 'Disk full on db-1',
  status: 'open',
  acknowledged: false,
  priority: 'P1',
  tags: [],
  createdAt: '2026-03-01T01:30:00.000Z',
};

const oncallGroup = {
  id: 'I68T24C13IFW1',
  title: 'Disk full on db-1',
  state: 'new',
  created_at: '2026-03-01T01:30:00.000000Z',
  alerts_count: 1,
};

const oncallPage = (results: unknown[]) => JSON.stringify({ next: null, results });

const checkBody = / without the expected text "ok"/;

/**
 * One case per kind of source. A new adapter adds its kind here: a minimal config pointing at
 * the test's server, the path its poll requests, a well-formed answer and its two shape faults.
 */
export const SOURCE_KIND_CASES: Readonly<Record<string, SourceKindCase>> = {
  alertmanager: {
    config: (baseUrl, id) => ({
      kind: 'alertmanager',
      id,
      name: `AM ${id}`,
      url: baseUrl,
      timeoutSeconds: 1,
    }),
    path: '/api/v2/alerts?active=true&silenced=true&inhibited=true',
    others: { '/api/v2/silences?expired=false&pending=false': '[]' },
    good: { body: JSON.stringify([amAlert]), openAlerts: 1 },
    wrongTypes: {
      body: JSON.stringify([{ ...amAlert, labels: 'DiskFull' }]),
      words: /answered JSON of the wrong shape: \[0\]\.labels: expected object, got string/,
    },
    missingFields: {
      body: JSON.stringify([{ labels: amAlert.labels }]),
      words: /answered JSON of the wrong shape: \[0\]\.annotations: missing/,
    },
    failureShowsIn: 'status',
  },
  pagerduty: {
    // Teams, not "me": a poll is then the one GET /incidents the faults hit.
    config: (baseUrl, id) => ({
      kind: 'pagerduty',
      id,
      name: `PD ${id}`,
      apiUrl: baseUrl,
      fromEmail: 'oncall@example.com',
      scope: 'teams',
      teamIds: ['PQ9K7I8'],
      timeoutSeconds: 1,
    }),
    path: '/incidents?statuses%5B%5D=triggered&statuses%5B%5D=acknowledged&team_ids%5B%5D=PQ9K7I8&time_zone=UTC&limit=100&offset=0',
    good: {
      body: JSON.stringify({ incidents: [pdIncident], limit: 100, offset: 0, more: false }),
      openAlerts: 1,
    },
    wrongTypes: {
      body: JSON.stringify({ incidents: [{ ...pdIncident, status: 7 }], more: false }),
      words: /answered JSON of the wrong shape: incidents\[0\]\.status/,
    },
    missingFields: {
      body: JSON.stringify({ more: false }),
      words: /answered JSON of the wrong shape: incidents: missing/,
    },
    failureShowsIn: 'status',
    // A page of 100 full incidents is well under 1 MB.
    words: { 'over-cap': /answered more than 8 MiB — / },
  },
  opsgenie: {
    config: (baseUrl, id) => ({
      kind: 'opsgenie',
      id,
      name: `OG ${id}`,
      apiUrl: baseUrl,
      timeoutSeconds: 1,
    }),
    path: '/v2/alerts?query=status%3A+open&offset=0&limit=100&sort=createdAt&order=desc',
    good: { body: JSON.stringify({ data: [ogAlert], took: 0.01, requestId: 'r1' }), openAlerts: 1 },
    wrongTypes: {
      body: JSON.stringify({ data: [{ ...ogAlert, message: 7 }] }),
      words: /data\[0\]\.message/,
    },
    missingFields: {
      body: JSON.stringify({ took: 0.01 }),
      words: /\bdata\b/,
    },
    failureShowsIn: 'status',
    words: { 'over-cap': /answered more than 16 MiB — is this Opsgenie's API/ },
  },
  'grafana-oncall': {
    config: (baseUrl, id) => ({
      kind: 'grafana-oncall',
      id,
      name: `OnCall ${id}`,
      apiUrl: baseUrl,
      timeoutSeconds: 1,
    }),
    // A poll lists each watched state in turn; the faults hit the first.
    path: '/api/v1/alert_groups/?state=new',
    others: {
      '/api/v1/alert_groups/?state=acknowledged': oncallPage([]),
      '/api/v1/alert_groups/?state=silenced': oncallPage([]),
    },
    good: { body: oncallPage([oncallGroup]), openAlerts: 1 },
    wrongTypes: {
      body: oncallPage([{ ...oncallGroup, state: 7 }]),
      words: /results\[0\]\.state/,
    },
    missingFields: {
      body: JSON.stringify({ next: null }),
      words: /\bresults\b/,
    },
    failureShowsIn: 'status',
    words: { 'over-cap': /answered more than 16 MiB — is this the OnCall API URL/ },
  },
  json: {
    config: (baseUrl, id) => ({
      kind: 'json',
      id,
      name: `JSON ${id}`,
      url: `${baseUrl}/alerts`,
      itemsPath: 'alerts',
      fields: { id: 'id', title: 'title' },
      timeoutSeconds: 1,
    }),
    path: '/alerts',
    good: { body: JSON.stringify({ alerts: [{ id: 'a', title: 'Queue stuck' }] }), openAlerts: 1 },
    wrongTypes: {
      body: JSON.stringify({ alerts: { id: 'a' } }),
      words: /alerts is an object, not a list/,
    },
    missingFields: {
      body: JSON.stringify({ alerts: [{ title: 'no id' }] }),
      words: /its only item could not be read — 1 item skipped: no text or number at "id"/,
    },
    failureShowsIn: 'status',
  },
  'http-check': {
    config: (baseUrl, id) => ({
      kind: 'http-check',
      id,
      name: `Check ${id}`,
      url: `${baseUrl}/healthz`,
      expectText: 'ok',
      failuresBeforeAlert: 1,
      timeoutSeconds: 1,
    }),
    path: '/healthz',
    good: { body: 'ok', openAlerts: 0 },
    wrongTypes: { body: '{"healthy": 5}', words: /answered 200 without the expected text "ok"/ },
    missingFields: { body: '{}', words: checkBody },
    failureShowsIn: 'alert',
    words: {
      'malformed-json': checkBody,
      'empty-body': checkBody,
      'html-error-page': /answered HTTP 502 Bad Gateway, expected 200/,
    },
  },
};

/**
 * The case of a kind, or an error saying how to add one.
 * @param kind - a kind in the adapter registry
 */
export function sourceKindCase(kind: string): SourceKindCase {
  const found = SOURCE_KIND_CASES[kind];
  if (found === undefined) {
    throw new Error(
      `the source kind "${kind}" has no case in test/support/source-kind-cases.ts — add one (a minimal config pointing at the test server, the path its poll requests, a well-formed answer and its shape faults) so the polling-policy and fault tests cover it`,
    );
  }
  return found;
}
