import type { IncidentSnapshot, SourceAlertSnapshot } from './schema';
import { readStatusUpdateEntry } from './status-update-entry';

/*
 * Closure items the app can judge from what it already knows, so a ticked "alerts clear" next to
 * two firing alerts, or "stable for an hour" ticked a minute after the fix, does not pass without
 * a word. People still tick the items; the judgement is shown beside each.
 */

/** How long the incident must have been stable, since mitigation, before closing (minutes). */
export const STABLE_FOR_MINUTES = 60;

/** The app's view of one closure item: met or not, and why, in a sentence a person checks. */
export interface ClosureJudgement {
  met: boolean;
  why: string;
}

/** Ids of the closure items the app judges (the product's default closure checklist). */
export const JUDGED_CLOSURE_ITEMS = {
  fixVerified: 'closure.fix-verified',
  stable: 'closure.stable',
  stakeholders: 'closure.stakeholders',
  statusPage: 'closure.status-page',
  actionItems: 'closure.action-items',
} as const;

/**
 * The incident's alerts that are not clear at their source: firing (or firing again), or
 * silenced there, by what the incident recorded of them.
 * @param alerts - the incident's source alerts
 */
export function alertsNotClear(alerts: readonly SourceAlertSnapshot[]): SourceAlertSnapshot[] {
  return alerts.filter((alert) => alert.recorded?.state !== 'resolved');
}

/**
 * `2 linked alerts still fire: HighErrorRate, HighLatency` (silenced ones say so).
 * @param alerts - alerts that are not clear, from {@link alertsNotClear}
 */
export function describeAlertsNotClear(alerts: readonly SourceAlertSnapshot[]): string {
  const names = alerts.map((alert) => {
    const name = alert.labels.alertname?.trim() || alert.title;
    return alert.recorded?.state === 'suppressed' ? `${name} (silenced)` : name;
  });
  const count =
    alerts.length === 1
      ? '1 linked alert still fires'
      : `${alerts.length} linked alerts still fire`;
  return `${count}: ${names.join(', ')}`;
}

function minutesWords(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

function fixVerified(incident: IncidentSnapshot): ClosureJudgement | undefined {
  if (incident.sourceAlerts.length === 0) return undefined;
  const open = alertsNotClear(incident.sourceAlerts);
  if (open.length > 0) return { met: false, why: describeAlertsNotClear(open) };
  const count = incident.sourceAlerts.length;
  return {
    met: true,
    why: count === 1 ? 'its alert has resolved' : `all ${count} linked alerts have resolved`,
  };
}

function stable(incident: IncidentSnapshot, nowMs: number): ClosureJudgement {
  const since = incident.times.mitigatedAt ?? incident.times.resolvedAt;
  if (since === undefined) return { met: false, why: 'not mitigated yet' };
  const minutes = Math.max(0, Math.floor((nowMs - Date.parse(since)) / 60_000));
  const word = incident.times.mitigatedAt === undefined ? 'resolved' : 'mitigated';
  if (minutes >= STABLE_FOR_MINUTES) {
    return { met: true, why: `${word} ${minutesWords(minutes)} ago` };
  }
  return {
    met: false,
    why: `${word} ${minutesWords(minutes)} ago; an hour is up in ${minutesWords(STABLE_FOR_MINUTES - minutes)}`,
  };
}

function postedUpdates(incident: IncidentSnapshot) {
  return incident.timeline.flatMap((entry) => {
    if (entry.kind !== 'update') return [];
    const labels = readStatusUpdateEntry(entry.text);
    return labels === undefined ? [] : [labels];
  });
}

function stakeholders(incident: IncidentSnapshot): ClosureJudgement {
  const resolved = postedUpdates(incident).filter(
    (u) => u.phase === 'resolved' || u.audience === 'resolution',
  );
  if (resolved.length === 0) {
    return { met: false, why: 'no update saying it is resolved has been posted' };
  }
  return {
    met: true,
    why: resolved.some((u) => u.audience === 'resolution')
      ? 'a resolution notice was posted'
      : 'an update saying it is resolved was posted',
  };
}

function statusPage(incident: IncidentSnapshot): ClosureJudgement {
  const posted = postedUpdates(incident).some(
    (u) => u.audience === 'status-page' && u.phase === 'resolved',
  );
  return posted
    ? { met: true, why: 'a status page update saying resolved was posted' }
    : { met: false, why: 'no status page update saying resolved has been posted' };
}

function actionItems(incident: IncidentSnapshot): ClosureJudgement {
  const items = incident.actionItems;
  if (items.length === 0) return { met: true, why: 'no action items recorded' };
  const unowned = items.filter((item) => item.owner === undefined);
  if (unowned.length === 0) {
    return {
      met: true,
      why:
        items.length === 1 ? 'its action item has an owner' : `all ${items.length} have an owner`,
    };
  }
  const count = unowned.length === 1 ? '1 has no owner' : `${unowned.length} have no owner`;
  return { met: false, why: `${count}: ${unowned.map((item) => item.text).join('; ')}` };
}

/**
 * The app's judgement of each closure item it can check, by item id: linked alerts clear, an
 * hour since mitigation, a resolved update (and one on the status page) posted, every action
 * item owned. Items it cannot judge (the root cause is understood) are left out, as is "alerts
 * clear" on an incident declared without alerts.
 * @param incident - the incident as read
 * @param nowMs - the current moment
 */
export function judgeClosure(
  incident: IncidentSnapshot,
  nowMs: number,
): ReadonlyMap<string, ClosureJudgement> {
  const judged = new Map<string, ClosureJudgement>();
  const fix = fixVerified(incident);
  if (fix !== undefined) judged.set(JUDGED_CLOSURE_ITEMS.fixVerified, fix);
  judged.set(JUDGED_CLOSURE_ITEMS.stable, stable(incident, nowMs));
  judged.set(JUDGED_CLOSURE_ITEMS.stakeholders, stakeholders(incident));
  judged.set(JUDGED_CLOSURE_ITEMS.statusPage, statusPage(incident));
  judged.set(JUDGED_CLOSURE_ITEMS.actionItems, actionItems(incident));
  return judged;
}
