import { createStore, type StoreApi } from 'zustand/vanilla';
import type { IncidentOp } from '../../shared/incident/apply-op';
import type { DeclareIncidentRequest, IncidentView } from '../../shared/ipc/incident-schemas';
import type { Bridge } from '../bridge/bridge';
import { errorMessage } from '../bridge/bridge-error';
import {
  applyIncidentAnswer,
  applyIncidentChanged,
  applyIncidentList,
  applyIncidentListAnswer,
  applyIncidentPatch,
  applyVersionedIncident,
  initialIncidentState,
  showIncident,
  type IncidentState,
} from './incident-state';

/** The incident store and what the UI does with incidents. */
export interface IncidentStore extends StoreApi<IncidentState> {
  actions: {
    /**
     * Show an incident (loads it) or none. Errors land in `shownError`, never thrown: the view
     * shows them where the incident would be.
     */
    show(id: string | undefined): Promise<void>;
    /**
     * Declare an incident; resolves once it is on disk, and it becomes the shown one.
     * @throws BridgeError with the reason when the app refuses (the dialog shows it)
     */
    declare(request: DeclareIncidentRequest): Promise<IncidentView>;
    /**
     * Change an incident. Resolves with the id of what was created, once on disk.
     * @throws BridgeError when refused, so the control the user used can say why
     */
    apply(id: string, op: IncidentOp): Promise<{ createdId?: string }>;
    /**
     * Add current alerts to an incident; resolves once on disk with how many were new to it (0:
     * all were on it already), and it becomes the shown one.
     * @throws BridgeError when refused (an alert no longer current, an unknown incident)
     */
    attachAlerts(id: string, alertIds: readonly string[]): Promise<{ added: number }>;
    /**
     * Hide one record problem from the list (the user has seen it); resolves once the app has.
     * @throws BridgeError when refused (no such problem: the list changed meanwhile)
     */
    dismissProblem(problemId: string): Promise<void>;
    /** Load the list and the shown incident again. */
    reload(): Promise<void>;
  };
}

/**
 * A store of incidents fed through `bridge`; empty until {@link connectIncidentStore} runs.
 * Kept apart from the app store so a failing incident service only ever affects incident views.
 * @param bridge - the app
 */
export function createIncidentStore(bridge: Pick<Bridge, 'invoke'>): IncidentStore {
  const store = createStore<IncidentState>()(() => initialIncidentState());
  const update = (change: (state: IncidentState) => IncidentState): void =>
    store.setState(change(store.getState()), true);

  // One load at a time: gaps found while one runs ask for one more after it, not one each.
  let loading: Promise<void> | undefined;
  let again = false;
  const loadOnce = async (): Promise<void> => {
    const id = store.getState().shownId;
    if (id === undefined) return;
    try {
      const view = await bridge.invoke('incident:load', { id });
      update((s) => applyVersionedIncident(s, view));
    } catch (error) {
      update((s) => (s.shownId === id ? { ...s, shownError: errorMessage(error) } : s));
    }
  };
  const loadShown = (): Promise<void> => {
    if (loading !== undefined) {
      again = true;
      return loading;
    }
    loading = (async () => {
      do {
        again = false;
        await loadOnce();
      } while (again);
      loading = undefined;
    })();
    return loading;
  };

  const loadList = async (): Promise<void> => {
    const startedAt = store.getState().revision;
    try {
      const list = await bridge.invoke('incidents:list', {});
      update((s) => applyIncidentListAnswer(s, list, startedAt));
    } catch (error) {
      update((s) => ({ ...s, listError: errorMessage(error) }));
    }
  };

  return Object.assign(store, {
    actions: {
      show: async (id: string | undefined) => {
        const before = store.getState().shownId;
        update((s) => showIncident(s, id));
        if (id !== undefined && (id !== before || store.getState().shown === undefined)) {
          await loadShown();
        }
      },
      declare: async (request: DeclareIncidentRequest) => {
        const view = await bridge.invoke('incident:declare', request);
        update((s) => applyIncidentChanged(showIncident(s, view.incident.id), view));
        // The list event may come later (or not at all when it is lost): ask, so the header
        // counts the new incident at once.
        void loadList();
        return view;
      },
      attachAlerts: async (id: string, alertIds: readonly string[]) => {
        const startedAt = store.getState().revision;
        const answer = await bridge.invoke('incident:attachAlerts', {
          id,
          alertIds: [...alertIds],
        });
        const { added, ...view } = answer;
        // Shown already: an event newer than the call wins, as for apply. Else it is shown now.
        update((s) =>
          s.shownId === id
            ? applyIncidentAnswer(s, view, startedAt)
            : applyIncidentChanged(showIncident(s, id), view),
        );
        return { added };
      },
      apply: async (id: string, op: IncidentOp) => {
        // The change arrives as an `incident:patched` push before this answer; the answer only
        // says which version that was, so a missed push is loaded instead of lost.
        const { createdId, version } = await bridge.invoke('incident:change', { id, op });
        const state = store.getState();
        if (state.shownId === id && (state.shownVersion ?? -1) < version) void loadShown();
        return createdId === undefined ? {} : { createdId };
      },
      dismissProblem: async (problemId: string) => {
        const startedAt = store.getState().revision;
        const list = await bridge.invoke('incidents:dismissProblem', { id: problemId });
        // The list event carries the same; an event newer than the call wins, as for the list.
        update((s) => applyIncidentListAnswer(s, list, startedAt));
      },
      reload: async () => {
        await Promise.all([loadList(), loadShown()]);
      },
    },
  });
}

/**
 * Feed the store from the bridge: listen first, then load; load again after each reconnection,
 * because events sent while disconnected are lost.
 * @param store - the store to fill
 * @param bridge - the app
 * @returns stops listening
 */
export function connectIncidentStore(store: IncidentStore, bridge: Bridge): () => void {
  const update = (change: (state: IncidentState) => IncidentState): void =>
    store.setState(change(store.getState()), true);
  const stops = [
    bridge.on('incidents:changed', (list) => update((s) => applyIncidentList(s, list))),
    bridge.on('incident:patched', (patch) => {
      const { state, gap } = applyIncidentPatch(store.getState(), patch);
      if (state !== store.getState()) store.setState(state, true);
      if (gap) void store.actions.reload();
    }),
    bridge.onConnection((connection) => {
      if (connection.status === 'connected') void store.actions.reload();
    }),
  ];
  if (bridge.connection().status === 'connected') void store.actions.reload();
  return () => stops.forEach((stop) => stop());
}
