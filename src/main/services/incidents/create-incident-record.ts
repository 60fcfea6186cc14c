import * as Y from 'yjs';
import { IncidentStoreError } from './incident-store-error';
import { openIncidentJournal } from './open-incident-journal';
import type { OpenIncidentRecordOptions } from './open-incident-record';
import { PersistedIncident } from './persisted-incident';
import { REPLAY_ORIGIN } from './replay-incident';

/**
 * Start the record of a new incident: a new journal whose first record is the whole declared
 * incident, durable before the incident exists anywhere else.
 * @param dir - the incidents directory
 * @param id - the new incident's id; refused if a record with that id holds anything
 * @param first - the declared incident as one Yjs update
 * @param options - clock, log and the journal opener
 * @throws IncidentStoreError `unavailable` when the record cannot be written
 */
export async function createIncidentRecord(
  dir: string,
  id: string,
  first: Uint8Array,
  options: OpenIncidentRecordOptions,
): Promise<PersistedIncident> {
  const { log } = options;
  let opening;
  try {
    opening = await openIncidentJournal(dir, id, options);
  } catch (error) {
    throw new IncidentStoreError('unavailable', notSaved(id, error));
  }
  const { journal, opened } = opening;
  try {
    if (opened.snapshot !== undefined || opened.records.length > 0 || opened.recovery) {
      throw new IncidentStoreError(
        'unavailable',
        `A record for incident ${id} already exists on disk; it was left alone. Declare again.`,
      );
    }
    await journal.append(first);
  } catch (error) {
    await journal.close().catch(() => {});
    if (error instanceof IncidentStoreError) throw error;
    throw new IncidentStoreError('unavailable', notSaved(id, error));
  }
  const doc = new Y.Doc({ guid: id });
  Y.applyUpdate(doc, first, REPLAY_ORIGIN);
  return new PersistedIncident({
    id,
    doc,
    journal,
    records: 1,
    compactAfterRecords: options.compactAfterRecords,
    log,
  });
}

function notSaved(id: string, error: unknown): string {
  return (
    `Incident ${id} could not be saved to disk ` +
    `(${error instanceof Error ? error.message : String(error)}), so it was not declared.`
  );
}
