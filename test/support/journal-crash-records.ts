// What the journal crash test writes: timeline-like records whose text follows from their
// seq, so the parent can tell a corrupt record from a good one without keeping a copy.

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const NOTES = [
  'paged primary, no ack yet',
  'rolled back checkout-api to the previous release',
  'error rate back under 1% — watching',
  'customer support asked for an ETA',
  'db replica lag 40 s, failing over',
];
/** Entries repeated in each snapshot, so a snapshot is a few kilobytes like a real one. */
const SNAPSHOT_RECENT = 40;

/**
 * The text of timeline entry `seq`. Every tenth carries a pasted log excerpt of up to ~40 KB,
 * as scribes do: those records span many pages, and a SIGKILL that lands while the kernel
 * copies them can leave a torn record on disk, which the next open must repair.
 */
export function entryText(seq: number): string {
  const note = `${NOTES[seq % NOTES.length] ?? ''} (#${seq})`;
  if (seq % 10 !== 0) return note;
  const line = `${seq} ERROR upstream connect error or disconnect/reset before headers\n`;
  return `${note}\n${line.repeat(100 + ((seq * 7919) % 500))}`;
}

/** One timeline entry as a journal record. */
export function encodeEntry(seq: number): Uint8Array {
  return encoder.encode(JSON.stringify({ seq, text: entryText(seq) }));
}

/**
 * The seq of a record, after checking its text matches.
 * @throws when the record is not an entry written by encodeEntry
 */
export function decodeEntry(record: Uint8Array): number {
  const entry = JSON.parse(decoder.decode(record)) as { seq?: unknown; text?: unknown };
  if (typeof entry.seq !== 'number' || entry.text !== entryText(entry.seq)) {
    throw new Error(`not a timeline entry: ${decoder.decode(record).slice(0, 80)}`);
  }
  return entry.seq;
}

/** A snapshot holding entries 1…through (like a Yjs state vector, it names where it ends). */
export function encodeSnapshot(through: number): Uint8Array {
  const recent = [];
  for (let seq = Math.max(1, through - SNAPSHOT_RECENT + 1); seq <= through; seq++) {
    recent.push({ seq, text: entryText(seq) });
  }
  return encoder.encode(JSON.stringify({ through, recent }));
}

/**
 * The last seq a snapshot holds, after checking its content.
 * @throws when it is not a snapshot written by encodeSnapshot
 */
export function decodeSnapshot(snapshot: Uint8Array): number {
  const text = decoder.decode(snapshot);
  const { through } = JSON.parse(text) as { through?: unknown };
  if (typeof through !== 'number' || text !== decoder.decode(encodeSnapshot(through))) {
    throw new Error(`not a timeline snapshot: ${text.slice(0, 80)}`);
  }
  return through;
}
