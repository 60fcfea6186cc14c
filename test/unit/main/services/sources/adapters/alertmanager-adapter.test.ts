import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../../../../src/main/services/clock/clock';
import type { SeverityMapping } from '../../../../../../src/main/services/sources/alertmanager-normalise';
import { alertmanagerAdapter } from '../../../../../../src/main/services/sources/adapters/alertmanager-adapter';
import {
  pollReport,
  type PollReport,
} from '../../../../../../src/main/services/sources/source-adapter';
import type { Alert } from '../../../../../../src/shared/domain/alert';
import { alertmanagerSourceSchema } from '../../../../../../src/shared/domain/source';
import { alertmanagerFixture } from '../fixtures';
import { startScriptedServer, type ScriptedServer } from '../scripted-server';

const clock: Clock = { now: () => new Date('2026-03-01T02:00:00Z') };

describe('alertmanagerAdapter.poll', () => {
  let server: ScriptedServer;
  let severity: SeverityMapping;
  let poll: (signal: AbortSignal) => Promise<Alert[] | PollReport>;

  beforeAll(async () => {
    server = await startScriptedServer();
    const config = alertmanagerSourceSchema.parse({
      kind: 'alertmanager',
      id: 'staging',
      name: 'Staging',
      url: server.url,
    });
    severity = { severityScale: 'p1-p4', severityWords: {} };
    poll = alertmanagerAdapter.poll(config, {
      clock,
      severity: () => severity,
      secret: async () => undefined,
    });
  });
  afterAll(() => server.close());

  const run = async () => pollReport(await poll(new AbortController().signal)).alerts;

  it("returns the source's alerts, normalised, in the severity vocabulary of the moment", async () => {
    server.answer({ body: alertmanagerFixture('alerts.json') });
    const payments = { id: 'staging:7b1c2d3e4f5a6b7c', severityLabel: 'P1' };
    expect(await run()).toContainEqual(expect.objectContaining({ ...payments, severity: 'sev1' }));

    severity = { severityScale: 'p0-p3', severityWords: {} };
    expect(await run()).toContainEqual(expect.objectContaining({ ...payments, severity: 'sev2' }));
  });

  it('declares what can be done from the app: all of it through silences', () => {
    const config = alertmanagerSourceSchema.parse({
      kind: 'alertmanager',
      id: 'staging',
      name: 'Staging',
      url: server.url,
    });
    expect(alertmanagerAdapter.actions(config)).toEqual([
      'acknowledge',
      'unacknowledge',
      'extend',
      'silence',
    ]);
    expect(alertmanagerAdapter.act).toBeDefined();
  });

  it('names the URL that answered an HTML page', async () => {
    server.answer({
      headers: { 'content-type': 'text/html' },
      body: alertmanagerFixture('login-page.html'),
    });
    await expect(run()).rejects.toThrow(
      `${server.url} answered HTML, not JSON — is this URL an Alertmanager?`,
    );
  });

  it('names the URL that answered JSON of the wrong shape, and where', async () => {
    server.answer({ body: alertmanagerFixture('labels-not-an-object.json') });
    await expect(run()).rejects.toThrow(
      `${server.url} answered JSON of the wrong shape: [0].labels: expected object, got string`,
    );
  });
});
