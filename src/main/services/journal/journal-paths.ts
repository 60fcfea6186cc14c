import path from 'node:path';

/** The suffix of a document's journal file; `listJournals` looks for it. */
export const JOURNAL_SUFFIX = '.journal';
/** The suffix of a document's snapshot file. */
export const SNAPSHOT_SUFFIX = '.snapshot';

// Every file we write for a document ends in one of the two suffixes above or in something
// else entirely (`.tmp`, `.quarantine-…`, `.foreign-…`), so no document's files can be
// mistaken for another document's, whatever dots the ids contain.
const TEMP_SUFFIX = '.tmp';

/** Where the files of one document live. */
export interface JournalPaths {
  readonly dir: string;
  readonly journal: string;
  readonly journalTemp: string;
  readonly snapshot: string;
  readonly snapshotTemp: string;
}

// A document id becomes a file name: no separators, no leading dot (hidden files, `..`), and
// short enough for every file system once the longest suffix is added.
const DOC_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * True when `docId` can name a document's files.
 * @param docId - the document (incident) id
 */
export function isValidDocId(docId: string): boolean {
  return DOC_ID.test(docId);
}

/**
 * The files of a document.
 * @param dir - the journal directory
 * @param docId - the document id; refused unless it is a safe file name
 */
export function journalPaths(dir: string, docId: string): JournalPaths {
  if (!isValidDocId(docId)) {
    throw new RangeError(
      `Journal: "${docId}" cannot be a document id (letters, digits, ".", "_", "-"; not starting with a dot; at most 200).`,
    );
  }
  const base = path.join(dir, docId);
  return {
    dir,
    journal: `${base}${JOURNAL_SUFFIX}`,
    journalTemp: `${base}${JOURNAL_SUFFIX}${TEMP_SUFFIX}`,
    snapshot: `${base}${SNAPSHOT_SUFFIX}`,
    snapshotTemp: `${base}${SNAPSHOT_SUFFIX}${TEMP_SUFFIX}`,
  };
}
