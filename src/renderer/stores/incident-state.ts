import { mergeTimeline } from '../../shared/incident/timeline-diff';
import type { IncidentPatch, VersionedIncidentView } from '../../shared/ipc/incident-patch-schemas';
import type { IncidentList, IncidentView } from '../../shared/ipc/incident-schemas';

/** The incidents as the UI knows them: the list, and the one incident open in the view. */
export interface IncidentState {
  /** Undefined until the first list arrived. */
  list: IncidentList | undefined;
  /** Why the list could not be loaded, if it could not. */
  listError: string | undefined;
  /** The incident the view shows (its id), whether or not it has arrived yet. */
  shownId: string | undefined;
  /** That incident, once loaded; always the one named by `shownId`. */
  shown: IncidentView | undefined;
  /** Why it could not be loaded, if it could not. */
  shownError: string | undefined;
  /**
   * The version of `shown` that `incident:patched` pushes go on from; undefined when it came
   * whole without one (declared, alerts attached), so the next patch loads it again.
   */
  shownVersion: number | undefined;
  /**
   * Bumped by every change, so an answer to a call that started before a newer event does not
   * overwrite the event (the same rule as the app store).
   */
  revision: number;
  /** Revision at which the list last changed. */
  listRevision: number;
  /** Revision at which the shown incident last changed. */
  shownRevision: number;
}

/** Nothing loaded, nothing shown. */
export function initialIncidentState(): IncidentState {
  return {
    list: undefined,
    listError: undefined,
    shownId: undefined,
    shown: undefined,
    shownError: undefined,
    shownVersion: undefined,
    revision: 0,
    listRevision: 0,
    shownRevision: 0,
  };
}

/**
 * Apply an `incidents:changed` event: it carries the whole list.
 * @param state - the current state
 * @param list - the event's payload
 */
export function applyIncidentList(state: IncidentState, list: IncidentList): IncidentState {
  const revision = state.revision + 1;
  return { ...state, list, listError: undefined, revision, listRevision: revision };
}

/**
 * Apply the answer to `incidents:list`, unless an event changed the list after the call started.
 * @param state - the current state
 * @param list - the answer
 * @param startedAt - `state.revision` when the call was made
 */
export function applyIncidentListAnswer(
  state: IncidentState,
  list: IncidentList,
  startedAt: number,
): IncidentState {
  if (state.listRevision > startedAt) return state;
  return applyIncidentList(state, list);
}

/**
 * Apply an `incident:changed` event: replaces the shown incident when it is that one; any other
 * incident's change reaches the UI through the list.
 * @param state - the current state
 * @param view - the event's payload
 */
export function applyIncidentChanged(state: IncidentState, view: IncidentView): IncidentState {
  if (view.incident.id !== state.shownId) return state;
  const revision = state.revision + 1;
  return {
    ...state,
    shown: view,
    shownError: undefined,
    shownVersion: undefined,
    revision,
    shownRevision: revision,
  };
}

/**
 * Apply an `incident:load` answer: the incident whole at a version. Dropped for another incident,
 * or when patches already took the shown one past that version.
 * @param state - the current state
 * @param view - the answer
 */
export function applyVersionedIncident(
  state: IncidentState,
  view: VersionedIncidentView,
): IncidentState {
  if (view.incident.id !== state.shownId) return state;
  if (state.shownVersion !== undefined && view.version < state.shownVersion) return state;
  const { version, ...whole } = view;
  const revision = state.revision + 1;
  return {
    ...state,
    shown: whole,
    shownError: undefined,
    shownVersion: version,
    revision,
    shownRevision: revision,
  };
}

/**
 * Merge an `incident:patched` push into the shown incident: the timeline keeps every unchanged
 * entry object, so only the rows of changed entries render again.
 * @param state - the current state
 * @param patch - the push
 * @returns the new state, and `gap` when the patch does not follow the version held (a push was
 *   missed, or the incident came whole without a version): then load the incident again
 */
export function applyIncidentPatch(
  state: IncidentState,
  patch: IncidentPatch,
): { state: IncidentState; gap: boolean } {
  if (patch.id !== state.shownId || state.shown === undefined) return { state, gap: false };
  const held = state.shownVersion;
  if (held !== undefined && patch.version <= held) return { state, gap: false };
  if (held === undefined || patch.base !== held) return { state, gap: true };
  const timeline = mergeTimeline(state.shown.incident.timeline, patch.timeline);
  const shown: IncidentView = {
    incident: { ...patch.incident, timeline: timeline as IncidentView['incident']['timeline'] },
  };
  if (patch.warning !== undefined) shown.warning = patch.warning;
  const revision = state.revision + 1;
  return {
    state: {
      ...state,
      shown,
      shownError: undefined,
      shownVersion: patch.version,
      revision,
      shownRevision: revision,
    },
    gap: false,
  };
}

/**
 * Apply an answer that carries the incident (`incident:get`, `incident:apply`): dropped when the
 * view moved on to another incident, or when an `incident:changed` event arrived after the call
 * started (main sends that event once the change is on disk, so it is at least as new).
 * @param state - the current state
 * @param view - the answer
 * @param startedAt - `state.revision` when the call was made
 */
export function applyIncidentAnswer(
  state: IncidentState,
  view: IncidentView,
  startedAt: number,
): IncidentState {
  if (view.incident.id !== state.shownId || state.shownRevision > startedAt) return state;
  return applyIncidentChanged(state, view);
}

/**
 * Show another incident (or none): what was loaded for the previous one is dropped, so the view
 * never shows one incident under another's id.
 * @param state - the current state
 * @param id - the incident to show
 */
export function showIncident(state: IncidentState, id: string | undefined): IncidentState {
  if (id === state.shownId) return state;
  return {
    ...state,
    shownId: id,
    shown: undefined,
    shownError: undefined,
    shownVersion: undefined,
    revision: state.revision + 1,
  };
}

/**
 * How many incidents are not closed yet, for the header.
 * @param list - the list, if loaded
 */
export function openIncidentCount(list: IncidentList | undefined): number {
  return list?.incidents.filter((incident) => incident.status !== 'closed').length ?? 0;
}

/**
 * The earliest status update owed by any incident not closed, for the header: the one that
 * needs the user first, whichever view they are on.
 * @param list - the incident list, if loaded
 */
export function earliestUpdateDue(list: IncidentList | undefined): string | undefined {
  let earliest: string | undefined;
  for (const incident of list?.incidents ?? []) {
    const due = incident.nextUpdateDueAt;
    if (incident.status === 'closed' || due === undefined) continue;
    if (earliest === undefined || Date.parse(due) < Date.parse(earliest)) earliest = due;
  }
  return earliest;
}
