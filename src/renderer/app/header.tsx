import { useState } from 'react';
import { useApp, useAppState, useUi } from './app-context';
import { summarise } from '../features/alerts/summary';
import { THEMES, type Theme } from './theme';
import { errorMessage } from '../bridge/bridge-error';

/** App name, the one-line state of the shift, theme, settings and help. */
export function Header(props: { onThemeChange: (theme: Theme) => Promise<void> }) {
  const { uiStore } = useApp();
  const alerts = useAppState((s) => s.alerts);
  const sources = useAppState((s) => s.sources);
  const loaded = useAppState((s) => s.alertsLoaded);
  const theme = useAppState((s) => s.settings?.settings.theme ?? 'system');
  const view = useUi((s) => s.view);
  const connected = useAppState((s) => s.connection.status === 'connected');
  const unreachable = useAppState(
    (s) => s.connection.status === 'disconnected' || s.connection.status === 'no-token',
  );
  const [themeError, setThemeError] = useState<string | undefined>();
  const summary = summarise(alerts, sources);

  return (
    <header className="header">
      <div className="header__brand">On-Call Companion</div>
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
