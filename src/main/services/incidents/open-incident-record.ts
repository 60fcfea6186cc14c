import { isIncidentCreated } from '../../../shared/incident/read-incident';
import type { AppLog } from '../app/app-log';
import type { Clock } from '../clock/clock';
import { JournalFormatError, type openJournal } from '../journal/journal';
import { openIncidentJournal } from './open-incident-journal';
import { PersistedIncident } from './persisted-incident';
import {
  partialReplayNotice,
  recoveryNotice,
  unreadableMessage,
  type RecordNotice,
} from './record-problem-text';
import { replayIncident } from './replay-incident';

/** The journal opener, replaceable so tests can make writes fail. */
export type OpenJournal = typeof openJournal;

/** What opening one incident's record found. */
export type OpenedIncidentRecord =
  /** The incident, with what had to be repaired or could not be replayed. */
  | { kind: 'ok'; incident: PersistedIncident; notices: RecordNotice[] }
  /** A record with nothing in it (a declaration that crashed before its first write). */
  | { kind: 'empty' }
  /** Could not be opened; its files were not changed (unless not ours: then moved aside). */
  | { kind: 'unreadable'; message: string; keptAs?: string };

/** What {@link openIncidentRecord} needs. */
export interface OpenIncidentRecordOptions {
  clock: Clock;
  log: AppLog;
  openJournal?: OpenJournal;
  compactAfterRecords?: number;
}

/**
 * Open one incident's journal and rebuild its document, checking what a person would otherwise
 * not notice: a repaired tail, updates Yjs left pending, records it could not read, a record
 * that holds no incident. One incident's failure is reported, never thrown, so the others open.
 * @param dir - the incidents directory
 * @param id - the incident id (its files' name)
 * @param options - clock (quarantine names), log, and the journal opener
 */
export async function openIncidentRecord(
  dir: string,
  id: string,
  options: OpenIncidentRecordOptions,
): Promise<OpenedIncidentRecord> {
  const { log } = options;
  let opening;
  try {
    opening = await openIncidentJournal(dir, id, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const unreadable: OpenedIncidentRecord = {
      kind: 'unreadable',
      message: unreadableMessage(id, reason),
    };
    if (error instanceof JournalFormatError && error.keptAs !== undefined) {
      unreadable.keptAs = error.keptAs;
    }
    return unreadable;
  }
  const { journal, opened } = opening;
  const notices: RecordNotice[] = [];
  if (opened.recovery) notices.push(recoveryNotice(id, opened.recovery));
  const replay = replayIncident(id, opened);
  const partial = partialReplayNotice(id, replay.pending, replay.failedRecords);
  if (partial) notices.push(partial);

  const giveUp = async (reason: string): Promise<OpenedIncidentRecord> => {
    await journal.close();
    replay.doc.destroy();
    const unreadable: OpenedIncidentRecord = {
      kind: 'unreadable',
      message: unreadableMessage(id, [reason, ...notices.map((n) => n.warning)].join(' ')),
    };
    const keptAs = notices.find((n) => n.keptAs !== undefined)?.keptAs;
    if (keptAs !== undefined) unreadable.keptAs = keptAs;
    return unreadable;
  };

  if (!isIncidentCreated(replay.doc)) {
    if (opened.snapshot === undefined && opened.records.length === 0 && !opened.recovery) {
      await journal.close();
      replay.doc.destroy();
      return { kind: 'empty' };
    }
    return giveUp('Its record holds no incident.');
  }
  const warning = notices.map((notice) => notice.warning).join(' ');
  let incident: PersistedIncident;
  try {
    // Reads the incident once: a record that cannot be read as one fails here.
    incident = new PersistedIncident({
      id,
      doc: replay.doc,
      journal,
      records: opened.records.length,
      warning: warning === '' ? undefined : warning,
      compactAfterRecords: options.compactAfterRecords,
      log,
    });
  } catch (error) {
    return giveUp(
      `Its record cannot be read as an incident: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const inside = incident.view().incident.id;
  if (inside !== id) {
    await incident.close();
    return giveUp(`Its record holds incident ${inside}; was the file renamed?`);
  }
  return { kind: 'ok', incident, notices };
}
