import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Opsgenie's Alert API (https://docs.opsgenie.com/docs/alert-api), which
// cannot run here: the same paths, headers, bodies and status codes as the published API.

/** An alert as the fake holds it; List Alerts answers these fields. */
export interface FakeOpsgenieAlert {
  id: string;
  tinyId: string;
  message: string;
  status: 'open' | 'closed';
  acknowledged: boolean;
  snoozed: boolean;
  snoozedUntil?: string;
  priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
  tags: string[];
  source: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
  report: { ackTime?: number; acknowledgedBy?: string };
}

/** One request the fake received. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

/** An answer forced onto the next requests, whatever they ask. */
export interface ForcedAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A fake Opsgenie account. */
export interface FakeOpsgenie {
  readonly url: string;
  readonly requests: FakeRequest[];
  /** The API key it accepts (`Authorization: GenieKey <key>`). */
  apiKey: string;
  alerts: FakeOpsgenieAlert[];
  /** Status polls a queued action stays unprocessed for (404) before it is carried out. */
  processAfterPolls: number;
  /** Answer the next requests with these, in turn, before answering normally again. */
  force(...answers: ForcedAnswer[]): void;
  /** Make every action on this alert fail at processing time, with this status text. */
  failActionsOn(alertId: string, status: string): void;
  close(): Promise<void>;
}

const PAGE_LIMIT_MAX = 100;

/** A fake alert, open and unacknowledged unless told otherwise. */
export function opsgenieAlert(
  id: string,
  fields: Partial<FakeOpsgenieAlert> = {},
): FakeOpsgenieAlert {
  return {
    id,
    tinyId: String(Math.abs(hash(id)) % 10_000),
    message: `Alert ${id}`,
    status: 'open',
    acknowledged: false,
    snoozed: false,
    priority: 'P3',
    tags: [],
    source: 'prometheus',
    owner: '',
    createdAt: '2026-03-01T01:30:00.000Z',
    updatedAt: '2026-03-01T01:59:00.000Z',
    report: {},
    ...fields,
  };
}

/** Start a fake Opsgenie on 127.0.0.1. */
export async function startFakeOpsgenie(
  options: { alerts?: FakeOpsgenieAlert[]; apiKey?: string; now?: () => Date } = {},
): Promise<FakeOpsgenie> {
  const now = options.now ?? (() => new Date());
  const forced: ForcedAnswer[] = [];
  const failing = new Map<string, string>();
  const queued = new Map<string, { polls: number; apply: () => { ok: boolean; status: string } }>();
  const processed = new Map<string, { ok: boolean; status: string; action: string }>();

  const send = (res: ServerResponse, status: number, body: unknown, headers = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: unknown) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const next = forced.shift();
    if (next) {
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body);
      return;
    }
    const took = { took: 0.01, requestId: randomUUID() };
    if (req.headers.authorization !== `GenieKey ${fake.apiKey}`) {
      send(res, 401, { message: 'Could not authenticate', ...took });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/v2/alerts') {
      const query = url.searchParams.get('query') ?? '';
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Math.min(Number(url.searchParams.get('limit') ?? 20), PAGE_LIMIT_MAX);
      const matching = fake.alerts.filter(
        (a) => !/status:\s*open/.test(query) || a.status === 'open',
      );
      const page = matching.slice(offset, offset + limit);
      const paging: Record<string, string> = {
        first: `${fake.url}/v2/alerts?offset=0&limit=${limit}`,
      };
      if (offset + limit < matching.length) {
        paging.next = `${fake.url}/v2/alerts?offset=${offset + limit}&limit=${limit}`;
      }
      send(res, 200, { data: page, paging, ...took });
      return;
    }
    const status = /^\/v2\/alerts\/requests\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && status) {
      const id = decodeURIComponent(status[1] ?? '');
      const waiting = queued.get(id);
      if (waiting) {
        if (waiting.polls > 0) {
          waiting.polls--;
        } else {
          queued.delete(id);
          processed.set(id, { ...waiting.apply(), action: 'Acknowledge' });
        }
      }
      const done = processed.get(id);
      if (!done) {
        send(res, 404, { message: 'Request not found. It might not be processed, yet.', ...took });
        return;
      }
      send(res, 200, {
        data: {
          success: done.ok,
          isSuccess: done.ok,
          action: done.action,
          processedAt: now().toISOString(),
          status: done.status,
          alertId: '',
          alias: '',
        },
        ...took,
      });
      return;
    }
    const action = /^\/v2\/alerts\/([^/]+)\/(acknowledge|unacknowledge|snooze|close)$/.exec(
      url.pathname,
    );
    if (req.method === 'POST' && action) {
      const id = decodeURIComponent(action[1] ?? '');
      const verb = action[2] ?? '';
      const fields = (body ?? {}) as { user?: string; endTime?: string };
      if (verb === 'snooze' && !fields.endTime) {
        send(res, 422, { message: 'endTime is required', ...took });
        return;
      }
      queued.set(took.requestId, {
        polls: fake.processAfterPolls,
        apply: () => {
          const alert = fake.alerts.find((a) => a.id === id);
          if (!alert) return { ok: false, status: 'Alert does not exist' };
          const failure = failing.get(id);
          if (failure) return { ok: false, status: failure };
          const at = now();
          alert.updatedAt = at.toISOString();
          if (verb === 'acknowledge') {
            alert.acknowledged = true;
            alert.report = {
              ackTime: at.getTime() - Date.parse(alert.createdAt),
              acknowledgedBy: fields.user ?? 'API',
            };
          } else if (verb === 'unacknowledge') {
            alert.acknowledged = false;
            alert.report = {};
          } else if (verb === 'snooze') {
            alert.snoozed = true;
            alert.snoozedUntil = fields.endTime;
          } else {
            alert.status = 'closed';
          }
          return { ok: true, status: `${verb}d` };
        },
      });
      send(res, 202, { result: 'Request will be processed', ...took });
      return;
    }
    send(res, 404, { message: 'Not found', ...took });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        send(res, 400, { message: 'Invalid JSON' });
        return;
      }
      const url = new URL(req.url ?? '/', 'http://fake');
      fake.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        authorization: req.headers.authorization,
        body,
      });
      handle(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOpsgenie = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    apiKey: options.apiKey ?? 'genie-key-00000000-0000-0000-0000-000000000000',
    alerts: options.alerts ?? [],
    processAfterPolls: 1,
    force: (...answers) => forced.push(...answers),
    failActionsOn: (id, status) => failing.set(id, status),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
