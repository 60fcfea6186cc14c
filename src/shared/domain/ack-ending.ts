import type { Alert } from './alert';

/**
 * How long before an acknowledgement lapses at its source the app surfaces the alert again:
 * 10 minutes, enough to extend it before the alert pages anyone (users forget acknowledgement
 * silences: prymitive/karma#6314).
 */
export const ACK_ENDING_SOON_MS = 10 * 60 * 1000;

/**
 * True when an alert's acknowledgement lapses at its source within {@link ACK_ENDING_SOON_MS}
 * while the alert still fires there, so the person can extend it in one action. False when it
 * has no end, already lapsed, the alert resolved, or another silence keeps it quiet for longer
 * (then the lapse changes nothing).
 * @param alert - the alert as its source reports it
 * @param now - the current time
 */
export function ackEndingSoon(alert: Alert, now: Date): boolean {
  const left = ackMsLeft(alert, now);
  return left !== undefined && left <= ACK_ENDING_SOON_MS;
}

/**
 * How long an alert's acknowledgement still holds, in milliseconds; undefined when it has no end
 * at its source, already lapsed, the alert resolved, or another silence outlasts it.
 * @param alert - the alert as its source reports it
 * @param now - the current time
 */
export function ackMsLeft(alert: Alert, now: Date): number | undefined {
  const { ack } = alert;
  if (ack?.until === undefined || alert.status === 'resolved') return undefined;
  const until = Date.parse(ack.until);
  const left = until - now.getTime();
  if (!(left > 0)) return undefined;
  const outlasted = (alert.silences ?? []).some(
    (silence) => silence.id !== ack.ref && Date.parse(silence.endsAt) > until,
  );
  return outlasted ? undefined : left;
}
