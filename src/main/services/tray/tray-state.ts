import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { doNotDisturbAt, type SchedulerState } from '../../../shared/escalation/scheduler-state';
import type { IncidentSummary } from '../../../shared/ipc/incident-schemas';
import {
  escalationFired,
  hasActiveIncident,
  unacknowledgedFiring,
  type TrayInput,
} from './tray-model';

/** Where the tray's state comes from: the services' own state, read when it changes. */
export interface TrayStateDeps {
  /** Every alert as the sources report it now. */
  alerts: () => readonly Alert[];
  /** The escalation scheduler's state: fired steps and do-not-disturb. */
  scheduler: () => Pick<SchedulerState, 'deadlines' | 'doNotDisturb'>;
  /** The incidents, undefined until the store has read them. */
  incidents: () => readonly Pick<IncidentSummary, 'status'>[] | undefined;
  /** The settings that name the severities and choose each alert's escalation policy. */
  settings: () => Pick<Settings, 'severityScale' | 'escalation'>;
  /** "On call: Ana (primary)" from the schedules; no line while absent. */
  onCallNow?: () => string | undefined;
}

/**
 * What the tray shows now, from the real service state: the alerts firing unacknowledged,
 * escalating when one of their escalation steps has fired, an incident open, do-not-disturb.
 * @param deps - the services' state
 * @param now - the time (do-not-disturb may have ended)
 */
export function currentTrayInput(deps: TrayStateDeps, now: Date): TrayInput {
  const all = deps.alerts();
  const alerts = unacknowledgedFiring(all);
  const ids = new Set(alerts.map((a) => a.id));
  const settings = deps.settings();
  const state = deps.scheduler();
  const dnd = doNotDisturbAt(state, now);
  const onCall = deps.onCallNow?.();
  return {
    alerts,
    escalating: escalationFired(
      state.deadlines,
      all.filter((a) => ids.has(a.id)),
      settings.escalation,
    ),
    incident: hasActiveIncident(deps.incidents() ?? []),
    doNotDisturb: dnd
      ? { on: true, ...(state.doNotDisturb?.until ? { until: state.doNotDisturb.until } : {}) }
      : { on: false },
    ...(onCall ? { onCall } : {}),
    severityScale: settings.severityScale,
  };
}
