import { useState } from 'react';
import { useApp, useAppState, useIncidents, useUi } from './app-context';
import { summarise } from '../features/alerts/summary';
import { nextUpdateText } from '../features/incident/next-update';
import { earliestUpdateDue, openIncidentCount } from '../stores/incident-state';
import { useNow } from './use-now';
import { THEMES, type Theme } from './theme';
import { errorMessage } from '../bridge/bridge-error';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { DoNotDisturbControl } from '../features/alarm/do-not-disturb-control';
import { useIncidentLinkOpens } from '../features/sync/use-incident-link-opens';

/**
 * App name, the views, the one-line state of the shift, sync, do-not-disturb, theme, settings
 * and help.
 */
export function Header(props: { onThemeChange: (theme: Theme) => Promise<void> }) {
  const { uiStore } = useApp();
  useIncidentLinkOpens();
  const alerts = useAppState((s) => s.alerts);
  const sources = useAppState((s) => s.sources);
  const loaded = useAppState((s) => s.alertsLoaded);
  const theme = useAppState((s) => s.settings?.settings.theme ?? 'system');
  const view = useUi((s) => s.view);
  const connected = useAppState((s) => s.connection.status === 'connected');
  const unreachable = useAppState(
    (s) => s.connection.status === 'disconnected' || s.connection.status === 'no-token',
  );
  const openIncidents = useIncidents((s) => openIncidentCount(s.list));
  // A status update owed soon or late shows from every view, not only on the incident.
  const updateDue = useIncidents((s) => earliestUpdateDue(s.list));
  const now = useNow(15_000);
  const update = nextUpdateText(updateDue, now);
  const updateAlert = update.tone === 'soon' || update.tone === 'overdue' ? update : undefined;
  const [themeError, setThemeError] = useState<string | undefined>();
  const summary = summarise(alerts, sources);
  const onIncidents = view === 'incidents' || view === 'incident';

  return (
    <header className="header">
      <div className="header__brand">On-Call Companion</div>
      <nav className="tabs" aria-label="Views">
        <button
          type="button"
          className="tabs__item"
          aria-current={view === 'alerts' ? 'page' : undefined}
          title="Alerts (a)"
          onClick={() => uiStore.actions.showView('alerts')}
        >
          Alerts
        </button>
        <button
          type="button"
          className="tabs__item"
          aria-current={onIncidents ? 'page' : undefined}
          title="Incidents (i)"
          onClick={() => uiStore.actions.showView('incidents')}
        >
          Incidents
          {openIncidents > 0 ? (
            <span className="tabs__count tabular" aria-label={`, ${openIncidents} open`}>
              {openIncidents}
            </span>
          ) : null}
          {updateAlert ? (
            <span className={`tabs__due tabs__due--${updateAlert.tone}`}>{updateAlert.text}</span>
          ) : null}
        </button>
      </nav>
      <div className={`header__summary header__summary--${summary.tone}`} aria-live="polite">
        {loaded ? (
          <>
            <span className={`dot dot--${summary.tone}`} aria-hidden="true" />
            <span className="tabular">{summary.text}</span>
            {connected ? null : <span className="header__stale">last known</span>}
          </>
        ) : (
          <span className="muted">{unreachable ? 'Not connected' : 'Connecting…'}</span>
        )}
      </div>
      <div className="header__actions">
        <SyncIndicator />
        <DoNotDisturbControl />
        <div className="segmented" role="group" aria-label="Theme" title={themeError}>
          {THEMES.map((t) => (
            <button
              key={t.value}
              type="button"
              className="segmented__item"
              aria-pressed={theme === t.value}
              onClick={() => {
                setThemeError(undefined);
                props
                  .onThemeChange(t.value)
                  .catch((error: unknown) => setThemeError(errorMessage(error)));
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="btn"
          aria-pressed={view === 'settings'}
          onClick={() => uiStore.actions.showView(view === 'settings' ? 'alerts' : 'settings')}
        >
          Settings
        </button>
        <button
          type="button"
          className="btn btn--icon"
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
          onClick={() => uiStore.actions.setShortcutsOpen(true)}
        >
          ?
        </button>
      </div>
    </header>
  );
}
