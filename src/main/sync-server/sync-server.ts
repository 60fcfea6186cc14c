import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import RedisClient from 'ioredis';
import { KEEPALIVE_PING, KEEPALIVE_PONG } from '../../shared/sync/keepalive';
import { decodeSyncCredential } from '../../shared/sync/sync-credential';
import { isValidDocId } from '../services/journal/journal-paths';
import { DocumentJournals } from './document-journals';
import { tokensMatch } from './team-token';
import { updateInMessage } from './update-in-message';

/** How to run a sync server. */
export interface SyncServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** 127.0.0.1 by default: a TLS proxy in front serves the team. */
  host?: string;
  /** Where the documents' journals live. */
  dataDir: string;
  /** The team token every client must send. */
  token: string;
  /** A Redis URL (`redis://host:6379`) to share documents with other server processes. */
  redisUrl?: string;
  /** Told about connections, refusals and repairs, one line each. */
  log: (line: string) => void;
  /** Records before a document's journal is compacted (tests lower it). */
  compactAfterRecords?: number;
}

/** A running sync server. */
export interface SyncServer {
  /** `ws://host:port`, for clients. */
  readonly url: string;
  readonly port: number;
  /** Close every connection, then every journal after its pending appends. */
  close(): Promise<void>;
}

// One message bigger than this is refused by the socket: a whole 10,000-entry incident is well
// under 4 MiB, and a client cannot make the server buffer without bound.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Start a Hocuspocus server for the team: document name = incident id (or `team-incidents`),
 * the team token checked on every document a client opens, every document kept in a journal
 * in `dataDir` (no native modules), and, with a Redis URL, documents shared with the other
 * server processes on the same Redis.
 * @param options - port, data directory, token, Redis
 */
export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { log } = options;
  const journals = new DocumentJournals({
    dir: options.dataDir,
    log,
    compactAfterRecords: options.compactAfterRecords,
  });
  /** Connections whose updates were written ahead: their changes are on disk already. */
  const writtenAhead = new WeakSet<object>();

  const persistence: Extension = {
    extensionName: 'oncall-journal',
    async onAuthenticate({ token, documentName }) {
      const credential = decodeSyncCredential(token);
      if (!credential || !tokensMatch(credential.token, options.token)) {
        log(`Sync server: refused a client for ${documentName.slice(0, 200)}: wrong team token.`);
        throw reason('wrong team token');
      }
      if (!isValidDocId(documentName)) throw reason(`no such document name`);
      return { name: credential.name === '' ? 'unnamed' : credential.name };
    },
    async beforeHandleMessage({ update, documentName, connection }) {
      const content = updateInMessage(update);
      if (content === undefined) return;
      writtenAhead.add(connection);
      // Durable before Hocuspocus applies it and acknowledges it to the client.
      await journals.writeAhead(documentName, content);
    },
    async onChange({ documentName, update, transactionOrigin }) {
      if (typeof transactionOrigin === 'object' && writtenAhead.has(transactionOrigin as object))
        return;
      journals.record(documentName, update);
    },
    async onStateless({ payload, connection }) {
      // The app's keepalive: without awareness an idle connection carries no message, and the
      // provider would close it as dead.
      if (payload === KEEPALIVE_PING) connection.sendStateless(KEEPALIVE_PONG);
    },
    async afterUnloadDocument({ documentName }) {
      await journals.unload(documentName);
    },
  };

  const extensions: Extension[] = [
    persistence,
    new Database({
      fetch: ({ documentName }) => journals.load(documentName),
      // Every change is on disk already (written ahead); storing only compacts a grown journal.
      store: ({ documentName, document }) => journals.compact(documentName, document),
    }),
  ];
  if (options.redisUrl !== undefined) {
    const url = options.redisUrl;
    extensions.push(new Redis({ createClient: () => new RedisClient(url) }));
  }

  const server = new Server(
    {
      quiet: true,
      stopOnSignals: false,
      extensions,
      async connected({ context, documentName }) {
        const name = (context as { name?: string }).name ?? 'unnamed';
        log(`Sync server: ${name} joined ${documentName}.`);
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  const host = options.host ?? '127.0.0.1';
  try {
    // Not server.listen(): Hocuspocus 3.4 passes `address` where Node's listen() reads `host`,
    // so it would listen on every interface whatever was asked, and it never rejects on
    // EADDRINUSE.
    await new Promise<void>((resolve, reject) => {
      server.httpServer.once('error', reject);
      server.httpServer.listen({ port: options.port, host }, () => {
        server.httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await journals.close();
    throw error;
  }
  const { port } = server.address;
  return {
    url: `ws://${formatHost(host)}:${port}`,
    port,
    async close() {
      await server.destroy();
      await journals.close();
    },
  };
}

/** Hocuspocus sends `reason` to the client as the permission-denied message. */
function reason(text: string): Error & { reason: string } {
  return Object.assign(new Error(text), { reason: text });
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
