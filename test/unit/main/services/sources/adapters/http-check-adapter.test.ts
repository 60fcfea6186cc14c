import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import { pollReport } from '../../../../../../src/main/services/sources/source-adapter';
import { httpCheckAdapter } from '../../../../../../src/main/services/sources/adapters/http-check-adapter';
import type { AdapterContext } from '../../../../../../src/main/services/sources/source-adapter';
import {
  createSourceManager,
  type AlertsChange,
} from '../../../../../../src/main/services/sources/source-manager';
import type { SourceStatus } from '../../../../../../src/shared/domain/source';
import {
  httpCheckSourceSchema,
  type HttpCheckSourceConfig,
} from '../../../../../../src/shared/domain/sources/http-check-source-config';
import { startScriptedServer, type ScriptedServer } from '../scripted-server';

let now = new Date('2026-03-01T02:00:00Z');
const clock: Clock = { now: () => now };
const tick = () => {
  now = new Date(now.getTime() + 30_000);
};

describe('httpCheckAdapter', () => {
  let server: ScriptedServer;
  const notices: string[] = [];
  const context: AdapterContext = {
    clock,
    severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
    secret: async () => undefined,
    notice: (message) => notices.push(message),
  };

  beforeAll(async () => {
    server = await startScriptedServer();
  });
  afterAll(() => server.close());

  let ids = 0;
  function config(extra: Record<string, unknown> = {}): HttpCheckSourceConfig {
    ids += 1;
    return httpCheckSourceSchema.parse({
      kind: 'http-check',
      id: `check-${ids}`,
      name: 'Checkout',
      url: `${server.url}/healthz`,
      failuresBeforeAlert: 2,
      ...extra,
    });
  }
  const run = (c: HttpCheckSourceConfig) => {
    tick();
    return httpCheckAdapter
      .poll(
        c,
        context,
      )(new AbortController().signal)
      .then((result) => pollReport(result).alerts);
  };

  it('fires one alert after N failures in a row, naming the last reason, and none once healthy', async () => {
    const check = config();
    const startedAt = new Date(now.getTime() + 30_000).toISOString();
    server.answer({ status: 503, body: 'down' });
    expect(await run(check)).toEqual([]);
    expect(notices.at(-1)).toBe(
      `check 1 of 2 failed before it alerts: ${server.url}/healthz answered HTTP 503 Service Unavailable, expected 200`,
    );
    server.answer({ status: 500, body: 'worse' });
    expect(await run(check)).toEqual([
      {
        id: `${check.id}:down`,
        sourceId: check.id,
        fingerprint: 'down',
        status: 'firing',
        severity: 'sev2',
        title: 'Checkout is down',
        summary: `${server.url}/healthz answered HTTP 500 Internal Server Error, expected 200`,
        labels: { check: 'Checkout', url: `${server.url}/healthz` },
        annotations: {},
        // The run's first failure, not the latest poll: the alert does not move.
        startsAt: startedAt,
        url: `${server.url}/healthz`,
      },
    ]);
    expect(await run(check)).toHaveLength(1);

    server.answer({ status: 200, body: 'ok' });
    expect(await run(check)).toEqual([]);
    server.answer({ status: 503, body: 'down' });
    expect(await run(check)).toEqual([]); // a new run starts its count again
  });

  it('checks the expected status and text', async () => {
    const check = config({ expectStatus: 204, expectText: 'healthy', failuresBeforeAlert: 1 });
    server.answer({ status: 204 });
    expect((await run(check))[0]?.summary).toBe(
      `${server.url}/healthz answered 204 without the expected text "healthy"`,
    );
    server.answer({ status: 200, body: 'healthy' });
    expect((await run(check))[0]?.summary).toBe(
      `${server.url}/healthz answered HTTP 200 OK, expected 204`,
    );
  });

  it('counts a timeout and a refused connection as failed checks', async () => {
    const check = config({ failuresBeforeAlert: 1, timeoutSeconds: 1 });
    server.answer('hang');
    expect((await run(check))[0]?.summary).toMatch(/^no answer within 1 s from /);
    const closed = await startScriptedServer();
    const gone = closed.url;
    await closed.close();
    expect((await run({ ...check, url: gone }))[0]?.summary).toBe(
      `cannot connect to ${gone}: connection refused — is the checked service running?`,
    );
  });

  it('starts its count again when the settings change', async () => {
    const check = config();
    server.answer({ status: 503 });
    await run(check);
    expect(await run({ ...check, expectStatus: 201 })).toEqual([]);
    expect(await run({ ...check, expectStatus: 201 })).toHaveLength(1);
  });

  it('answers "Test connection" with the reason of one failed check, without counting it', async () => {
    const manager = createSourceManager({
      clock,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: () => {},
      onStatus: () => {},
    });
    const check = config({ failuresBeforeAlert: 2 });
    server.answer({ status: 503 });
    expect(await manager.test(check)).toEqual({
      ok: false,
      error: `the check failed: ${server.url}/healthz answered HTTP 503 Service Unavailable, expected 200`,
    });
    // Had the test counted, this first failed poll would be the second in a row.
    expect(await run(check)).toEqual([]);
    server.answer({ status: 200 });
    expect(await manager.test(check)).toEqual({ ok: true, alerts: [] });
  });

  it('keeps the source healthy while the check fails: the alert is the news', async () => {
    const changes: AlertsChange[] = [];
    const statuses: SourceStatus[] = [];
    const manager = createSourceManager({
      clock,
      random: () => 1,
      severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
      onAlertsChanged: (change) => changes.push(change),
      onStatus: (status) => statuses.push(status),
    });
    const check = config({ failuresBeforeAlert: 1, intervalSeconds: 3600 });
    server.answer({ status: 502 });
    manager.configure([check]);
    try {
      await vi.waitFor(() => expect(manager.alerts()).toHaveLength(1));
      expect(manager.alerts()[0]).toMatchObject({ title: 'Checkout is down', status: 'firing' });
      expect(manager.statuses()[0]).toMatchObject({ health: 'ok', activeAlerts: 1 });

      server.answer({ status: 200 });
      manager.refresh(check.id);
      await vi.waitFor(() => expect(manager.alerts()[0]?.status).toBe('resolved'));
      expect(changes.at(-1)?.resolved.map((a) => a.title)).toEqual(['Checkout is down']);
      expect(statuses.every((s) => s.health !== 'failing')).toBe(true);
    } finally {
      manager.stop();
    }
  });
});
