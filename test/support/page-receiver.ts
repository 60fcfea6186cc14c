import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local receiver standing in for Slack, PagerDuty's Events API, ntfy or a webhook: it
// records every request (method, path, headers, JSON body) and answers from a script, then
// with its default answer, so a test can make it fail, rate-limit and recover.

/** A request the receiver got. */
export interface ReceivedPage {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
}

/** How the receiver answers one request. */
export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** A running receiver. */
export interface PageReceiver {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly received: ReceivedPage[];
  /** Answer the next requests with these, in order. */
  script(...answers: ScriptedAnswer[]): void;
  close(): Promise<void>;
}

/**
 * Start a receiver on 127.0.0.1.
 * @param fallback - the answer once the script is used up (Slack's `200 ok` by default)
 * @param onReceive - told each request once recorded, before it is answered (a crash test
 *   kills the sender there: the page arrived, the sender never heard so); the answer waits
 *   for the promise it returns, if any
 */
export async function startPageReceiver(
  fallback: ScriptedAnswer = { status: 200, body: 'ok' },
  onReceive?: (page: ReceivedPage) => void | Promise<void>,
): Promise<PageReceiver> {
  const received: ReceivedPage[] = [];
  const queue: ScriptedAnswer[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Kept as text.
      }
      const page = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      };
      received.push(page);
      const answer = queue.shift() ?? fallback;
      void Promise.resolve(onReceive?.(page)).then(() => {
        response.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' });
        response.end(answer.body ?? '');
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (...answers) => queue.push(...answers),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
