import type { Alert } from './alert';

/**
 * Where an alert stands for the person on call, finer than its source status: a suppressed
 * alert is `acknowledged` (someone took it), `silenced` (muted by a silence) or `inhibited`
 * (muted because another alert fires), so the three are told apart.
 */
export type AlertState = 'firing' | 'acknowledged' | 'silenced' | 'inhibited' | 'resolved';

/** Every {@link AlertState}, in the order the state filter offers them. */
export const ALERT_STATES: readonly AlertState[] = [
  'firing',
  'acknowledged',
  'silenced',
  'inhibited',
  'resolved',
];

/**
 * The alert's {@link AlertState}. An acknowledgement wins over the silence that carries it (an
 * Alertmanager acknowledgement is a silence); a silence made by anyone else says `silenced`.
 * @param alert - the alert
 */
export function alertState(alert: Alert): AlertState {
  if (alert.status === 'resolved') return 'resolved';
  if (alert.ack !== undefined) return 'acknowledged';
  if ((alert.silences?.length ?? 0) > 0) return 'silenced';
  if ((alert.inhibitedBy?.length ?? 0) > 0) return 'inhibited';
  return alert.status === 'suppressed' ? 'silenced' : 'firing';
}

/** How close to its end an acknowledgement is shown with "Extend": ten minutes. */
export const ACK_ENDING_SOON_MS = 10 * 60_000;

/**
 * True when the alert's acknowledgement lapses within {@link ACK_ENDING_SOON_MS} (or has just
 * lapsed) while the alert has not resolved: the moment to offer one "Extend".
 * @param alert - the alert
 * @param now - epoch ms
 */
export function ackEndingSoon(alert: Alert, now: number): boolean {
  if (alert.status === 'resolved' || alert.ack?.until === undefined) return false;
  return Date.parse(alert.ack.until) - now <= ACK_ENDING_SOON_MS;
}
