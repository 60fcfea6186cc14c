import type { Alert } from '../../../shared/domain/alert';
import { diffAlerts, isEmptyDiff, type AlertDiff } from '../../../shared/domain/alert-diff';

/** How long a resolved alert stays in the list after it ended, so the user sees it ended. */
export const KEEP_RESOLVED_MS = 60 * 60 * 1000;

/** One source's alerts after a poll, and what changed. */
export interface SnapshotStep {
  readonly snapshot: ReadonlyMap<string, Alert>;
  readonly diff: AlertDiff;
  /** True when the list the user sees changed (a diff, or resolved alerts aged out). */
  readonly listChanged: boolean;
}

/**
 * Fold a successful poll into a source's snapshot. Alerts that vanished from the source are
 * kept as resolved for {@link KEEP_RESOLVED_MS} after they ended.
 * @param previous - the snapshot so far, keyed by alert id
 * @param fetched - what the source returned now
 * @param now - the time of the poll
 */
export function advanceSnapshot(
  previous: ReadonlyMap<string, Alert>,
  fetched: readonly Alert[],
  now: Date,
): SnapshotStep {
  // Diff against the open alerts only: an alert that fires again after it resolved is news
  // to the person on call (added), not a quiet change to an old entry.
  const open = new Map<string, Alert>();
  for (const [id, alert] of previous) if (alert.status !== 'resolved') open.set(id, alert);
  const diff = diffAlerts(open, fetched, now);

  const next = new Map<string, Alert>();
  for (const [id, alert] of previous) if (alert.status === 'resolved') next.set(id, alert);
  for (const alert of fetched) {
    // Already over before we ever saw it open: nothing the user needs to hear about.
    if (alert.status === 'resolved' && !previous.has(alert.id)) continue;
    next.set(alert.id, alert);
  }
  for (const alert of diff.resolved) next.set(alert.id, alert);

  const snapshot = pruneResolved(next, now);
  return { snapshot, diff, listChanged: !isEmptyDiff(diff) || !sameIds(previous, snapshot) };
}

/**
 * Drop resolved alerts that ended more than {@link KEEP_RESOLVED_MS} ago.
 * @param snapshot - a source's alerts
 * @param now - the current time
 * @returns the same map when nothing aged out, else a new one
 */
export function pruneResolved(
  snapshot: ReadonlyMap<string, Alert>,
  now: Date,
): ReadonlyMap<string, Alert> {
  const cutoff = now.getTime() - KEEP_RESOLVED_MS;
  const expired = (alert: Alert) =>
    alert.status === 'resolved' &&
    Date.parse(alert.endsAt ?? alert.updatedAt ?? alert.startsAt) <= cutoff;
  if (![...snapshot.values()].some(expired)) return snapshot;
  return new Map([...snapshot].filter(([, alert]) => !expired(alert)));
}

/** Alerts still open (firing or suppressed) in a snapshot. */
export function countOpen(snapshot: ReadonlyMap<string, Alert>): number {
  let open = 0;
  for (const alert of snapshot.values()) if (alert.status !== 'resolved') open += 1;
  return open;
}

function sameIds(a: ReadonlyMap<string, Alert>, b: ReadonlyMap<string, Alert>): boolean {
  if (a.size !== b.size) return false;
  for (const id of a.keys()) if (!b.has(id)) return false;
  return true;
}
