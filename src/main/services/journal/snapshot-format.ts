import { crc32 } from 'node:zlib';

/**
 * A snapshot file is: magic "OCC-SNAP" | u32 version | u32 generation | u32 payload length |
 * u32 CRC32 of (version, generation, length, payload) | payload (all LE). The generation says
 * which journal continues it (see compact-files.ts).
 */
const SNAPSHOT_MAGIC = Buffer.from('OCC-SNAP', 'latin1');
const SNAPSHOT_VERSION = 1;
const SNAPSHOT_HEADER_BYTES = 24;

const VERSION_AT = 8;
const GENERATION_AT = 12;
const LENGTH_AT = 16;
const CRC_AT = 20;

/**
 * The bytes of a snapshot file.
 * @param generation - the snapshot's generation (1 for the first compaction)
 * @param payload - the document state
 */
export function encodeSnapshot(generation: number, payload: Uint8Array): Buffer {
  const file = Buffer.allocUnsafe(SNAPSHOT_HEADER_BYTES + payload.byteLength);
  SNAPSHOT_MAGIC.copy(file, 0);
  file.writeUInt32LE(SNAPSHOT_VERSION, VERSION_AT);
  file.writeUInt32LE(generation, GENERATION_AT);
  file.writeUInt32LE(payload.byteLength, LENGTH_AT);
  file.set(payload, SNAPSHOT_HEADER_BYTES);
  file.writeUInt32LE(checksum(file), CRC_AT);
  return file;
}

/** What a snapshot file holds, or why it cannot be used. */
export type DecodedSnapshot =
  | { kind: 'ok'; generation: number; payload: Uint8Array }
  | { kind: 'unsupported-version'; version: number }
  | { kind: 'corrupt'; problem: string };

/**
 * Verify and unpack a snapshot file.
 * @param file - the whole file
 */
export function decodeSnapshot(file: Uint8Array): DecodedSnapshot {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.byteLength < SNAPSHOT_HEADER_BYTES) {
    return { kind: 'corrupt', problem: `only ${bytes.byteLength} bytes, too few for a snapshot` };
  }
  if (!bytes.subarray(0, SNAPSHOT_MAGIC.byteLength).equals(SNAPSHOT_MAGIC)) {
    return { kind: 'corrupt', problem: 'it does not start like a snapshot' };
  }
  const version = bytes.readUInt32LE(VERSION_AT);
  if (version !== SNAPSHOT_VERSION) return { kind: 'unsupported-version', version };
  const length = bytes.readUInt32LE(LENGTH_AT);
  if (length !== bytes.byteLength - SNAPSHOT_HEADER_BYTES) {
    return {
      kind: 'corrupt',
      problem: `it should hold ${length} bytes and holds ${bytes.byteLength - SNAPSHOT_HEADER_BYTES}`,
    };
  }
  if (checksum(bytes) !== bytes.readUInt32LE(CRC_AT)) {
    return { kind: 'corrupt', problem: 'CRC mismatch' };
  }
  const payload = bytes.subarray(SNAPSHOT_HEADER_BYTES);
  return {
    kind: 'ok',
    generation: bytes.readUInt32LE(GENERATION_AT),
    payload: new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength),
  };
}

function checksum(file: Buffer): number {
  return crc32(file.subarray(SNAPSHOT_HEADER_BYTES), crc32(file.subarray(VERSION_AT, CRC_AT)));
}
