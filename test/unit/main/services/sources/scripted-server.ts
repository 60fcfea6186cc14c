import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake peer answers one request; `hang` never answers. */
export type ScriptedAnswer =
  { status?: number; headers?: Record<string, string>; body?: string } | 'hang';

/** A local HTTP server on 127.0.0.1 whose answer the test sets, standing in for a peer. */
export interface ScriptedServer {
  readonly url: string;
  /** Requests received so far (path and query). */
  readonly requests: string[];
  /** Answer every following request like this. */
  answer(next: ScriptedAnswer | ((req: IncomingMessage) => ScriptedAnswer)): void;
  close(): Promise<void>;
}

/**
 * Start a scripted server. It answers `[]` (an empty alert list) until told otherwise.
 */
export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: (req: IncomingMessage) => ScriptedAnswer = () => ({ body: '[]' });
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const answer = script(req);
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
    answer(next) {
      script = typeof next === 'function' ? next : () => next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
