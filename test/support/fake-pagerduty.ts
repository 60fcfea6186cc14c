import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for PagerDuty's REST API v2, answering as its published OpenAPI document
// (test/fixtures/specs/pagerduty-rest-openapi-v3.json) says: Token auth, GET /users/me,
// GET /incidents with its filters and offset pagination, PUT /incidents (bulk status update)
// and POST /incidents/{id}/snooze, both refusing a request without a valid `From` user, and
// errors as `{ error: { message, code, errors } }`. Every body it serves is recorded in
// `served`, so a test can check each against the spec.

/** A PagerDuty user and the personal API token that acts as them. */
export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly token: string;
}

/** What a test says about an incident; the fake fills in the rest as PagerDuty would. */
export interface FakeIncidentInit {
  readonly id: string;
  readonly title: string;
  readonly status?: 'triggered' | 'acknowledged';
  readonly urgency?: 'high' | 'low';
  /** A priority name (P1…P5), or none. */
  readonly priority?: string;
  readonly serviceId?: string;
  readonly teamIds?: readonly string[];
  /** Users it is assigned to (ids). */
  readonly assignedTo?: readonly string[];
  readonly createdAt?: string;
}

/** One answer the fake gave, with the route as the spec names it. */
export interface Served {
  readonly method: string;
  /** The path template: `/incidents/{id}/snooze`. */
  readonly route: string;
  readonly status: number;
  /** The parsed JSON body, or undefined for a non-JSON one. */
  readonly body: unknown;
}

/** A request the fake received. */
export interface Received {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/** An answer forced on the next requests: a rate limit, an outage. */
export interface ForcedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  /** A body as sent; PagerDuty's error JSON for the status when left out. */
  readonly body?: string;
  /** Only requests to this route (`/incidents/{id}/snooze`); any request when left out. */
  readonly route?: string;
}

/** The running fake. */
export interface FakePagerduty {
  readonly url: string;
  readonly requests: Received[];
  readonly served: Served[];
  /** Raw incidents as the API would return them. */
  incident(id: string): Record<string, unknown> | undefined;
  addIncident(init: FakeIncidentInit): void;
  /** The next `times` requests get this answer instead of the real one. */
  failNext(answer: ForcedAnswer, times?: number): void;
  close(): Promise<void>;
}

/** Services of the fake account: id → name. */
export const FAKE_SERVICES: Readonly<Record<string, string>> = {
  PSVC001: 'Checkout API',
  PSVC002: 'Search',
};

/** Teams of the fake account: id → name. */
export const FAKE_TEAMS: Readonly<Record<string, string>> = {
  PTEAM01: 'Payments',
  PTEAM02: 'Platform',
};

const HTML_URL = 'https://acme.pagerduty.com';

/** An account-level token: valid, but it acts as no user, so GET /users/me refuses it. */
export const FAKE_ACCOUNT_TOKEN = 'acct-token-0000';

/**
 * Start the fake on 127.0.0.1.
 * @param options - its users, and the clock it stamps acknowledgements and snoozes with
 */
export async function startFakePagerduty(options: {
  readonly users: readonly FakeUser[];
  readonly now: () => Date;
}): Promise<FakePagerduty> {
  const requests: Received[] = [];
  const served: Served[] = [];
  const incidents = new Map<string, Record<string, unknown>>();
  const forced: ForcedAnswer[] = [];
  let nextNumber = 1000;
  let url = '';

  const ref = (type: string, id: string, summary: string, path: string) => ({
    id,
    type,
    summary,
    self: `${url}/${path}/${id}`,
    html_url: `${HTML_URL}/${path}/${id}`,
  });
  const userRef = (user: FakeUser) => ref('user_reference', user.id, user.name, 'users');
  const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const send = (
    res: ServerResponse,
    method: string,
    route: string,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    served.push({ method, route, status, body });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (message: string, code: number, errors?: string[]) => ({
    error: { message, code, ...(errors && { errors }) },
  });

  const handle = (req: IncomingMessage, res: ServerResponse, text: string) => {
    const parsed = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      body = text;
    }
    requests.push({
      method,
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
      body,
    });
    const route = routeOf(method, parsed.pathname);

    const forcedAt = forced.findIndex((f) => f.route === undefined || f.route === route);
    const force = forcedAt === -1 ? undefined : forced.splice(forcedAt, 1)[0];
    if (force) {
      if (force.body !== undefined) {
        served.push({ method, route, status: force.status, body: undefined });
        res.writeHead(force.status, { 'content-type': 'text/html', ...force.headers });
        res.end(force.body);
      } else {
        send(res, method, route, force.status, errorFor(force.status), force.headers);
      }
      return;
    }

    const token = /^Token token=(.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = options.users.find((u) => u.token === token);
    if (!user && token !== FAKE_ACCOUNT_TOKEN) {
      return send(res, method, route, 401, error('Unauthorized', 2006));
    }
    const fromUser = () => options.users.find((u) => u.email === req.headers.from);
    const now = options.now();

    if (route === '/users/me' && method === 'GET') {
      if (!user) {
        return send(
          res,
          method,
          route,
          400,
          error('Invalid Input Provided', 2001, [
            'This endpoint requires a user-level API key, not an account-level one.',
          ]),
        );
      }
      return send(res, method, route, 200, {
        user: {
          ...ref('user', user.id, user.name, 'users'),
          name: user.name,
          email: user.email,
          time_zone: 'Etc/UTC',
          role: 'user',
          teams: [],
        },
      });
    }

    if (route === '/incidents' && method === 'GET') {
      const statuses = parsed.searchParams.getAll('statuses[]');
      const userIds = parsed.searchParams.getAll('user_ids[]');
      const teamIds = parsed.searchParams.getAll('team_ids[]');
      const serviceIds = parsed.searchParams.getAll('service_ids[]');
      const limit = Math.min(100, Number(parsed.searchParams.get('limit') ?? 25));
      const offset = Number(parsed.searchParams.get('offset') ?? 0);
      const matching = [...incidents.values()].filter((incident) => {
        const assignees = (incident.assignments as { assignee: { id: string } }[]).map(
          (a) => a.assignee.id,
        );
        const teams = (incident.teams as { id: string }[]).map((t) => t.id);
        return (
          (statuses.length === 0 || statuses.includes(incident.status as string)) &&
          (userIds.length === 0 || assignees.some((id) => userIds.includes(id))) &&
          (teamIds.length === 0 || teams.some((id) => teamIds.includes(id))) &&
          (serviceIds.length === 0 || serviceIds.includes((incident.service as { id: string }).id))
        );
      });
      return send(res, method, route, 200, {
        incidents: matching.slice(offset, offset + limit),
        limit,
        offset,
        more: offset + limit < matching.length,
        total: null,
      });
    }

    if (route === '/incidents' && method === 'PUT') {
      const actor = fromUser();
      if (!actor) {
        return send(
          res,
          method,
          route,
          400,
          error('Invalid Input Provided', 2001, [
            'The From header is missing or is not the e-mail of a user of this account.',
          ]),
        );
      }
      const updates = (body as { incidents?: { id: string; status?: string }[] } | undefined)
        ?.incidents;
      if (!Array.isArray(updates)) {
        return send(res, method, route, 400, error('Invalid Input Provided', 2001));
      }
      const updated = [];
      for (const update of updates) {
        const incident = incidents.get(update.id);
        if (!incident) {
          return send(
            res,
            method,
            route,
            400,
            error('Invalid Input Provided', 2001, [`Incident ${update.id} not found`]),
          );
        }
        if (update.status === 'acknowledged') {
          Object.assign(incident, {
            status: 'acknowledged',
            acknowledgements: [{ at: iso(now), acknowledger: userRef(actor) }],
          });
        } else if (update.status === 'resolved') {
          Object.assign(incident, {
            status: 'resolved',
            resolved_at: iso(now),
            assignments: [],
            acknowledgements: [],
            pending_actions: [],
          });
        }
        Object.assign(incident, {
          updated_at: iso(now),
          last_status_change_at: iso(now),
          last_status_change_by: userRef(actor),
        });
        updated.push(incident);
      }
      return send(res, method, route, 200, { incidents: updated });
    }

    if (route === '/incidents/{id}/snooze' && method === 'POST') {
      const incident = incidents.get(decodeURIComponent(parsed.pathname.split('/')[2] ?? ''));
      const actor = fromUser();
      if (!actor) {
        return send(
          res,
          method,
          route,
          400,
          error('Invalid Input Provided', 2001, [
            'The From header is missing or is not the e-mail of a user of this account.',
          ]),
        );
      }
      if (!incident) return send(res, method, route, 404, error('Not Found', 2100));
      const duration = (body as { duration?: unknown } | undefined)?.duration;
      if (
        !Number.isInteger(duration) ||
        (duration as number) < 1 ||
        (duration as number) > 604800
      ) {
        return send(
          res,
          method,
          route,
          400,
          error('Invalid Input Provided', 2001, ['Duration must be 1 to 604800 seconds.']),
        );
      }
      if (incident.status !== 'acknowledged') {
        return send(
          res,
          method,
          route,
          400,
          error('Invalid Input Provided', 2001, ['Only acknowledged incidents can be snoozed.']),
        );
      }
      incident.pending_actions = [
        { type: 'unacknowledge', at: iso(new Date(now.getTime() + (duration as number) * 1000)) },
      ];
      incident.updated_at = iso(now);
      return send(res, method, route, 201, { incident });
    }

    return send(res, method, route, 404, error('Not Found', 2100));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    requests,
    served,
    incident: (id) => incidents.get(id),
    addIncident(init) {
      nextNumber += 1;
      const created = init.createdAt ?? iso(options.now());
      const assignees = (init.assignedTo ?? []).map((id) => {
        const user = options.users.find((u) => u.id === id);
        if (!user) throw new Error(`no fake user ${id}`);
        return { at: created, assignee: userRef(user) };
      });
      const serviceId = init.serviceId ?? 'PSVC001';
      const service = ref(
        'service_reference',
        serviceId,
        FAKE_SERVICES[serviceId] ?? serviceId,
        'services',
      );
      const acknowledger = options.users.find((u) => u.id === init.assignedTo?.[0]);
      const acknowledged = init.status === 'acknowledged' && acknowledger !== undefined;
      incidents.set(init.id, {
        id: init.id,
        type: 'incident',
        summary: `[#${nextNumber}] ${init.title}`,
        self: `${url}/incidents/${init.id}`,
        html_url: `${HTML_URL}/incidents/${init.id}`,
        incident_number: nextNumber,
        title: init.title,
        created_at: created,
        updated_at: created,
        status: acknowledged ? 'acknowledged' : 'triggered',
        incident_key: `key-${init.id}`,
        service,
        assignments: assignees,
        assigned_via: 'escalation_policy',
        last_status_change_at: created,
        last_status_change_by: service,
        first_trigger_log_entry: ref(
          'trigger_log_entry_reference',
          `Q${init.id}`,
          'Triggered through the API',
          'log_entries',
        ),
        alert_counts: { all: 1, triggered: 1, resolved: 0 },
        is_mergeable: true,
        incident_type: { name: 'incident_default' },
        escalation_policy: ref(
          'escalation_policy_reference',
          'PEP0001',
          `${service.summary} escalation`,
          'escalation_policies',
        ),
        teams: (init.teamIds ?? []).map((id) =>
          ref('team_reference', id, FAKE_TEAMS[id] ?? id, 'teams'),
        ),
        pending_actions: [],
        acknowledgements: acknowledged
          ? [{ at: created, acknowledger: userRef(acknowledger) }]
          : [],
        ...(init.priority !== undefined && {
          priority: {
            id: `PPRI00${init.priority.replace(/\D/g, '')}`,
            type: 'priority_reference',
            summary: init.priority,
            self: `${url}/priorities/PPRI00${init.priority.replace(/\D/g, '')}`,
          },
        }),
        urgency: init.urgency ?? 'high',
      });
    },
    failNext(answer, times = 1) {
      for (let i = 0; i < times; i += 1) forced.push(answer);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function routeOf(method: string, path: string): string {
  if (/^\/incidents\/[^/]+\/snooze$/.test(path)) return '/incidents/{id}/snooze';
  if (method === 'PUT' && /^\/incidents\/[^/]+$/.test(path)) return '/incidents/{id}';
  return path;
}

// PagerDuty's error bodies for the statuses a test forces.
function errorFor(status: number): unknown {
  const message =
    status === 429
      ? 'Rate Limit Exceeded'
      : status === 403
        ? 'Access Denied'
        : status >= 500
          ? 'Internal Server Error'
          : 'Error';
  return { error: { message, code: status === 429 ? 2020 : 2000 } };
}
