import { lazy, Suspense, useCallback, useEffect } from 'react';
import { PageAlarm } from '../features/alarm/page-alarm';
import { AlertList } from '../features/alerts/alert-list';
import { PartBoundary } from '../components/part-boundary';
import { SourceStrip } from '../features/alerts/source-strip';
import { OnCallLine } from '../features/schedules/on-call-line';
import { summarise } from '../features/alerts/summary';
import { SilenceDialog } from '../features/alerts/silence-dialog';
import { AttachDialog } from '../features/incident/declare/attach-dialog';
import { DeclareDialog } from '../features/incident/declare/declare-dialog';
import { SettingsView } from '../features/settings/settings-view';
import { applySettings } from '../stores/app-state';
import { useApp, useAppState, useUi } from './app-context';
import { ConnectionBanner, SettingsProblem } from './banners';
import { Header } from './header';
import { ShortcutsDialog } from './shortcuts-dialog';
import { applyTheme, type Theme } from './theme';

// The Markdown renderer is the app's largest dependency and only the runbook page needs it: its
// own chunk keeps it out of the start-up bundle (same origin: the CSP's script-src 'self').
const RunbookView = lazy(() =>
  import('../features/runbooks/runbook-view').then((module) => ({ default: module.RunbookView })),
);

// The incident screens (and the src/shared/incident code they use) are not needed until an
// incident is opened: their own chunk keeps them out of start-up too. What start-up does need
// about incidents (the header's open count, the declare and add-to-incident dialogs) imports
// nothing from those screens, and nothing that writes a Yjs document.
const IncidentsView = lazy(() =>
  import('../features/incident/list/incidents-view').then((module) => ({
    default: module.IncidentsView,
  })),
);
const IncidentView = lazy(() =>
  import('../features/incident/incident-view').then((module) => ({
    default: module.IncidentView,
  })),
);

/** The whole window. */
export function App() {
  const { bridge, appStore, uiStore } = useApp();
  const view = useUi((s) => s.view);
  const settings = useAppState((s) => s.settings);
  const alerts = useAppState((s) => s.alerts);
  const sources = useAppState((s) => s.sources);
  const theme = settings?.settings.theme ?? 'system';

  useEffect(() => applyTheme(theme, document.documentElement), [theme]);

  // The tab title counts what fires (browser mode; the Electron shell owns its window title).
  const firing = summarise(alerts, sources).firing;
  useEffect(() => {
    document.title = firing > 0 ? `(${firing}) On-Call Companion` : 'On-Call Companion';
  }, [firing]);

  // Open on an alert in the tray or on its notification shows that alert.
  useEffect(
    () => bridge.on('alert:reveal', ({ alertId }) => uiStore.actions.reveal(alertId)),
    [bridge, uiStore],
  );

  // `?` anywhere (but in a text field) opens the shortcuts; `a` and `i` switch to the alerts
  // and the incidents.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === '?') {
        event.preventDefault();
        uiStore.actions.setShortcutsOpen(!uiStore.getState().shortcutsOpen);
        return;
      }
      // Not while a dialog has the keyboard.
      if (uiStore.getState().shortcutsOpen || target?.closest('dialog')) return;
      if (event.key === 'i' || event.key === 'a') {
        event.preventDefault();
        uiStore.actions.showView(event.key === 'i' ? 'incidents' : 'alerts');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [uiStore]);

  // Shown at once, saved through settings:update; put back if the app refuses.
  const changeTheme = useCallback(
    async (next: Theme): Promise<void> => {
      const before = appStore.getState().settings;
      if (before)
        appStore.setState(
          applySettings(appStore.getState(), {
            ...before,
            settings: { ...before.settings, theme: next },
          }),
        );
      try {
        const saved = await bridge.invoke('settings:update', { theme: next });
        appStore.setState(applySettings(appStore.getState(), saved));
      } catch (error) {
        if (before) appStore.setState(applySettings(appStore.getState(), before));
        throw error;
      }
    },
    [appStore, bridge],
  );

  return (
    <div className="app">
      <Header onThemeChange={changeTheme} />
      <ConnectionBanner />
      <LoadError />
      <main className="main">
        {/* One boundary per view, keyed by it: another view renders afresh after a failure. */}
        {view === 'settings' ? (
          <PartBoundary key={view} part="the settings">
            <SettingsView />
          </PartBoundary>
        ) : view === 'incidents' ? (
          <PartBoundary key={view} part="the incident list">
            <Suspense fallback={<p className="muted">Loading the incidents…</p>}>
              <IncidentsView />
            </Suspense>
          </PartBoundary>
        ) : view === 'incident' ? (
          <PartBoundary key={view} part="the incident">
            <Suspense fallback={<p className="muted">Loading the incident…</p>}>
              <IncidentView />
            </Suspense>
          </PartBoundary>
        ) : view === 'runbook' ? (
          <PartBoundary key={view} part="the runbook">
            <Suspense fallback={<p className="muted">Loading the runbook…</p>}>
              <RunbookView />
            </Suspense>
          </PartBoundary>
        ) : (
          <PartBoundary key={view} part="the alert list">
            <SettingsProblem view={settings} withLink />
            <SourceStrip />
            <OnCallLine />
            <AlertList />
          </PartBoundary>
        )}
      </main>
      <ShortcutsDialog />
      <DeclareDialog />
      <AttachDialog />
      <SilenceDialog />
      <PartBoundary part="the alarm">
        <PageAlarm />
      </PartBoundary>
    </div>
  );
}

function LoadError() {
  const error = useAppState((s) => s.loadError);
  const connected = useAppState((s) => s.connection.status === 'connected');
  if (!error || !connected) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <strong>Some data could not be loaded.</strong> {error}
    </div>
  );
}
