import { readdir } from 'node:fs/promises';
import { isCode } from './durable-fs';
import { isValidDocId, JOURNAL_SUFFIX, SNAPSHOT_SUFFIX } from './journal-paths';

/**
 * The ids of the documents that have a journal or a snapshot in `dir`, sorted. Temp and
 * quarantine files are not documents.
 * @param dir - the journal directory; a missing one holds no documents
 */
export async function listJournals(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
  const ids = new Set<string>();
  for (const name of names) {
    for (const suffix of [JOURNAL_SUFFIX, SNAPSHOT_SUFFIX]) {
      if (!name.endsWith(suffix)) continue;
      const id = name.slice(0, -suffix.length);
      if (isValidDocId(id)) ids.add(id);
    }
  }
  return [...ids].sort();
}
