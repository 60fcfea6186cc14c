import * as decoding from 'lib0/decoding';

// Hocuspocus 3 message types (packages/server/src/types.ts, MessageType) and y-protocols sync
// sub-types: only these carry document content.
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update a client's message carries (a sync step 2 or an update), or undefined for every
 * other message (sync step 1, awareness, auth, stateless) and for updates that hold nothing.
 * Throws on a message that is not valid Hocuspocus framing; Hocuspocus would refuse it too.
 * @param message - one WebSocket message as received
 */
export function updateInMessage(message: Uint8Array): Uint8Array | undefined {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder); // the document name
  const type = decoding.readVarUint(decoder);
  if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return undefined;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return undefined;
  const update = decoding.readVarUint8Array(decoder);
  // An empty update (no structs, no deletions) is two zero bytes: nothing to keep.
  return update.length <= 2 && update.every((byte) => byte === 0) ? undefined : update;
}
