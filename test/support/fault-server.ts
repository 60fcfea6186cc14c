import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The faults every source adapter must survive (issue 9, "one fault server"). */
export const FAULTS = [
  'malformed-json',
  'wrong-types',
  'missing-fields',
  'empty-body',
  'html-error-page',
  'over-cap',
  'never-ends',
  'connection-reset',
  'tls-error',
  'redirect-loop',
] as const;

/** One of {@link FAULTS}. */
export type Fault = (typeof FAULTS)[number];

/** How the server answers: a plain answer, or a misbehaviour no body can express. */
export type FaultBehaviour =
  | { readonly status?: number; readonly headers?: Record<string, string>; readonly body?: string }
  /** Destroy the socket as soon as the request arrives. */
  | 'reset'
  /** Send 200 and the headers, then nothing, ever. */
  | 'headers-then-silence'
  /** Stream a body with no length until the client gives up (or `maxBytes` were sent). */
  | { readonly endless: true; readonly maxBytes: number }
  /** Redirect to the same path, for ever. */
  | 'redirect-loop';

/**
 * A local peer that answers the way the test says, over HTTP at `url` and, with a certificate
 * this machine does not trust, over HTTPS at `tlsUrl` (the same behaviour on both).
 */
export interface FaultServer {
  readonly url: string;
  /** The same server over TLS with a self-signed certificate: every request fails its handshake. */
  readonly tlsUrl: string;
  /** Paths (with query) requested so far. */
  readonly requests: string[];
  /** The most requests answered by {@link FaultServer.serve}'s behaviour that were ever open at once. */
  readonly maxInFlight: () => number;
  /** Answer every following request like this (but see {@link FaultServer.serveWell}). */
  serve(behaviour: FaultBehaviour): void;
  /**
   * Answer requests to these paths (with query) with 200 and their body, whatever
   * {@link FaultServer.serve} says: the other requests of a poll answer well while the fault
   * hits the path under test.
   */
  serveWell(answers: Readonly<Record<string, string>>): void;
  close(): Promise<void>;
}

const CERT_DIR = path.join(import.meta.dirname, '../fixtures/tls');
const CHUNK = Buffer.alloc(1024 * 1024, 'x');

/** Start a fault server on 127.0.0.1; it answers 404 until told otherwise. */
export async function startFaultServer(): Promise<FaultServer> {
  let behaviour: FaultBehaviour = { status: 404, body: 'not scripted' };
  let fixed: Readonly<Record<string, string>> = {};
  const requests: string[] = [];
  const open = new Set<ServerResponse>();
  let inFlight = 0;
  let maxInFlight = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url ?? '');
    const fixedBody = fixed[req.url ?? ''];
    if (fixedBody !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(fixedBody);
      return;
    }
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    open.add(res);
    const done = () => {
      if (!open.delete(res)) return;
      inFlight -= 1;
    };
    res.on('close', done);
    const now = behaviour;
    if (now === 'reset') {
      req.socket.destroy();
    } else if (now === 'headers-then-silence') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
    } else if (now === 'redirect-loop') {
      res.writeHead(302, { location: req.url ?? '/' });
      res.end();
    } else if ('endless' in now) {
      res.writeHead(200, { 'content-type': 'application/json' });
      let sent = 0;
      const pump = () => {
        while (sent < now.maxBytes && !res.destroyed) {
          sent += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.write('[');
      pump();
    } else {
      res.writeHead(now.status ?? 200, { 'content-type': 'application/json', ...now.headers });
      res.end(now.body ?? '');
    }
  };

  const server = createServer(handle);
  const tls = createTlsServer(
    {
      cert: readFileSync(path.join(CERT_DIR, 'self-signed.crt')),
      key: readFileSync(path.join(CERT_DIR, 'self-signed.key')),
    },
    handle,
  );
  // A failed handshake is the point of the TLS server; nothing to report.
  tls.on('tlsClientError', () => {});
  const listen = async (s: typeof server | typeof tls) => {
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    return (s.address() as AddressInfo).port;
  };
  const port = await listen(server);
  const tlsPort = await listen(tls);

  return {
    url: `http://127.0.0.1:${port}`,
    tlsUrl: `https://127.0.0.1:${tlsPort}`,
    requests,
    maxInFlight: () => maxInFlight,
    serve(next) {
      behaviour = next;
    },
    serveWell(answers) {
      fixed = answers;
    },
    async close() {
      for (const res of open) res.destroy();
      for (const s of [server, tls]) {
        s.closeAllConnections();
        await new Promise<void>((resolve) => s.close(() => resolve()));
      }
    },
  };
}
