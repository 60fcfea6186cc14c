// One member's app (incident store + team sync) in a process of its own, so the fuzz can
// kill -9 it. Driven over the IPC channel: each request { seq, op, ... } is answered
// { seq, ok, value | error }; a `write` is answered only once the entry is on this member's disk.
// Usage: node --import tsx test/support/sync-peer-child.ts <name> <home> <url>
import { openSyncPeer } from './sync-peer';

const [name, home, url] = process.argv.slice(2);
if (name === undefined || home === undefined || url === undefined || !process.send) {
  throw new Error('usage (forked): sync-peer-child.ts <name> <home> <url>');
}

type Request =
  | { seq: number; op: 'declare'; title: string }
  | { seq: number; op: 'join'; id: string }
  | { seq: number; op: 'listed'; id: string }
  | { seq: number; op: 'write'; id: string; text: string }
  | { seq: number; op: 'texts'; id: string }
  | { seq: number; op: 'state' };

const peer = await openSyncPeer({ name, home, url, resyncEveryMs: 2_000 });

const handle = async (request: Request): Promise<unknown> => {
  switch (request.op) {
    case 'declare':
      return peer.declare(request.title);
    case 'join':
      return (await peer.sync.join(request.id)).incident.id;
    case 'listed':
      return peer.sync.view().teamIncidents.some((i) => i.id === request.id);
    case 'write':
      return peer.write(request.id, request.text);
    case 'texts':
      return peer.texts(request.id);
    case 'state':
      return peer.state();
  }
};

process.on('message', (request: Request) => {
  handle(request).then(
    (value) => process.send?.({ seq: request.seq, ok: true, value }),
    (error: unknown) =>
      process.send?.({
        seq: request.seq,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});
process.send({ seq: 0, ok: true, value: 'ready' });
