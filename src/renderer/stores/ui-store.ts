import { createStore, type StoreApi } from 'zustand/vanilla';

/** Which screen is shown: `incidents` is the list, `incident` the one in `incidentId`. */
export type View = 'alerts' | 'settings' | 'runbook' | 'incidents' | 'incident';

/** A runbook being read: which one, and the section to scroll to. */
export interface RunbookPlace {
  id: string;
  fragment?: string;
}

/** What the user is doing in the UI; nothing here is saved. */
export interface UiState {
  view: View;
  /**
   * The runbooks opened one from another, the one shown last; Back steps through them and then
   * returns to `runbookFrom`.
   */
  runbookTrail: readonly RunbookPlace[];
  /** The screen a runbook was opened from. */
  runbookFrom: Exclude<View, 'runbook'>;
  /**
   * The control that opened the runbook (its `data-runbook-opener`), focused again on the way
   * back so a keyboard user lands where they left.
   */
  returnFocus: string | undefined;
  /** The alert, or the group line (`group:<alertname>`), the keyboard is on. */
  selectedId: string | undefined;
  /** Alerts whose details are open. */
  expanded: ReadonlySet<string>;
  filter: string;
  shortcutsOpen: boolean;
  /** The incident the `incident` view shows. */
  incidentId: string | undefined;
  /** Alerts ticked in the list to declare one incident from. */
  checkedAlerts: ReadonlySet<string>;
  /**
   * The declare dialog, while open: the alerts it declares from (none: from scratch). The
   * dialog's own fields live in the dialog.
   */
  declaring: { alertIds: readonly string[] } | undefined;
  /**
   * The add-to-incident dialog, while open: the alerts to add, and whether they are the ticked
   * ones (then adding clears the ticks, as declaring does).
   */
  attaching: { alertIds: readonly string[]; fromSelection: boolean } | undefined;
  /**
   * One sentence about what was just done to the shown incident ("Added 2 alerts…"), shown in
   * it until the user goes elsewhere.
   */
  incidentNotice: { incidentId: string; text: string } | undefined;
  /**
   * Set when an incident was just declared: its timeline composer takes the keyboard once shown,
   * so the scribe types the first line without reaching for the mouse.
   */
  focusComposer: boolean;
  /** Alert groups the user opened or closed, against their default (see the alert list). */
  toggledGroups: ReadonlySet<string>;
  /** The custom silence form, while open: the alerts it silences. */
  silencing: { alertIds: readonly string[] } | undefined;
  /**
   * What the last action on alerts came to ("Acknowledge: 2 of 3 done · …"), and why each alert
   * that failed did, shown on its row until the next action.
   */
  actionOutcome: { text: string; failed: ReadonlyMap<string, string> } | undefined;
}

/** The UI store and its actions. */
export interface UiStore extends StoreApi<UiState> {
  actions: {
    showView(view: Exclude<View, 'runbook'>): void;
    /**
     * Show a runbook in the app.
     * @param place - the runbook and section
     * @param opener - the `data-runbook-opener` of the control used, to focus on the way back
     */
    openRunbook(place: RunbookPlace, opener?: string): void;
    /** Back: to the runbook before this one, or to the screen the first was opened from. */
    closeRunbook(): void;
    /** Forget the control to focus on the way back (it has been focused). */
    clearReturnFocus(): void;
    select(id: string | undefined): void;
    /** Show one alert (Open in the tray or on a notification): the list, it selected and open. */
    reveal(id: string): void;
    toggleExpanded(id: string): void;
    setFilter(filter: string): void;
    setShortcutsOpen(open: boolean): void;
    /**
     * Show one incident.
     * @param notice - a sentence about what was just done to it, shown in the incident
     */
    openIncident(id: string, notice?: string): void;
    /**
     * Whether the next timeline composer shown takes the keyboard (see `focusComposer`).
     * @param focus - true after declaring; the composer clears it once focused
     */
    setFocusComposer(focus: boolean): void;
    /** Tick or untick an alert for "Declare from N alerts". */
    toggleChecked(id: string): void;
    clearChecked(): void;
    /**
     * Open the declare dialog.
     * @param alertIds - the alerts to declare from; empty for an incident from scratch
     */
    startDeclare(alertIds: readonly string[]): void;
    endDeclare(): void;
    /**
     * Open the add-to-incident dialog.
     * @param alertIds - the alerts to add
     * @param fromSelection - they are the ticked alerts: adding them clears the ticks
     */
    startAttach(alertIds: readonly string[], fromSelection: boolean): void;
    endAttach(): void;
    toggleGroup(key: string): void;
    startSilence(alertIds: readonly string[]): void;
    endSilence(): void;
    setActionOutcome(outcome: UiState['actionOutcome']): void;
  };
}

/** A fresh UI store. */
export function createUiStore(): UiStore {
  const store = createStore<UiState>()(() => ({
    view: 'alerts',
    runbookTrail: [],
    runbookFrom: 'alerts',
    returnFocus: undefined,
    selectedId: undefined,
    expanded: new Set<string>(),
    filter: '',
    shortcutsOpen: false,
    incidentId: undefined,
    checkedAlerts: new Set<string>(),
    declaring: undefined,
    attaching: undefined,
    incidentNotice: undefined,
    focusComposer: false,
    toggledGroups: new Set<string>(),
    silencing: undefined,
    actionOutcome: undefined,
  }));
  return Object.assign(store, {
    actions: {
      showView: (view: Exclude<View, 'runbook'>) =>
        store.setState({ view, incidentNotice: undefined }),
      openRunbook: (place: RunbookPlace, opener?: string) =>
        store.setState((s) =>
          s.view === 'runbook'
            ? { runbookTrail: [...s.runbookTrail, place] }
            : {
                view: 'runbook',
                runbookTrail: [place],
                runbookFrom: s.view,
                returnFocus: opener,
              },
        ),
      closeRunbook: () =>
        store.setState((s) =>
          s.runbookTrail.length > 1
            ? { runbookTrail: s.runbookTrail.slice(0, -1) }
            : { view: s.runbookFrom, runbookTrail: [] },
        ),
      clearReturnFocus: () => store.setState({ returnFocus: undefined }),
      select: (selectedId: string | undefined) => store.setState({ selectedId }),
      reveal: (id: string) =>
        store.setState((s) => ({
          view: 'alerts',
          incidentNotice: undefined,
          selectedId: id,
          expanded: s.expanded.has(id) ? s.expanded : toggled(s.expanded, id),
        })),
      toggleExpanded: (id: string) =>
        store.setState((s) => ({ expanded: toggled(s.expanded, id), selectedId: id })),
      setFilter: (filter: string) => store.setState({ filter }),
      setShortcutsOpen: (shortcutsOpen: boolean) => store.setState({ shortcutsOpen }),
      openIncident: (incidentId: string, notice?: string) =>
        store.setState({
          view: 'incident',
          incidentId,
          incidentNotice: notice === undefined ? undefined : { incidentId, text: notice },
        }),
      setFocusComposer: (focusComposer: boolean) => store.setState({ focusComposer }),
      toggleChecked: (id: string) =>
        store.setState((s) => ({ checkedAlerts: toggled(s.checkedAlerts, id) })),
      clearChecked: () => store.setState({ checkedAlerts: new Set<string>() }),
      startDeclare: (alertIds: readonly string[]) =>
        store.setState({ declaring: { alertIds: [...alertIds] } }),
      endDeclare: () => store.setState({ declaring: undefined }),
      startAttach: (alertIds: readonly string[], fromSelection: boolean) =>
        store.setState({ attaching: { alertIds: [...alertIds], fromSelection } }),
      endAttach: () => store.setState({ attaching: undefined }),
      toggleGroup: (key: string) =>
        store.setState((s) => ({ toggledGroups: toggled(s.toggledGroups, key), selectedId: key })),
      startSilence: (alertIds: readonly string[]) =>
        store.setState({ silencing: { alertIds: [...alertIds] } }),
      endSilence: () => store.setState({ silencing: undefined }),
      setActionOutcome: (actionOutcome: UiState['actionOutcome']) =>
        store.setState({ actionOutcome }),
    },
  });
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}

/**
 * The id the selection moves to with j/k or the arrows. Stays within the list; from nothing
 * (or an id no longer shown), down starts at the top and up at the bottom.
 * @param ids - the visible alerts, in order
 * @param current - the selected id
 * @param step - +1 (down) or -1 (up)
 */
export function moveSelection(
  ids: readonly string[],
  current: string | undefined,
  step: 1 | -1,
): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current === undefined ? -1 : ids.indexOf(current);
  if (index === -1) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}
