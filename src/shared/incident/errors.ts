/**
 * Why an incident operation was refused. The incident service maps these onto IPC errors:
 * `not-found` to `not-found`, everything else to `bad-request`.
 *
 * - `invalid`: the arguments do not fit their schema (`issues` lists each field);
 * - `bad-time`: a typed time could not be read, or lies in the future;
 * - `not-created`: the document holds no incident yet (not created, or not synced);
 * - `already-created`: `createIncident` on a document that already holds one;
 * - `not-found`: no role, checklist item, timeline entry or action item with that id;
 * - `read-only`: an entry written by an operation, which is corrected at its source instead;
 * - `not-reached`: a milestone time that cannot be corrected because it has not happened;
 * - `closure-incomplete`: closing while required closure items are open (`missing` lists them);
 * - `alerts-firing`: resolving or closing while linked alerts still fire, not confirmed.
 */
export type IncidentErrorCode =
  | 'invalid'
  | 'bad-time'
  | 'not-created'
  | 'already-created'
  | 'not-found'
  | 'read-only'
  | 'not-reached'
  | 'closure-incomplete'
  | 'alerts-firing';

/** A refused incident operation. Nothing was written to the document. */
export class IncidentOpError extends Error {
  /**
   * @param code - why it was refused
   * @param message - one sentence saying what was wrong and what to do
   * @param issues - field-by-field problems for `invalid`
   * @param missing - the open closure items for `closure-incomplete`
   */
  constructor(
    readonly code: IncidentErrorCode,
    message: string,
    readonly issues: readonly string[] = [],
    readonly missing: readonly { id: string; text: string }[] = [],
  ) {
    super(message);
    this.name = 'IncidentOpError';
  }
}
