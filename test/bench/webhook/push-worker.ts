// Worker side of the webhook bench case: owns a source manager, the webhook receiver and a bare
// HTTP server, and runs one timed job per message, then wakes the blocked main thread.
import { readFileSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { workerData } from 'node:worker_threads';
import { systemClock } from '../../../src/main/services/clock/clock';
import { createSourceManager } from '../../../src/main/services/sources/source-manager';
import { createWebhookService } from '../../../src/main/services/webhook/webhook-service';
import { webhookTokenKey } from '../../../src/main/services/webhook/webhook-token';
import { defaultSettings, type Settings } from '../../../src/shared/domain/settings';
import { alertmanagerSourceSchema } from '../../../src/shared/domain/source';
import { memorySecretStore } from '../../support/memory-secret-store';
import { serveJobs } from '../serve-jobs';
import type { PushJob } from './push-jobs';

const { signal } = workerData as { signal: SharedArrayBuffer };
const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstuv';

async function listen(server: ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

// The polled Alertmanager: it answers one poll at the start; the next is an hour away.
const amPort = await listen(
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('[]');
  }),
);
// The floor: a bare server that reads the body and answers, as any receiver must at least.
const floorPort = await listen(
  createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok\n');
    });
  }),
);

const config = alertmanagerSourceSchema.parse({
  kind: 'alertmanager',
  id: 'bench',
  name: 'Bench',
  url: `http://127.0.0.1:${amPort}`,
  intervalSeconds: 3600,
  push: true,
});
const webhookPort = await (async () => {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
})();
const settings: Settings = {
  ...defaultSettings(),
  sources: [config],
  webhook: { port: webhookPort },
};
const published = new Set<string>();
const manager = createSourceManager({
  clock: systemClock,
  severity: () => ({ severityScale: 'sev1-4', severityWords: {} }),
  onAlertsChanged: (change) => {
    for (const alert of change.added) published.add(alert.id);
  },
  onStatus: () => {},
});
const secrets = memorySecretStore();
await secrets.set(webhookTokenKey('bench'), TOKEN);
const webhooks = createWebhookService({
  settings: () => settings,
  secrets,
  sources: manager,
  log: () => {},
});
manager.configure([config]);
await webhooks.configure();
while (manager.statuses()[0]?.health !== 'ok') await new Promise((r) => setTimeout(r, 10));

// Alertmanager 0.25's own notification (test/fixtures), one new alert per push.
const fixture = readFileSync(
  new URL('../../fixtures/alertmanager/webhook-firing-0.25.json', import.meta.url),
  'utf8',
);
const payload = (fingerprint: string) =>
  fixture.replace(/"fingerprint": "[0-9a-f]+"/, `"fingerprint": "${fingerprint}"`);

// One kept-alive connection per side, as Alertmanager keeps its connection to a receiver.
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const post = (port: number, body: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/alertmanager/bench',
        agent,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });

let pushes = 0;
const jobs: Record<PushJob, () => Promise<unknown>> = {
  // The receiver answers after the alert was published, so the round trip covers it.
  push: async () => {
    pushes += 1;
    const fingerprint = pushes.toString(16).padStart(16, '0');
    const status = await post(webhookPort, payload(fingerprint));
    if (status !== 200 || !published.has(`bench:${fingerprint}`)) {
      throw new Error(
        `push ${fingerprint}: HTTP ${status}, published: ${published.has(`bench:${fingerprint}`)}`,
      );
    }
  },
  'raw-post': async () => {
    const status = await post(floorPort, payload('ffffffffffffffff'));
    if (status !== 200) throw new Error(`bare POST: HTTP ${status}`);
  },
};

serveJobs(signal, jobs);
