import { createServer, connect, type Socket } from 'node:net';
import * as decoding from 'lib0/decoding';

/** A loopback TCP proxy that the test can cut (a network partition) and heal. */
export interface TcpProxy {
  readonly port: number;
  /** Drop every connection and refuse new ones until {@link TcpProxy.heal}. */
  cut(): void;
  heal(): void;
  /**
   * Stop forwarding without closing anything: a laptop that went to sleep, or Wi-Fi that died
   * without a goodbye. Neither side is told; only timeouts notice.
   */
  freeze(): void;
  readonly isCut: boolean;
  /**
   * Lose the next Yjs update the server sends for `documentName` (a message lost on the way
   * without the connection noticing, as yjs#405 and yjs#550 describe); resolves once dropped.
   */
  dropNextUpdate(documentName: string): Promise<void>;
  /**
   * From now on lose every frame the server sends, keeping the connection open: a server or a
   * network gone without a FIN, as the client sees it.
   */
  silence(): void;
  close(): Promise<void>;
}

/**
 * Forward 127.0.0.1:port to 127.0.0.1:target, byte for byte.
 * @param target - the port behind it (the sync server)
 */
export async function tcpProxy(target: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const pairs = new Set<[Socket, Socket]>();
  let isCut = false;
  let dropping: { name: string; dropped: () => void } | undefined;
  let silent = false;
  const server = createServer((client) => {
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = connect({ port: target, host: '127.0.0.1' });
    sockets.add(client).add(upstream);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream);
    upstream.on(
      'data',
      downstream(client, (payload) => {
        if (silent) return true;
        if (!dropping || !isUpdateFor(payload, dropping.name)) return false;
        dropping.dropped();
        dropping = undefined;
        return true;
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no proxy port');
  return {
    port: address.port,
    get isCut() {
      return isCut;
    },
    cut() {
      isCut = true;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    heal() {
      isCut = false;
    },
    freeze() {
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        client.pause();
        upstream.pause();
      }
    },
    silence() {
      silent = true;
    },
    dropNextUpdate(name) {
      return new Promise((resolve) => {
        dropping = { name, dropped: resolve };
      });
    },
    close() {
      isCut = true;
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Forward what the server sends, frame by frame once the WebSocket is up, leaving out the frames
 * `drop` picks. Server frames are never masked (RFC 6455 5.1).
 */
function downstream(
  client: Socket,
  drop: (payload: Uint8Array) => boolean,
): (chunk: Buffer) => void {
  let upgraded = false;
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    if (!upgraded) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) return;
      client.write(pending.subarray(0, end + 4));
      pending = pending.subarray(end + 4);
      upgraded = true;
    }
    for (;;) {
      if (pending.length < 2) return;
      let length = (pending[1] as number) & 0x7f;
      let header = 2;
      if (length === 126) {
        if (pending.length < 4) return;
        length = pending.readUInt16BE(2);
        header = 4;
      } else if (length === 127) {
        if (pending.length < 10) return;
        length = Number(pending.readBigUInt64BE(2));
        header = 10;
      }
      if (pending.length < header + length) return;
      const frame = pending.subarray(0, header + length);
      pending = pending.subarray(header + length);
      const binary = ((frame[0] as number) & 0x0f) === 2;
      if (!(binary && drop(frame.subarray(header)))) client.write(frame);
    }
  };
}

/** True for a Hocuspocus sync message carrying a Yjs update of `name`. */
function isUpdateFor(payload: Uint8Array, name: string): boolean {
  try {
    const decoder = decoding.createDecoder(payload);
    if (decoding.readVarString(decoder) !== name) return false;
    if (decoding.readVarUint(decoder) !== 0) return false; // Sync
    return decoding.readVarUint(decoder) === 2; // an update
  } catch {
    return false;
  }
}
