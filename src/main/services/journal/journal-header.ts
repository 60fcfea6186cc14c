import { crc32 } from 'node:zlib';

/**
 * A journal file starts with: magic "OCC-JRNL" | u32 version | u32 generation | u32 CRC32 of
 * the 16 bytes before it (all LE). The magic lets us refuse a file that is not ours instead of
 * "recovering" it by truncation; the generation ties the journal to the snapshot it continues
 * (see compact-files.ts); the CRC keeps a flipped bit in the generation from silently marking
 * live records as already compacted.
 */
export const JOURNAL_MAGIC = Buffer.from('OCC-JRNL', 'latin1');
/** The only journal layout this code reads and writes. */
export const JOURNAL_VERSION = 1;
/** Bytes before the first record. */
export const JOURNAL_HEADER_BYTES = 20;

const VERSION_AT = 8;
const GENERATION_AT = 12;
const CRC_AT = 16;

/**
 * The header of a journal of the given generation.
 * @param generation - the generation of the snapshot this journal continues (0: none yet)
 */
export function encodeJournalHeader(generation: number): Buffer {
  const header = Buffer.alloc(JOURNAL_HEADER_BYTES);
  JOURNAL_MAGIC.copy(header, 0);
  header.writeUInt32LE(JOURNAL_VERSION, VERSION_AT);
  header.writeUInt32LE(generation, GENERATION_AT);
  header.writeUInt32LE(crc32(header.subarray(0, CRC_AT)), CRC_AT);
  return header;
}

/** What the start of a journal file says about it. */
export type JournalHeader =
  | { kind: 'ok'; generation: number }
  /** A zero-length file: nothing to lose, nothing to recover. */
  | { kind: 'empty' }
  /** Not our magic: some other file sits where the journal should be. */
  | { kind: 'foreign' }
  /** Ours, but a layout this code does not know (written by a newer app). */
  | { kind: 'unsupported-version'; version: number }
  /** Ours, but the header itself is cut short or fails its CRC. */
  | { kind: 'damaged' };

/**
 * Classify the start of a journal file.
 * @param file - the file's bytes (at least the header, if it has one)
 */
export function decodeJournalHeader(file: Uint8Array): JournalHeader {
  if (file.byteLength === 0) return { kind: 'empty' };
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (bytes.byteLength < JOURNAL_MAGIC.byteLength) return { kind: 'foreign' };
  if (!bytes.subarray(0, JOURNAL_MAGIC.byteLength).equals(JOURNAL_MAGIC))
    return { kind: 'foreign' };
  if (bytes.byteLength < GENERATION_AT) return { kind: 'damaged' };
  // The version is read before the CRC is checked: a later version may lay the rest out differently.
  const version = bytes.readUInt32LE(VERSION_AT);
  if (version !== JOURNAL_VERSION) return { kind: 'unsupported-version', version };
  if (bytes.byteLength < JOURNAL_HEADER_BYTES) return { kind: 'damaged' };
  if (crc32(bytes.subarray(0, CRC_AT)) !== bytes.readUInt32LE(CRC_AT)) return { kind: 'damaged' };
  return { kind: 'ok', generation: bytes.readUInt32LE(GENERATION_AT) };
}
