import type { Alert } from '../../shared/domain/alert';
import { sortAlerts } from '../../shared/domain/alert-order';
import type { SourceStatus } from '../../shared/domain/source';
import type {
  EventPayload,
  InvokeResponse,
  RunbookList,
  SettingsView,
} from '../../shared/ipc/contract';
import type { PresenceView } from '../../shared/sync/presence';
import type { SyncView } from '../../shared/sync/sync-view';
import type { ConnectionState } from '../bridge/connection-state';

/** Which shell, which version, where the state lives. */
export type AppInfo = InvokeResponse<'app:info'>;

/** Everything the UI shows that comes from the app. */
export interface AppState {
  info: AppInfo | undefined;
  /** In list order (sortAlerts). */
  alerts: readonly Alert[];
  alertsLoaded: boolean;
  sources: readonly SourceStatus[];
  sourcesLoaded: boolean;
  settings: SettingsView | undefined;
  /** The runbook folder and its runbooks (summaries); undefined until first loaded. */
  runbooks: RunbookList | undefined;
  /** Team sync: its state and the team's incidents; undefined until first loaded. */
  sync: SyncView | undefined;
  /** Who else is in each shared incident; undefined until first loaded. */
  presence: PresenceView | undefined;
  /**
   * The last incident link the desktop opened (`oncall-companion://…`), numbered so the same
   * link opened twice is followed twice.
   */
  incidentLink: { link: string; seq: number } | undefined;
  connection: ConnectionState;
  /** Why the last full load failed, if it did. */
  loadError: string | undefined;
  /**
   * Bumped by every change, so an answer to a load that started before a newer event does not
   * overwrite the event (`alerts:list` answered after `alerts:changed` arrived).
   */
  revision: number;
  /** Revision at which the alert list last changed. */
  alertsRevision: number;
  /** Revision at which each source's status last changed. */
  sourceRevisions: Readonly<Record<string, number>>;
  /**
   * Revision at which the runbooks last changed. Views that asked the app about runbooks
   * (`runbook:get`, `runbooks:forAlert`) ask again when it moves.
   */
  runbooksRevision: number;
}

/** The state before anything arrived. */
export function initialAppState(connection: ConnectionState): AppState {
  return {
    info: undefined,
    alerts: [],
    alertsLoaded: false,
    sources: [],
    sourcesLoaded: false,
    settings: undefined,
    runbooks: undefined,
    sync: undefined,
    presence: undefined,
    incidentLink: undefined,
    connection,
    loadError: undefined,
    revision: 0,
    alertsRevision: 0,
    sourceRevisions: {},
    runbooksRevision: 0,
  };
}

/**
 * Apply an `alerts:changed` event: it carries the whole new list.
 * @param state - the current state
 * @param event - the event's payload
 */
export function applyAlertsChanged(
  state: AppState,
  event: EventPayload<'alerts:changed'>,
): AppState {
  const revision = state.revision + 1;
  return {
    ...state,
    alerts: sortAlerts(event.alerts),
    alertsLoaded: true,
    revision,
    alertsRevision: revision,
  };
}

/**
 * Apply the answer to `alerts:list`, unless an event changed the list after the call started.
 * @param state - the current state
 * @param alerts - the answer
 * @param startedAt - `state.revision` when the call was made
 */
export function applyAlertsList(
  state: AppState,
  alerts: readonly Alert[],
  startedAt: number,
): AppState {
  if (state.alertsRevision > startedAt) return state;
  const revision = state.revision + 1;
  return {
    ...state,
    alerts: sortAlerts(alerts),
    alertsLoaded: true,
    revision,
    alertsRevision: revision,
  };
}

/**
 * Apply a `source:status` event: replace that source's status, or add it at the end.
 * @param state - the current state
 * @param status - the event's payload
 */
export function applySourceStatus(state: AppState, status: SourceStatus): AppState {
  const revision = state.revision + 1;
  const index = state.sources.findIndex((s) => s.sourceId === status.sourceId);
  const sources =
    index === -1
      ? [...state.sources, status]
      : state.sources.map((s, i) => (i === index ? status : s));
  return {
    ...state,
    sources,
    revision,
    sourceRevisions: { ...state.sourceRevisions, [status.sourceId]: revision },
  };
}

/**
 * Apply the answer to `sources:list`: it decides which sources exist and their order; a source
 * whose status event arrived after the call started keeps that newer status.
 * @param state - the current state
 * @param sources - the answer
 * @param startedAt - `state.revision` when the call was made
 */
export function applySourcesList(
  state: AppState,
  sources: readonly SourceStatus[],
  startedAt: number,
): AppState {
  const revision = state.revision + 1;
  const sourceRevisions: Record<string, number> = {};
  const merged = sources.map((listed) => {
    const seen = state.sourceRevisions[listed.sourceId] ?? 0;
    const current = state.sources.find((s) => s.sourceId === listed.sourceId);
    if (current && seen > startedAt) {
      sourceRevisions[listed.sourceId] = seen;
      return current;
    }
    sourceRevisions[listed.sourceId] = revision;
    return listed;
  });
  return { ...state, sources: merged, sourcesLoaded: true, revision, sourceRevisions };
}

/**
 * Apply new settings (`settings:get`, `settings:update` or the `settings:changed` event).
 * @param state - the current state
 * @param view - the settings, their file and any problem
 */
export function applySettings(state: AppState, view: SettingsView): AppState {
  return { ...state, settings: view, revision: state.revision + 1 };
}

/**
 * Apply a `runbooks:changed` event: the whole new list.
 * @param state - the current state
 * @param list - the event's payload
 */
export function applyRunbooksChanged(state: AppState, list: RunbookList): AppState {
  const revision = state.revision + 1;
  return { ...state, runbooks: list, revision, runbooksRevision: revision };
}

/**
 * Apply the answer to `runbooks:list`, unless a `runbooks:changed` event arrived after the call
 * started (the answer may then describe the folder before the change).
 * @param state - the current state
 * @param list - the answer
 * @param startedAt - `state.revision` when the call was made
 */
export function applyRunbooksList(state: AppState, list: RunbookList, startedAt: number): AppState {
  if (state.runbooksRevision > startedAt) return state;
  return applyRunbooksChanged(state, list);
}
