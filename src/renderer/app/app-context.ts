import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { Bridge } from '../bridge/bridge';
import type { AppState } from '../stores/app-state';
import type { AppStore } from '../stores/app-store';
import type { IncidentState } from '../stores/incident-state';
import type { IncidentStore } from '../stores/incident-store';
import type { UiState, UiStore } from '../stores/ui-store';

/** What every component may reach: the bridge and the stores. */
export interface AppContextValue {
  bridge: Bridge;
  appStore: AppStore;
  uiStore: UiStore;
  incidentStore: IncidentStore;
}

/** Provided once by main.tsx. */
export const AppContext = createContext<AppContextValue | null>(null);

/** The bridge and stores. */
export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside <AppContext.Provider>');
  return value;
}

/**
 * Select from the app store (re-renders when the selected value changes by `Object.is`).
 * @param selector - must return a stable value (a field, not a new object)
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useApp().appStore, selector);
}

/**
 * Select from the UI store.
 * @param selector - must return a stable value
 */
export function useUi<T>(selector: (state: UiState) => T): T {
  return useStore(useApp().uiStore, selector);
}

/**
 * Select from the incident store.
 * @param selector - must return a stable value
 */
export function useIncidents<T>(selector: (state: IncidentState) => T): T {
  return useStore(useApp().incidentStore, selector);
}
