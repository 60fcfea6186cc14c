import { createStore, type StoreApi } from 'zustand/vanilla';

/** Which screen is shown. */
export type View = 'alerts' | 'settings';

/** What the user is doing in the UI; nothing here is saved. */
export interface UiState {
  view: View;
  /** The alert the keyboard is on. */
  selectedId: string | undefined;
  /** Alerts whose details are open. */
  expanded: ReadonlySet<string>;
  filter: string;
  shortcutsOpen: boolean;
}

/** The UI store and its actions. */
export interface UiStore extends StoreApi<UiState> {
  actions: {
    showView(view: View): void;
    select(id: string | undefined): void;
    toggleExpanded(id: string): void;
    setFilter(filter: string): void;
    setShortcutsOpen(open: boolean): void;
  };
}

/** A fresh UI store. */
export function createUiStore(): UiStore {
  const store = createStore<UiState>()(() => ({
    view: 'alerts',
    selectedId: undefined,
    expanded: new Set<string>(),
    filter: '',
    shortcutsOpen: false,
  }));
  return Object.assign(store, {
    actions: {
      showView: (view: View) => store.setState({ view }),
      select: (selectedId: string | undefined) => store.setState({ selectedId }),
      toggleExpanded: (id: string) =>
        store.setState((s) => ({ expanded: toggled(s.expanded, id), selectedId: id })),
      setFilter: (filter: string) => store.setState({ filter }),
      setShortcutsOpen: (shortcutsOpen: boolean) => store.setState({ shortcutsOpen }),
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
