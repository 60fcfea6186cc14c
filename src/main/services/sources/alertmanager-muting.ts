import type { Alert, AlertAck, AlertSilence } from '../../../shared/domain/alert';
import { isAckComment } from './alertmanager-ack-comment';
import type { GettableAlert } from './alertmanager-response';
import { toAlertSilence, type GettableSilence } from './alertmanager-silences';

/** What mutes an alert at its Alertmanager: its silences, an acknowledgement among them, inhibitions. */
export type AlertMuting = Pick<Alert, 'silences' | 'ack' | 'inhibitedBy'>;

/**
 * Who and what mutes an alert: its `silencedBy` ids looked up among the active silences (one map
 * lookup each), the acknowledgement among them (the one that lasts longest, when several), and
 * the alerts inhibiting it. Silenced and inhibited stay apart, so the list can say which.
 * @param status - the alert's status as Alertmanager sent it
 * @param silences - the active silences by id; undefined when they could not be read
 */
export function mutingOf(
  status: GettableAlert['status'],
  silences: ReadonlyMap<string, GettableSilence> | undefined,
): AlertMuting {
  const muting: AlertMuting = {};
  const inhibitedBy = status.inhibitedBy ?? [];
  if (inhibitedBy.length > 0) muting.inhibitedBy = [...inhibitedBy];
  const ids = status.silencedBy ?? [];
  if (ids.length === 0 || silences === undefined) return muting;
  const found: AlertSilence[] = [];
  // An id not in the list is a silence made between the two requests: the next poll has it.
  for (const id of ids) {
    const silence = silences.get(id);
    if (silence) found.push(toAlertSilence(silence));
  }
  if (found.length === 0) return muting;
  found.sort((a, b) => Date.parse(a.endsAt) - Date.parse(b.endsAt));
  muting.silences = found;
  const acks = found.filter((silence) => isAckComment(silence.comment));
  const ack = acks.at(-1);
  if (ack) muting.ack = ackOf(ack);
  return muting;
}

function ackOf(silence: AlertSilence): AlertAck {
  return {
    by: silence.createdBy,
    at: silence.startsAt,
    via: 'source',
    until: silence.endsAt,
    comment: silence.comment,
    ref: silence.id,
  };
}
