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
  /** The path (and query) its poll requests. */
  readonly path: string;
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
