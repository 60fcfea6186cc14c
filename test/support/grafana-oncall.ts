import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for Grafana OnCall's public API (the same as Grafana IRM's), which cannot run
// here: https://grafana.com/docs/oncall/latest/oncall-api-reference/alertgroups/ — the same
// paths, `Authorization: <token>`, Django REST framework errors (`{ "detail": … }`) and
// page-number pagination with absolute `next` links.

/** An alert group as the fake holds it. */
export interface FakeAlertGroup {
  id: string;
  title: string;
  state: 'new' | 'acknowledged' | 'resolved' | 'silenced';
  created_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  resolved_at: string | null;
  silenced_at: string | null;
  alerts_count: number;
  labels: { key: { id: string; name: string }; value: { id: string; name: string } }[];
  permalinks: Record<string, string | null>;
  /** Not in the API: until when a silence lasts, so a test can read the delay sent. */
  silencedForSeconds?: number;
}

/** One request the fake received. */
export interface FakeOncallRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

/** An answer forced onto the next request, whatever it asks. */
export interface ForcedOncallAnswer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

/** A fake OnCall. */
export interface FakeOncall {
  /** The API URL (what OnCall → Settings → Admin & API shows), under `/oncall`. */
  readonly apiUrl: string;
  readonly requests: FakeOncallRequest[];
  token: string;
  groups: FakeAlertGroup[];
  /** Groups per page. */
  pageSize: number;
  /** Answer the next requests with these, in turn. */
  force(...answers: ForcedOncallAnswer[]): void;
  close(): Promise<void>;
}

/** A fake alert group, new unless told otherwise. */
export function alertGroup(id: string, fields: Partial<FakeAlertGroup> = {}): FakeAlertGroup {
  return {
    id,
    title: `Group ${id}`,
    state: 'new',
    created_at: '2026-03-01T01:30:00.123456Z',
    acknowledged_at: null,
    acknowledged_by: null,
    resolved_at: null,
    silenced_at: null,
    alerts_count: 1,
    labels: [],
    permalinks: { slack: null, telegram: null, web: `https://grafana.example/a/${id}` },
    ...fields,
  };
}

/** A group label as the API writes it. */
export const groupLabel = (name: string, value: string) => ({
  key: { id: name, name },
  value: { id: value, name: value },
});

/** Start a fake OnCall on 127.0.0.1. */
export async function startFakeOncall(
  options: { token?: string; now?: () => Date } = {},
): Promise<FakeOncall> {
  const now = options.now ?? (() => new Date());
  const forced: ForcedOncallAnswer[] = [];
  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const refuse = (res: ServerResponse, detail: string) => send(res, 400, { detail });

  const handle = (req: IncomingMessage, res: ServerResponse, url: URL, body: unknown) => {
    const next = forced.shift();
    if (next) {
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.body);
      return;
    }
    if (req.headers.authorization !== fake.token) {
      send(res, 401, { detail: 'Invalid token.' });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/oncall/api/v1/alert_groups/') {
      const state = url.searchParams.get('state');
      const page = Number(url.searchParams.get('page') ?? '1');
      const matching = fake.groups.filter((g) => state === null || g.state === state);
      const results = matching.slice((page - 1) * fake.pageSize, page * fake.pageSize);
      const more = page * fake.pageSize < matching.length;
      const link = (p: number) =>
        `${fake.apiUrl}/api/v1/alert_groups/?page=${p}${state ? `&state=${state}` : ''}`;
      send(res, 200, {
        count: matching.length,
        next: more ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        results,
        current_page_number: page,
        page_size: fake.pageSize,
        total_pages: Math.max(1, Math.ceil(matching.length / fake.pageSize)),
      });
      return;
    }
    const action =
      /^\/oncall\/api\/v1\/alert_groups\/([^/]+)\/(acknowledge|unacknowledge|resolve|unresolve|silence|unsilence)$/.exec(
        url.pathname,
      );
    if (req.method === 'POST' && action) {
      const group = fake.groups.find((g) => g.id === decodeURIComponent(action[1] ?? ''));
      if (!group) {
        send(res, 404, { detail: 'Not found.' });
        return;
      }
      const at = now().toISOString();
      switch (action[2]) {
        case 'acknowledge':
          if (group.state === 'acknowledged')
            return refuse(res, "Can't acknowledge an acknowledged alert group");
          if (group.state === 'resolved')
            return refuse(res, "Can't acknowledge a resolved alert group");
          Object.assign(group, {
            state: 'acknowledged',
            acknowledged_at: at,
            acknowledged_by: 'U4DNY931HHJS5',
          });
          break;
        case 'unacknowledge':
          if (group.state !== 'acknowledged')
            return refuse(res, "Can't unacknowledge an unacknowledged alert group");
          Object.assign(group, { state: 'new', acknowledged_at: null, acknowledged_by: null });
          break;
        case 'resolve':
          if (group.state === 'resolved') return refuse(res, 'Alert group is already resolved');
          Object.assign(group, { state: 'resolved', resolved_at: at });
          break;
        case 'silence': {
          const delay = (body as { delay?: unknown } | undefined)?.delay;
          if (typeof delay !== 'number' || !Number.isInteger(delay)) {
            return refuse(res, 'delay is required');
          }
          Object.assign(group, { state: 'silenced', silenced_at: at, silencedForSeconds: delay });
          break;
        }
        default:
          return refuse(res, 'not supported by this fake');
      }
      send(res, 200);
      return;
    }
    send(res, 404, { detail: 'Not found.' });
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
        send(res, 400, { detail: 'JSON parse error' });
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
      handle(req, res, url, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeOncall = {
    apiUrl: `http://127.0.0.1:${port}/oncall`,
    requests: [],
    token: options.token ?? 'oncall-token-0000',
    groups: [],
    pageSize: 50,
    force: (...answers) => forced.push(...answers),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
