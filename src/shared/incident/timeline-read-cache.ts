import * as Y from 'yjs';
import { incidentTypes } from './doc-layout';
import type { TimelineEntry } from './schema';

/** A whole reading of the timeline, with the entry read from each Y.Map. */
export interface TimelineReading {
  /** The timeline, sorted as it is shown. */
  readonly entries: readonly TimelineEntry[];
  /** The entry each map gave in {@link TimelineReading.entries}. */
  readonly byMap: WeakMap<Y.Map<unknown>, TimelineEntry>;
}

/** What changed on the timeline since the reading it was last told about. */
export interface TimelineChangesSince {
  readonly previous: TimelineReading;
  /** Entry maps appended or inserted since, in document order. */
  readonly added: readonly Y.Map<unknown>[];
  /** Entry maps of `previous` that changed since (edits, strikes, a peer's update). */
  readonly changed: readonly Y.Map<unknown>[];
}

/**
 * What reading a timeline found for each entry's Y.Map, kept until that map changes, so reading
 * an incident of 10,000 entries after one new line checks one entry instead of all of them.
 * `null` records an entry that could not be read (left out, with its problem).
 */
export interface TimelineReadCache {
  get(entry: Y.Map<unknown>): TimelineEntry | null | undefined;
  set(entry: Y.Map<unknown>, read: TimelineEntry | null): void;
  /**
   * The last reading told by {@link TimelineReadCache.remember} and what changed since, so the
   * next reading only places those entries (no walk nor sort of the other 10,000); undefined
   * when it must be read whole (none yet, or an entry left the timeline or is not a map).
   * Either way, what changed is forgotten: the caller reads, then remembers the result.
   */
  takeChanges(): TimelineChangesSince | undefined;
  /**
   * The timeline as now read, for {@link TimelineReadCache.takeChanges}; undefined when it had
   * unreadable entries (their problems name positions, so it is read whole again).
   */
  remember(reading: TimelineReading | undefined): void;
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
  const timeline = incidentTypes(doc).timeline;
  let last: TimelineReading | undefined;
  let added: Y.Map<unknown>[] = [];
  let changed = new Set<Y.Map<unknown>>();
  let whole = true;

  const forget = (transaction: Y.Transaction): void => {
    for (const type of transaction.changed.keys()) {
      if (!(type instanceof Y.Map)) continue;
      reads.delete(type);
      if (type.parent === timeline) changed.add(type);
    }
    if (!transaction.changed.has(timeline)) return;
    // Entries made or removed in this transaction. Not the array event's `changes`: that walks
    // every entry of the timeline, this only what the transaction wrote.
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && struct.parent === timeline) whole = true;
    });
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0;
      if (after <= before) continue;
      const structs = doc.store.clients.get(client) ?? [];
      for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
        const struct = structs[i];
        if (!(struct instanceof Y.Item) || struct.parent !== timeline || struct.deleted) continue;
        if (struct.content instanceof Y.ContentType && struct.content.type instanceof Y.Map) {
          added.push(struct.content.type);
        } else whole = true;
      }
    }
  };
  doc.on('afterTransaction', forget);
  return {
    get: (entry) => reads.get(entry),
    set: (entry, read) => {
      reads.set(entry, read);
    },
    takeChanges() {
      const since = { added, changed };
      const reset = (): undefined => {
        added = [];
        changed = new Set();
        whole = false;
        return undefined;
      };
      const previous = last;
      if (whole || previous === undefined) return reset();
      reset();
      // A map added since is read as added, even if it also changed after.
      const fresh = new Set(since.added);
      const known: Y.Map<unknown>[] = [];
      for (const map of since.changed) {
        if (previous.byMap.has(map)) known.push(map);
        else if (!fresh.has(map)) return undefined;
      }
      return { previous, added: since.added, changed: known };
    },
    remember(reading) {
      last = reading;
      if (reading === undefined) whole = true;
    },
    dispose: () => {
      doc.off('afterTransaction', forget);
      reads = new WeakMap();
      last = undefined;
    },
  };
}
