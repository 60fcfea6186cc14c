import * as Y from 'yjs';
import type { OpenedJournal } from '../journal/journal';

/** The transaction origin of updates replayed from disk, so nothing mistakes them for edits. */
export const REPLAY_ORIGIN = 'incident-replay';

/** A document rebuilt from its journal, and what did not fit. */
export interface ReplayedIncident {
  doc: Y.Doc;
  /** How many records Yjs refused outright (they are still on disk, untouched). */
  failedRecords: number;
  /**
   * True when Yjs kept some updates pending: they depend on an update the record lacks, so
   * the document shows less than was written (yjs#405, yjs#550).
   */
  pending: boolean;
}

/**
 * Rebuild an incident's document: the snapshot, then every record in order, in one transaction
 * so observers and cleanup run once rather than once per record.
 * @param id - the incident id, used as the document's guid
 * @param opened - what the journal found on disk
 */
export function replayIncident(id: string, opened: OpenedJournal): ReplayedIncident {
  const doc = new Y.Doc({ guid: id });
  let failedRecords = 0;
  doc.transact(() => {
    for (const update of opened.snapshot ? [opened.snapshot, ...opened.records] : opened.records) {
      try {
        Y.applyUpdate(doc, update, REPLAY_ORIGIN);
      } catch {
        // A record passed its CRC but is not an update Yjs can read (a bug, or a newer Yjs
        // encoding). Skipped here and reported; it stays on disk for a later version.
        failedRecords++;
      }
    }
  }, REPLAY_ORIGIN);
  return { doc, failedRecords, pending: hasPendingUpdates(doc) };
}

/**
 * True when Yjs holds updates it could not integrate yet (missing dependencies). Yjs does not
 * say so on its own; a document in this state silently shows less than it was sent.
 * @param doc - any document
 */
export function hasPendingUpdates(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
