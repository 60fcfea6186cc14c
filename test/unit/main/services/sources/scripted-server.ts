import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake peer answers one request; `hang` never answers. */
export type ScriptedAnswer =
  { status?: number; headers?: Record<string, string>; body?: string } | 'hang';

/** How a scripted server answers: the same every time, or decided per request. */
export type Script = ScriptedAnswer | ((req: IncomingMessage, body: string) => ScriptedAnswer);

/** A local HTTP server on 127.0.0.1 whose answer the test sets, standing in for a peer. */
export interface ScriptedServer {
  readonly url: string;
  /** Requests the main script answered so far (path and query). */
  readonly requests: string[];
  /** Requests a route answered so far: method, path and query, and the body sent. */
  readonly routed: { method: string; url: string; body: string }[];
  /** Answer every following request like this (except those a route takes). */
  answer(next: Script): void;
  /**
   * Answer requests whose path starts with `prefix` like this instead, and list them in
   * `routed`, not `requests`. Alertmanager's silence list (`/api/v2/silences`) is routed to
   * an empty list from the start, so a test about alerts sees only its alert requests.
   */
  route(prefix: string, next: Script): void;
  close(): Promise<void>;
}

/**
 * Start a scripted server. It answers `[]` (an empty alert list, and no silences) until told
 * otherwise.
 */
export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: Script = { body: '[]' };
  const routes = new Map<string, Script>([['/api/v2/silences', { body: '[]' }]]);
  const requests: string[] = [];
  const routed: { method: string; url: string; body: string }[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '';
    const prefix = [...routes.keys()].find((p) => url.startsWith(p));
    const chosen = prefix === undefined ? script : (routes.get(prefix) as Script);
    if (prefix === undefined) requests.push(url);
    else routed.push({ method: req.method ?? 'GET', url, body: text });
    const answer = typeof chosen === 'function' ? chosen(req, text) : chosen;
    if (answer === 'hang') {
      hanging.add(res);
      return;
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    routed,
    answer(next) {
      script = next;
    },
    route(prefix, next) {
      routes.set(prefix, next);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
