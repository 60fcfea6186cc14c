import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A peer whose every answer (but Alertmanager's silence list) the test releases by hand, to hold
 * a poll under way.
 */
export interface HeldServer {
  readonly url: string;
  /** Resolves once a request is waiting for its answer. */
  waitForRequest(): Promise<void>;
  /** Answer the oldest waiting request (or the next one to arrive) with this JSON body. */
  release(body: string): void;
  close(): Promise<void>;
}

/** Start a held server on 127.0.0.1. */
export async function startHeldServer(): Promise<HeldServer> {
  const waiting: ServerResponse[] = [];
  const bodies: string[] = [];
  let arrived: (() => void) | undefined;
  const answer = () => {
    while (waiting.length > 0 && bodies.length > 0) {
      const res = waiting.shift() as ServerResponse;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(bodies.shift());
    }
  };
  const server = createServer((req, res) => {
    // Alertmanager's silence list, read beside the alerts on every poll, is not what is held.
    if (req.url?.startsWith('/api/v2/silences')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('[]');
      return;
    }
    waiting.push(res);
    arrived?.();
    answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    waitForRequest: () =>
      waiting.length > 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            arrived = () => {
              arrived = undefined;
              resolve();
            };
          }),
    release(body) {
      bodies.push(body);
      answer();
    },
    async close() {
      for (const res of waiting) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
