import * as Y from 'yjs';
import type { TimelineEntry } from './schema';

/**
 * What reading a timeline found for each entry's Y.Map, kept until that map changes, so reading
 * an incident of 10,000 entries after one new line checks one entry instead of all of them.
 * `null` records an entry that could not be read (left out, with its problem).
 */
export interface TimelineReadCache {
  get(entry: Y.Map<unknown>): TimelineEntry | null | undefined;
  set(entry: Y.Map<unknown>, read: TimelineEntry | null): void;
  /** Stop following the document. */
  dispose(): void;
}

/**
 * A read cache for one document's timeline entries: every transaction that changes an entry's
 * map (an edit, a strike, a peer's update) drops what was read for it. Entries are kept by their
 * Y.Map, so an entry removed from the document is forgotten with it.
 * @param doc - the incident's document
 */
export function createTimelineReadCache(doc: Y.Doc): TimelineReadCache {
  let reads = new WeakMap<Y.Map<unknown>, TimelineEntry | null>();
  const forget = (transaction: Y.Transaction): void => {
    for (const type of transaction.changed.keys()) {
      if (type instanceof Y.Map) reads.delete(type);
    }
  };
  doc.on('afterTransaction', forget);
  return {
    get: (entry) => reads.get(entry),
    set: (entry, read) => {
      reads.set(entry, read);
    },
    dispose: () => {
      doc.off('afterTransaction', forget);
      reads = new WeakMap();
    },
  };
}
