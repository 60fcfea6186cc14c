import { crc32 } from 'node:zlib';

/** Bytes before each record's payload: u32 length (LE) | u32 CRC32 of the payload (LE). */
export const RECORD_HEADER_BYTES = 8;

const MAX_RECORD_BYTES = 0xffff_ffff;

/**
 * Frame one record. The payload is copied, so a caller reusing its buffer after `append`
 * returns cannot change what reaches the disk.
 * @param payload - the record's bytes; never empty (see `scanRecords`)
 */
export function encodeRecord(payload: Uint8Array): Buffer {
  if (payload.byteLength === 0) {
    throw new RangeError(
      'Journal: an empty record cannot be appended (it would look like zero-filled disk blocks).',
    );
  }
  if (payload.byteLength > MAX_RECORD_BYTES) {
    throw new RangeError(`Journal: a record of ${payload.byteLength} bytes is too large.`);
  }
  const frame = Buffer.allocUnsafe(RECORD_HEADER_BYTES + payload.byteLength);
  frame.writeUInt32LE(payload.byteLength, 0);
  frame.writeUInt32LE(crc32(payload), 4);
  frame.set(payload, RECORD_HEADER_BYTES);
  return frame;
}

/** The records found in a journal's body, and where (if anywhere) the first bad one starts. */
export interface RecordScan {
  records: Uint8Array[];
  /** Offset just past the last good record: the length the file should have. */
  goodEnd: number;
  /** Why the bytes from `goodEnd` on are not a record; absent when the file ends cleanly. */
  problem?: string;
}

/**
 * Read records from `start` until the end of `file` or the first record that is not whole and
 * intact. The records are views into `file`, not copies.
 * @param file - the whole journal file
 * @param start - offset of the first record (just past the file header)
 */
export function scanRecords(file: Uint8Array, start: number): RecordScan {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const records: Uint8Array[] = [];
  let offset = start;
  while (offset < file.byteLength) {
    const left = file.byteLength - offset;
    const fail = (problem: string): RecordScan => ({ records, goodEnd: offset, problem });
    if (left < RECORD_HEADER_BYTES) {
      return fail(`${left} bytes at offset ${offset}, too few for a record header`);
    }
    const length = view.getUint32(offset, true);
    const expectedCrc = view.getUint32(offset + 4, true);
    // Zero length is never written: an ext4/XFS crash can leave a file's tail as zeros, and
    // zeros would otherwise read as an endless run of valid empty records (CRC32 of nothing is 0).
    if (length === 0) return fail(`a record of length 0 at offset ${offset}`);
    if (length > left - RECORD_HEADER_BYTES) {
      return fail(
        `a record at offset ${offset} claims ${length} bytes, only ${left - RECORD_HEADER_BYTES} follow`,
      );
    }
    const payload = file.subarray(
      offset + RECORD_HEADER_BYTES,
      offset + RECORD_HEADER_BYTES + length,
    );
    if (crc32(payload) !== expectedCrc)
      return fail(`CRC mismatch in the record at offset ${offset}`);
    records.push(new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength));
    offset += RECORD_HEADER_BYTES + length;
  }
  return { records, goodEnd: offset };
}
