import type { Alert } from '../../../shared/domain/alert';
import { diffAlerts, isEmptyDiff, type AlertDiff } from '../../../shared/domain/alert-diff';

/** A source's alerts after a push, and what the push changed. */
export interface PushStep {
  readonly snapshot: ReadonlyMap<string, Alert>;
  readonly diff: AlertDiff;
  /** The ids the push decided, to keep a poll that started before it from undoing them. */
  readonly decided: readonly string[];
}

/**
 * Fold pushed alerts into a source's snapshot. Only the pushed alerts are touched: a push
 * carries one notification group, not the whole list, so an alert it leaves out is not gone.
 *
 * A pushed firing alert is added, or updates what the push knows of a known one (labels,
 * annotations, times) while keeping what only a poll can know (silences, acknowledgement,
 * inhibition, a suppressed state): the push has no field for them. A pushed resolved alert
 * resolves an open one; one never seen open is ignored, as a poll would.
 * @param previous - the snapshot so far, keyed by alert id
 * @param pushed - the alerts of one push, normalised
 * @param now - the time of the push
 */
export function foldPushedAlerts(
  previous: ReadonlyMap<string, Alert>,
  pushed: readonly Alert[],
  now: Date,
): PushStep {
  const before = new Map<string, Alert>();
  const after: Alert[] = [];
  const decided: string[] = [];
  for (const alert of pushed) {
    const known = previous.get(alert.id);
    const open = known !== undefined && known.status !== 'resolved';
    if (alert.status === 'resolved' && !open) continue;
    if (open) before.set(alert.id, known);
    decided.push(alert.id);
    after.push(alert.status === 'resolved' || !open ? alert : keepPollKnowledge(known, alert));
  }
  const diff = diffAlerts(before, after, now);
  if (isEmptyDiff(diff)) return { snapshot: previous, diff, decided };
  const snapshot = new Map(previous);
  for (const alert of after) snapshot.set(alert.id, alert);
  return { snapshot, diff, decided };
}

/**
 * The alerts of a poll, corrected for pushes that arrived after the poll started: for those,
 * the push is the newer word. Without this, a slow poll that began before an alert was pushed
 * would resolve it (it is not in the older list), and one that began before a pushed resolution
 * would announce the alert firing again.
 * @param fetched - what the poll returned
 * @param current - the snapshot now, holding the pushed alerts
 * @param newer - ids whose push arrived after the poll started
 */
export function overlayNewerPushes(
  fetched: readonly Alert[],
  current: ReadonlyMap<string, Alert>,
  newer: ReadonlySet<string>,
): Alert[] {
  if (newer.size === 0) return [...fetched];
  const result = fetched.filter((alert) => !newer.has(alert.id));
  for (const id of newer) {
    const pushed = current.get(id);
    // A resolved one stays in the snapshot as resolved by the snapshot's own rule.
    if (pushed && pushed.status !== 'resolved') result.push(pushed);
  }
  return result;
}

function keepPollKnowledge(known: Alert, pushed: Alert): Alert {
  return {
    ...pushed,
    status: known.status,
    ...(known.updatedAt !== undefined && { updatedAt: known.updatedAt }),
    ...(known.ack !== undefined && { ack: known.ack }),
    ...(known.silences !== undefined && { silences: known.silences }),
    ...(known.inhibitedBy !== undefined && { inhibitedBy: known.inhibitedBy }),
  };
}
