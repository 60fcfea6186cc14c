import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateInMessage } from '../../../../src/main/sync-server/update-in-message';

function message(type: number, syncType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, 'inc-1');
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

describe('updateInMessage', () => {
  const doc = new Y.Doc();
  doc.getArray('timeline').push(['an entry']);
  const update = Y.encodeStateAsUpdate(doc);

  it('finds the update in a sync update, a sync step 2 and a sync reply', () => {
    expect(updateInMessage(message(0, 2, update))).toEqual(update);
    expect(updateInMessage(message(0, 1, update))).toEqual(update);
    expect(updateInMessage(message(4, 1, update))).toEqual(update);
  });

  it('finds nothing in a state vector, an awareness message or an empty update', () => {
    expect(updateInMessage(message(0, 0, Y.encodeStateVector(doc)))).toBeUndefined();
    expect(updateInMessage(message(1, 0, new Uint8Array([1])))).toBeUndefined();
    expect(updateInMessage(message(0, 1, Y.encodeStateAsUpdate(new Y.Doc())))).toBeUndefined();
  });
});
