import { describe, expect, it } from 'vitest';
import {
  SOURCE_KINDS,
  sourceDefaults,
  DEFAULT_ALERTMANAGER_URL,
  alertmanagerSourceSchema,
  defaultSource,
  sourceConfigSchema,
  sourceStatusSchema,
} from '../../../../src/shared/domain/source';

/** The `url` of a source of any kind (only some kinds have one). */
const urlOf = (source: unknown) => (source as { url?: string } | undefined)?.url;

function source(extra: Record<string, unknown> = {}) {
  return { kind: 'alertmanager', id: 'prod', name: 'Production', url: 'http://am:9093', ...extra };
}

function messages(input: unknown): string[] {
  const result = sourceConfigSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('alertmanager source settings', () => {
  it('fills in interval, timeout, enabled, acknowledgement length and push when left out', () => {
    expect(sourceConfigSchema.parse(source())).toEqual({
      kind: 'alertmanager',
      id: 'prod',
      name: 'Production',
      url: 'http://am:9093',
      intervalSeconds: 15,
      timeoutSeconds: 10,
      enabled: true,
      severityWords: {},
      peerUrls: [],
      ackMinutes: 60,
      push: false,
      auth: 'none',
    });
  });

  it.each([
    ['http://am:9093/', 'http://am:9093'],
    ['https://am.example.com///', 'https://am.example.com'],
    ['http://am:9093/prefix/', 'http://am:9093/prefix'],
    ['https://am.example.com', 'https://am.example.com'],
  ])('trims trailing slashes: %s → %s', (url, expected) => {
    expect(urlOf(sourceConfigSchema.parse(source({ url })))).toBe(expected);
  });

  it.each([
    'ftp://am:9093',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ws://am:9093',
    'am:9093',
    'localhost:9093',
    '/api/v2',
    'https://',
    '',
  ])('refuses %j with a message saying it must be http(s)', (url) => {
    expect(messages(source({ url }))).toEqual(['url: must be an http:// or https:// URL']);
  });

  it.each([2, 15, 3600])('accepts an interval of %i seconds', (intervalSeconds) => {
    expect(sourceConfigSchema.parse(source({ intervalSeconds })).intervalSeconds).toBe(
      intervalSeconds,
    );
  });

  it.each([1, 0, -5, 3601, 2.5, '15'])('refuses an interval of %j seconds', (intervalSeconds) => {
    const issues = messages(source({ intervalSeconds }));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^intervalSeconds: /);
  });

  it.each([1, 120])('accepts a timeout of %i seconds', (timeoutSeconds) => {
    expect(sourceConfigSchema.parse(source({ timeoutSeconds })).timeoutSeconds).toBe(
      timeoutSeconds,
    );
  });

  it.each([0, 121, 1.5])('refuses a timeout of %j seconds', (timeoutSeconds) => {
    expect(messages(source({ timeoutSeconds }))[0]).toMatch(/^timeoutSeconds: /);
  });

  it.each(['prod', 'eu-west_1', 'A'.repeat(64)])('accepts the id %j', (id) => {
    expect(sourceConfigSchema.safeParse(source({ id })).success).toBe(true);
  });

  it.each(['', 'has space', 'a:b', 'a/b', 'A'.repeat(65)])(
    'refuses the id %j, which would break `<sourceId>:<fingerprint>` alert ids',
    (id) => {
      expect(messages(source({ id }))).toEqual(['id: use 1–64 letters, digits, "-" or "_"']);
    },
  );

  it.each(['http://admin:secret@am.example:9093', 'https://token@am.example'])(
    'refuses %s, so no password ends up in the plain settings file',
    (url) => {
      expect(messages(source({ url }))).toEqual([
        'url: must not contain a user name or password; credentials are kept in the secret store',
      ]);
    },
  );

  it('refuses an empty name and a source of an unknown kind', () => {
    expect(messages(source({ name: '' }))[0]).toMatch(/^name: /);
    expect(sourceConfigSchema.safeParse(source({ kind: 'nagios' })).success).toBe(false);
    expect(alertmanagerSourceSchema.safeParse(source({ kind: 'nagios' })).success).toBe(false);
  });
});

describe('defaultSource', () => {
  it('watches Alertmanager on its own default address', () => {
    const fallback = defaultSource();
    expect(fallback.url).toBe(DEFAULT_ALERTMANAGER_URL);
    expect(DEFAULT_ALERTMANAGER_URL).toBe('http://127.0.0.1:9093');
    expect(fallback.enabled).toBe(true);
  });

  it('is itself valid settings, unchanged by parsing', () => {
    expect(sourceConfigSchema.parse(defaultSource())).toEqual(defaultSource());
  });

  it('hands out a fresh object each time', () => {
    const first = defaultSource();
    first.url = 'http://changed:1';
    expect(defaultSource().url).toBe(DEFAULT_ALERTMANAGER_URL);
  });
});

describe('sourceStatusSchema', () => {
  const status = {
    sourceId: 'prod',
    name: 'Production',
    kind: 'alertmanager',
    url: 'http://am:9093',
    isDefault: false,
    health: 'failing',
    reason: 'connection refused',
    failingSince: '2025-03-04T05:00:00.000Z',
    failures: 3,
    activeAlerts: 0,
  };

  it('accepts a complete status', () => {
    expect(sourceStatusSchema.safeParse(status).success).toBe(true);
  });

  it('refuses an unknown health, negative counts and times that are not ISO instants', () => {
    expect(sourceStatusSchema.safeParse({ ...status, health: 'meh' }).success).toBe(false);
    expect(sourceStatusSchema.safeParse({ ...status, failures: -1 }).success).toBe(false);
    expect(sourceStatusSchema.safeParse({ ...status, activeAlerts: 1.5 }).success).toBe(false);
    expect(sourceStatusSchema.safeParse({ ...status, failingSince: 'yesterday' }).success).toBe(
      false,
    );
  });
});

describe('sourceDefaults', () => {
  it.each(SOURCE_KINDS)('gives a new %s source every default its schema has', (kind) => {
    const defaults = sourceDefaults(kind);
    expect(defaults.kind).toBe(kind);
    expect(defaults).toMatchObject({ enabled: true, severityWords: {} });
    expect(typeof defaults.intervalSeconds).toBe('number');
  });

  it('fills in what a PagerDuty source may leave out, though its schema checks scope against ids', () => {
    expect(sourceDefaults('pagerduty')).toMatchObject({
      apiUrl: 'https://api.pagerduty.com',
      scope: 'me',
      teamIds: [],
      intervalSeconds: 30,
    });
  });
});
