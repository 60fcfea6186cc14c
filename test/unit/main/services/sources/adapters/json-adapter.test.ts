import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import { pollReport } from '../../../../../../src/main/services/sources/source-adapter';
import { jsonAdapter } from '../../../../../../src/main/services/sources/adapters/json-adapter';
import type { AdapterContext } from '../../../../../../src/main/services/sources/source-adapter';
import {
  jsonSourceSchema,
  type JsonSourceConfig,
} from '../../../../../../src/shared/domain/sources/json-source-config';
import { startScriptedServer, type ScriptedServer } from '../scripted-server';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };

const answer = {
  data: {
    alerts: [
      {
        key: 'db-1',
        summary: 'Database down',
        level: 'critical',
        state: 'open',
        link: 'https://s/db-1',
        at: 1772326800,
      },
      { key: 'disk', summary: 'Disk full', level: 'P7', state: 'done', at: '2026-03-01T01:00:00Z' },
    ],
  },
};

describe('jsonAdapter', () => {
  let server: ScriptedServer;
  let notices: string[];
  let token: string | undefined;

  const context: AdapterContext = {
    clock,
    severity: () => ({ severityScale: 'p1-p4', severityWords: {} }),
    secret: async () => token,
    notice: (message) => notices.push(message),
  };

  function config(extra: Record<string, unknown> = {}): JsonSourceConfig {
    return jsonSourceSchema.parse({
      kind: 'json',
      id: 'status',
      name: 'Status page',
      url: `${server.url}/api/alerts`,
      itemsPath: 'data.alerts',
      fields: {
        id: 'key',
        title: 'summary',
        severity: 'level',
        status: 'state',
        time: 'at',
        link: 'link',
      },
      resolvedValues: ['done'],
      ...extra,
    });
  }

  const poll = (extra: Record<string, unknown> = {}) =>
    jsonAdapter
      .poll(
        config(extra),
        context,
      )(new AbortController().signal)
      .then((result) => pollReport(result).alerts);
  const preview = (extra: Record<string, unknown> = {}) =>
    jsonAdapter.preview!(config(extra), context)(new AbortController().signal);

  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  it('maps the items at the list path onto alerts', async () => {
    notices = [];
    server.answer({ body: JSON.stringify(answer) });
    const alerts = await poll();
    expect(alerts.map((a) => [a.id, a.title, a.severity, a.status, a.url])).toEqual([
      ['status:db-1', 'Database down', 'sev1', 'firing', 'https://s/db-1'],
      ['status:disk', 'Disk full', 'sev3', 'resolved', undefined],
    ]);
    expect(alerts[1]).toMatchObject({ severityLabel: 'P7', severityUnmapped: true });
    expect(server.requests.at(-1)).toBe('/api/alerts');
  });

  it('keeps the start of an item without a time across polls, so nothing changes', async () => {
    server.answer({ body: JSON.stringify([{ key: 'timeless', summary: 'No time' }]) });
    const first = await poll({ itemsPath: undefined });
    const later = pollReport(
      await jsonAdapter.poll(config({ itemsPath: undefined }), {
        ...context,
        clock: { now: () => new Date('2026-03-01T03:00:00Z') },
      })(new AbortController().signal),
    ).alerts;
    expect(first[0]?.startsAt).toBe('2026-03-01T02:00:00.000Z');
    expect(later[0]?.startsAt).toBe(first[0]?.startsAt);
  });

  it('sends the stored token as a bearer token, and says when none is stored', async () => {
    let seen: string | undefined;
    server.answer((req) => {
      seen = req.headers.authorization;
      return { body: JSON.stringify(answer) };
    });
    token = 's3cret-token';
    await poll({ auth: 'bearer' });
    expect(seen).toBe('Bearer s3cret-token');

    token = undefined;
    await expect(poll({ auth: 'bearer' })).rejects.toThrow(
      'no token is stored for Status page — enter one in Settings, or set its authentication to none',
    );
  });

  it('names the URL and the keys that are there when the list path is not', async () => {
    server.answer({ body: JSON.stringify({ items: [], total: 0 }) });
    await expect(poll()).rejects.toThrow(
      `${server.url}/api/alerts: data.alerts is not in the answer; its top-level keys are: items, total`,
    );
  });

  it('keeps the readable items, notes the skipped ones, and fails only when none is readable', async () => {
    notices = [];
    const items = [...answer.data.alerts, { summary: 'no key' }];
    server.answer({ body: JSON.stringify({ data: { alerts: items } }) });
    expect(await poll()).toHaveLength(2);
    expect(notices).toEqual([
      '1 item skipped: no text or number at "key" (the id field) — is the id field right?',
    ]);

    await expect(poll({ fields: { id: 'nope', title: 'summary' } })).rejects.toThrow(
      `${server.url}/api/alerts: none of its 3 items could be read — 3 items skipped: no text or number at "nope"`,
    );
  });

  it('says an HTML page is not JSON', async () => {
    server.answer({ body: '<html><body>Sign in</body></html>' });
    await expect(poll()).rejects.toThrow(
      `${server.url}/api/alerts answered HTML, not JSON — is this URL a JSON endpoint?`,
    );
  });

  it('treats a changed mapping as a new peer, and a new name as the same one', () => {
    const a = config();
    expect(jsonAdapter.samePeer(a, config({ name: 'Renamed', intervalSeconds: 60 }))).toBe(true);
    expect(jsonAdapter.samePeer(a, config({ itemsPath: 'alerts' }))).toBe(false);
    expect(jsonAdapter.samePeer(a, config({ fields: { id: 'key', title: 'name' } }))).toBe(false);
  });

  describe('preview', () => {
    it('shows the first raw item, the first alerts and what was skipped', async () => {
      const items = [...answer.data.alerts, { summary: 'no key' }];
      server.answer({ body: JSON.stringify({ data: { alerts: items } }) });
      const shown = await preview();
      expect(shown).toMatchObject({
        ok: true,
        items: 3,
        count: 2,
        issues: [
          '1 item skipped: no text or number at "key" (the id field) — is the id field right?',
        ],
      });
      expect(shown.raw).toContain('"summary": "Database down"');
      expect(shown.ok && shown.alerts.map((a) => a.title)).toEqual(['Database down', 'Disk full']);
    });

    it('shows the start of the answer when the list path is wrong, to find the right one', async () => {
      server.answer({ body: JSON.stringify({ result: { rows: [{ id: 1 }] } }) });
      const shown = await preview({ itemsPath: 'rows' });
      expect(shown).toEqual({
        ok: false,
        error: 'rows is not in the answer; its top-level keys are: result',
        raw: expect.stringContaining('"rows": ['),
      });
    });

    it('cuts a huge item', async () => {
      server.answer({ body: JSON.stringify([{ key: 'big', summary: 'x'.repeat(100_000) }]) });
      const shown = await preview({ itemsPath: undefined });
      expect(shown.ok && shown.raw.length).toBe(4001);
      expect(shown.ok && shown.raw.endsWith('…')).toBe(true);
    });

    it('says why the request failed', async () => {
      server.answer({ status: 401, body: 'no' });
      expect(await preview()).toEqual({
        ok: false,
        error: `${server.url}/api/alerts answered HTTP 401 Unauthorized — the token was rejected or is missing; check the credential`,
      });
    });
  });
});
