import { useState } from 'react';
import { useApp, useAppState } from '../../app/app-context';
import { SettingsProblem } from '../../app/banners';
import { errorMessage } from '../../bridge/bridge-error';
import { AlarmSection } from './alarm-section';
import { EscalationSection } from './escalation-section';
import { IncidentsSection } from './incidents-section';
import { ProfileSection } from './profile-section';
import { PushSection } from './push-section';
// Here rather than in the sections, which unit tests import without Vite's CSS types.
import './incidents-section.css';
import './profile-section.css';
import { RunbookFolderSection } from './runbook-folder-section';
import { ShortcutsSection } from './shortcuts-section';
import { SourcesSection } from './sources/sources-section';
import { TeamSyncSection } from '../sync/team-sync-section';
import { SchedulesSection } from '../schedules/schedules-section';

/**
 * The settings screen: sources, severity vocabulary, the runbook folder, where the file is,
 * test notification.
 */
export function SettingsView() {
  const view = useAppState((s) => s.settings);
  const { uiStore } = useApp();
  return (
    <div className="settings">
      <div className="settings__head">
        <h1 className="settings__title">Settings</h1>
        <button type="button" className="btn" onClick={() => uiStore.actions.showView('alerts')}>
          ← Back to alerts
        </button>
      </div>
      {view ? (
        <>
          <SettingsProblem view={view} />
          <p className="settings__file">
            Saved in <code className="path">{view.path}</code> — hand edits there are picked up
            while the app runs.
          </p>
          <ProfileSection view={view} />
          <SourcesSection view={view} />
          <PushSection view={view} />
          <RunbookFolderSection view={view} />
          <IncidentsSection view={view} />
          <EscalationSection view={view} />
          <AlarmSection view={view} />
          <ShortcutsSection view={view} />
          <SchedulesSection view={view} />
          <TeamSyncSection view={view} />
          <NotificationTest />
        </>
      ) : (
        <p className="muted">Loading settings…</p>
      )}
    </div>
  );
}

function NotificationTest() {
  const { bridge } = useApp();
  const [state, setState] = useState<
    { kind: 'sending' | 'ok' | 'error'; text: string } | undefined
  >();
  const send = (): void => {
    setState({ kind: 'sending', text: 'Sending…' });
    bridge.invoke('notifications:test', {}).then(
      (result) =>
        setState(
          result.delivered
            ? { kind: 'ok', text: 'Delivered to the notification service — check that you saw it.' }
            : { kind: 'error', text: `Not delivered: ${result.error ?? 'no reason given'}` },
        ),
      (error: unknown) =>
        setState({ kind: 'error', text: `Not delivered: ${errorMessage(error)}` }),
    );
  };
  return (
    <section className="settings__section">
      <h2 className="settings__heading">Notifications</h2>
      <div className="settings__actions">
        <button type="button" className="btn" onClick={send} disabled={state?.kind === 'sending'}>
          Send test notification
        </button>
        {state ? (
          <span
            className={`save-status save-status--${state.kind === 'ok' ? 'saved' : state.kind === 'error' ? 'error' : 'saving'}`}
            role="status"
          >
            {state.text}
          </span>
        ) : null}
      </div>
    </section>
  );
}
