/**
 * How an acknowledgement looks as an Alertmanager silence, so the app can tell one from any
 * other silence when it reads them back.
 *
 * karma's "acknowledge" writes silences whose comment starts with `ACK!` (its default comment is
 * "ACK! This alert was acknowledged using karma on %NOW%", and kthxbye, which keeps such silences
 * alive while their alerts fire, matches that prefix). The app writes the same prefix, so karma
 * users and kthxbye see its acknowledgements as acknowledgements too, followed by words that say
 * where it came from.
 */

/** The prefix karma (and kthxbye) give acknowledgement silences. */
export const KARMA_ACK_PREFIX = 'ACK!';

/** How every acknowledgement silence made by this app starts. */
export const APP_ACK_PREFIX = `${KARMA_ACK_PREFIX} Acknowledged in On-Call Companion`;

/**
 * The comment of an acknowledgement silence made in the app.
 * @param actor - who acknowledged
 */
export function ackComment(actor: string): string {
  return `${APP_ACK_PREFIX} by ${actor}`;
}

/**
 * True when a silence's comment marks it as an acknowledgement (made here or in karma).
 * @param comment - the silence's comment
 */
export function isAckComment(comment: string): boolean {
  return comment.trimStart().startsWith(KARMA_ACK_PREFIX);
}

/**
 * True when a silence's comment says it was made by this app's acknowledge.
 * @param comment - the silence's comment
 */
export function isAppAckComment(comment: string): boolean {
  return comment.trimStart().startsWith(APP_ACK_PREFIX);
}
