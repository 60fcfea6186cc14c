import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_JSON_LABEL_LENGTH,
  MAX_JSON_LABELS,
  extractJsonAlerts,
  valueAtPath,
  type JsonExtractOptions,
} from '../../../../src/shared/domain/json-extract';

const NOW = '2026-03-01T02:00:00.000Z';

function options(extra: Partial<JsonExtractOptions> = {}): JsonExtractOptions {
  return {
    sourceId: 'status',
    severityScale: 'p1-p4',
    severityWords: {},
    now: NOW,
    itemsPath: 'data.alerts',
    fields: {
      id: 'id',
      title: 'name',
      severity: 'labels.severity',
      status: 'state',
      time: 'since',
      link: 'url',
    },
    resolvedValues: ['resolved', 'ok', 'closed'],
    ...extra,
  };
}

const body = {
  data: {
    alerts: [
      {
        id: 'db-1',
        name: 'Database down',
        labels: { severity: 'P1' },
        state: 'firing',
        since: '2026-03-01T01:30:00Z',
        url: 'https://status.example/db-1',
        team: 'payments',
        replicas: 3,
        paged: true,
      },
      { id: 42, name: 'Disk full', labels: { severity: 'loud' }, state: 'OK', since: 1772326800 },
    ],
  },
};

function extracted(input: unknown, extra: Partial<JsonExtractOptions> = {}) {
  const result = extractJsonAlerts(input, options(extra));
  if (!result.ok) throw new Error(`expected alerts, got: ${result.error}`);
  return result;
}

function refused(input: unknown, extra: Partial<JsonExtractOptions> = {}): string {
  const result = extractJsonAlerts(input, options(extra));
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('valueAtPath', () => {
  it('follows object keys and list positions', () => {
    expect(valueAtPath({ a: [{ b: 'x' }] }, 'a.0.b')).toBe('x');
    expect(valueAtPath([1, 2], undefined)).toEqual([1, 2]);
  });

  it('never follows inherited keys', () => {
    expect(valueAtPath({}, 'constructor')).toBeUndefined();
    expect(valueAtPath({ a: 'text' }, 'a.length')).toBeUndefined();
    expect(valueAtPath({ a: [1] }, 'a.length')).toBeUndefined();
  });
});

describe('extractJsonAlerts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('maps each item onto an alert through the fields', () => {
    const { alerts, issues } = extracted(body);
    expect(issues).toEqual([]);
    expect(alerts[0]).toEqual({
      id: 'status:db-1',
      sourceId: 'status',
      fingerprint: 'db-1',
      status: 'firing',
      severity: 'sev1',
      severityLabel: 'P1',
      title: 'Database down',
      labels: {
        id: 'db-1',
        name: 'Database down',
        state: 'firing',
        since: '2026-03-01T01:30:00Z',
        url: 'https://status.example/db-1',
        team: 'payments',
        replicas: '3',
        paged: 'true',
      },
      annotations: {},
      startsAt: '2026-03-01T01:30:00.000Z',
      url: 'https://status.example/db-1',
    });
  });

  it('reads a number id, a resolved word in any case, a time in seconds, and flags an unknown severity word', () => {
    const disk = extracted(body).alerts[1];
    expect(disk).toMatchObject({
      id: 'status:42',
      status: 'resolved',
      startsAt: '2026-03-01T01:00:00.000Z',
      severity: 'sev3',
      severityLabel: 'loud',
      severityUnmapped: true,
    });
  });

  it("maps a severity word through the source's own words", () => {
    const disk = extracted(body, { severityWords: { loud: 'sev2' } }).alerts[1];
    expect(disk).toMatchObject({ severity: 'sev2', severityLabel: 'loud' });
    expect(disk).not.toHaveProperty('severityUnmapped');
  });

  it('reads the body itself as the list when no list path is set', () => {
    const { alerts } = extracted(body.data.alerts, { itemsPath: undefined });
    expect(alerts.map((a) => a.title)).toEqual(['Database down', 'Disk full']);
  });

  it('skips items without an id and says how many, keeping the others', () => {
    const result = extracted({
      data: { alerts: [{ name: 'a' }, { id: {}, name: 'b' }, ...body.data.alerts] },
    });
    expect(result.alerts).toHaveLength(2);
    expect(result.issues).toEqual([
      '2 items skipped: no text or number at "id" (the id field) — is the id field right?',
    ]);
  });

  it('keeps the first of two items with the same id and says so', () => {
    const twice = [body.data.alerts[0], { ...body.data.alerts[0], name: 'again' }];
    const result = extracted({ data: { alerts: twice } });
    expect(result.alerts.map((a) => a.title)).toEqual(['Database down']);
    expect(result.issues).toEqual([
      '1 item skipped: the same "id" as an earlier item (the first is kept) — is the id field unique?',
    ]);
  });

  it('starts an item without a readable time when it was first seen, and says so', () => {
    const items = [{ id: 'a', since: 'yesterday' }, { id: 'b' }, { id: 'c', since: 'not a date' }];
    const result = extracted(
      { data: { alerts: items } },
      { firstSeen: (id) => (id === 'a' ? '2026-02-28T00:00:00.000Z' : undefined) },
    );
    expect(result.alerts.map((a) => a.startsAt)).toEqual(['2026-02-28T00:00:00.000Z', NOW, NOW]);
    expect(result.issues).toEqual([
      '1 item without "since": shown as starting when first seen — is the time field right?',
      '2 items with a "since" that is not a date or a number of seconds: shown as starting when first seen',
    ]);
  });

  it('reads a date and time without a zone as UTC, whatever the machine is set to', () => {
    // A zone west of UTC, so reading in the machine's zone would give other instants.
    vi.stubEnv('TZ', 'America/New_York');
    const items = [
      { id: 'a', since: '2026-03-01 01:30:00' },
      { id: 'b', since: '2026-03-01T01:30' },
      { id: 'c', since: '2026-03-01T01:30:00+02:00' },
      { id: 'd', since: '1772328600000' },
    ];
    expect(extracted({ data: { alerts: items } }).alerts.map((a) => a.startsAt)).toEqual([
      '2026-03-01T01:30:00.000Z',
      '2026-03-01T01:30:00.000Z',
      '2026-02-28T23:30:00.000Z',
      '2026-03-01T01:30:00.000Z',
    ]);
  });

  it('keeps only http(s) links', () => {
    const items = [
      { id: 'a', url: 'javascript:alert(1)' },
      { id: 'b', url: 'file:///etc/passwd' },
      { id: 'c', url: 'http://ok.example/c' },
    ];
    const result = extracted({ data: { alerts: items } });
    expect(result.alerts.map((a) => a.url)).toEqual([undefined, undefined, 'http://ok.example/c']);
    expect(result.issues).toContain(
      '2 items with a "url" that is not an http(s) URL: no link shown',
    );
  });

  it('falls back to the id when an item has no title', () => {
    expect(extracted({ data: { alerts: [{ id: 'x1' }] } }).alerts[0]?.title).toBe('x1');
  });

  it('bounds the labels in count and length', () => {
    const item: Record<string, unknown> = { id: 'wide', long: 'y'.repeat(5000) };
    for (let i = 0; i < 100; i += 1) item[`k${i}`] = i;
    const [alert] = extracted({ data: { alerts: [item] } }).alerts;
    expect(Object.keys(alert?.labels ?? {})).toHaveLength(MAX_JSON_LABELS);
    expect(alert?.labels.long).toHaveLength(MAX_JSON_LABEL_LENGTH);
    expect(alert?.labels.long?.endsWith('…')).toBe(true);
  });

  it('names the top-level keys when the list path is not in the answer', () => {
    expect(refused({ items: [], total: 0 })).toBe(
      'data.alerts is not in the answer; its top-level keys are: items, total',
    );
  });

  it('names the keys of the deepest part that exists', () => {
    expect(refused({ data: { alert: [], page: 1 } })).toBe(
      'data.alerts is not in the answer; data has: alert, page',
    );
  });

  it('says what the list path points at when it is not a list', () => {
    expect(refused({ data: { alerts: { a: 1 } } })).toBe(
      'data.alerts is an object, not a list — point the list path at the list of alerts; its keys are: a',
    );
  });

  it('says the answer is not a list when there is no list path', () => {
    expect(refused({ results: [] }, { itemsPath: undefined })).toBe(
      'the answer is an object, not a list — set the list path to where the alerts are; its top-level keys are: results',
    );
  });

  it('says what the answer is when it has no keys at all', () => {
    expect(refused('just text')).toBe('data.alerts is not in the answer (the answer is text)');
  });
});
