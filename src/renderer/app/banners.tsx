import type { SettingsView } from '../../shared/ipc/contract';
import { useApp, useAppState, useUi } from './app-context';
import { lastKnownText } from './last-known-text';
import { useNow } from './use-now';
import { formatIn } from '../components/time-format';

/**
 * Shown while the page cannot reach the app (browser mode): what is wrong, that what the page
 * shows is the last known state, when the next attempt is, and — for a stale token — what to do.
 */
export function ConnectionBanner() {
  const { bridge } = useApp();
  const connection = useAppState((s) => s.connection);
  const view = useUi((s) => s.view);
  const now = useNow(1000);
  if (connection.status === 'connected') return null;
  if (connection.status === 'connecting' && connection.attempt === 0) return null;
  if (connection.status === 'no-token') {
    return (
      <div className="banner banner--danger" role="alert">
        <strong>Not connected to the app.</strong> This page was opened without its access token.
        Open the address the app printed when it started (it ends with <code>?token=…</code>).
      </div>
    );
  }
  const refused = connection.status === 'disconnected' && connection.refused;
  // A wait under two seconds is not worth a countdown or a button.
  const waiting = connection.status === 'disconnected' && connection.retryAt - now >= 2000;
  return (
    <div className="banner banner--danger" role="alert">
      <strong>Disconnected from the app.</strong>{' '}
      {refused
        ? 'The app is running but refused this page: its token changes every time it starts. Open the address it printed last.'
        : lastKnownText(view)}{' '}
      <span className="tabular">
        {waiting ? `Reconnecting ${formatIn(connection.retryAt, now)}.` : 'Reconnecting…'}
      </span>{' '}
      {waiting ? (
        <button type="button" className="btn btn--small" onClick={() => bridge.reconnectNow()}>
          Reconnect now
        </button>
      ) : null}
    </div>
  );
}

/** The settings file was unusable: say so loudly, and where the user's file was kept. */
export function SettingsProblem(props: { view: SettingsView | undefined; withLink?: boolean }) {
  const { uiStore } = useApp();
  const problem = props.view?.problem;
  if (!problem) return null;
  return (
    <div className="banner banner--warn" role="alert">
      <strong>Your settings file could not be used; the app is running on defaults.</strong>{' '}
      {problem.keptAs ? (
        <>
          Your file was kept aside as <code className="path">{problem.keptAs}</code>.{' '}
        </>
      ) : (
        <>
          File: <code className="path">{problem.file}</code>.{' '}
        </>
      )}
      {problem.issues.length > 0 ? (
        <ul className="banner__list">
          {problem.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
      {props.withLink ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => uiStore.actions.showView('settings')}
        >
          Open Settings
        </button>
      ) : null}
    </div>
  );
}
