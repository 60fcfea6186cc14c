import type { JournalRecovery } from '../journal/journal';

// The words a person reads about an incident's record on disk: the store's problem list and
// the incident's own warning say the same thing, once for the list and once on the incident.

/** What to tell about an incident whose record needed repair, or did not replay whole. */
export interface RecordNotice {
  /** What kind of trouble: part of the problem's id in the store's list. */
  kind: 'repaired' | 'partial';
  /** For the problem list: names the incident. */
  problem: string;
  /** For the incident itself. */
  warning: string;
  keptAs?: string;
}

/**
 * The notice for a journal that opening had to repair.
 * @param id - the incident
 * @param recovery - what the journal reported
 */
export function recoveryNotice(id: string, recovery: JournalRecovery): RecordNotice {
  const keptAs = recovery.quarantinedAs;
  // A torn or damaged tail is the common case (a crash mid-write): only the last change(s) are
  // lost, and the journal kept them byte for byte. Snapshot trouble means more may be missing,
  // so the journal's own, more detailed account is passed on.
  const tailOnly =
    recovery.droppedBytes > 0 && keptAs !== undefined && !/snapshot/i.test(recovery.reason ?? '');
  if (tailOnly) {
    const what = (where: string) =>
      `the end of its record on disk was damaged, most likely by a crash while saving: the last ` +
      `${recovery.droppedBytes} bytes were ${where}, and everything before them is intact. ` +
      'The last change made before the crash may be missing.';
    return {
      kind: 'repaired',
      // The list shows `keptAs` on its own line; the incident's warning has no such line.
      problem: `Incident ${id}: ${what('kept aside')}`,
      warning: capitalise(what(`kept as ${keptAs}`)),
      keptAs,
    };
  }
  const what = `its record on disk needed repair and part of it may be missing. ${recovery.reason ?? ''}`;
  const notice: RecordNotice = {
    kind: 'repaired',
    problem: `Incident ${id}: ${what}`.trim(),
    warning: capitalise(what).trim(),
  };
  if (keptAs !== undefined) notice.keptAs = keptAs;
  return notice;
}

/**
 * The notice for a record that replayed only in part.
 * @param id - the incident
 * @param pending - Yjs kept updates pending (a dependency is missing from the record)
 * @param failedRecords - records Yjs could not read at all
 */
export function partialReplayNotice(
  id: string,
  pending: boolean,
  failedRecords: number,
): RecordNotice | undefined {
  const parts: string[] = [];
  if (pending) {
    parts.push(
      'some changes in its record depend on changes the record does not have, so they are not ' +
        'shown (a known Yjs gap: yjs#405, yjs#550); they stay on disk and appear once the ' +
        'missing changes arrive from a teammate',
    );
  }
  if (failedRecords > 0) {
    parts.push(
      `${failedRecords} change(s) in its record could not be read and are not shown; they stay on disk untouched`,
    );
  }
  if (parts.length === 0) return undefined;
  const what = `${parts.join('; and ')}.`;
  return {
    kind: 'partial',
    problem: `Incident ${id}: ${what}`,
    warning: `This incident may be incomplete: ${what}`,
  };
}

/**
 * The message for a record that could not be opened at all.
 * @param id - the incident
 * @param reason - why, as the journal or the reader said it, including what was left where
 */
export function unreadableMessage(id: string, reason: string): string {
  return `Incident ${id} could not be opened, so it is not listed; no other incident is affected. ${reason}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
