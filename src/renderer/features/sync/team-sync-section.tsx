import { useState } from 'react';
import type { CredentialState } from '../../../shared/domain/source';
import type { SettingsView } from '../../../shared/ipc/contract';
import { describeSyncState } from '../../../shared/sync/sync-state';
import { useApp, useAppState } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import { SaveActions, type SectionStatus } from '../settings/save-actions';
import { formatZonedClock, incidentTimeZone, machineTimeZone } from '../incident/zoned-time';
import {
  syncDraftFrom,
  syncRequest,
  type SyncDraft,
  type SyncDraftErrors,
} from './sync-settings-draft';
import { syncTone } from './sync-tone';

/**
 * Settings → Team sync: the server address, the name teammates see, plain ws:// accepted or not
 * (with its warning), saved together; the team token on its own, straight into the secret
 * store, shown only masked; and where sync stands now, with the server's or the app's refusal.
 */
export function TeamSyncSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = syncDraftFrom(props.view.settings.sync);
  const savedKey = JSON.stringify(saved);
  const [draft, setDraft] = useState<SyncDraft>(saved);
  const [savedFrom, setSavedFrom] = useState(savedKey);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<SyncDraftErrors>({});
  const [status, setStatus] = useState<SectionStatus | undefined>();

  // Follow settings saved elsewhere (the file, another window) unless the user is typing.
  if (savedFrom !== savedKey && !dirty) {
    setSavedFrom(savedKey);
    setDraft(saved);
  }

  const edit = (change: Partial<SyncDraft>): void => {
    setDraft({ ...draft, ...change });
    setDirty(true);
    setStatus(undefined);
  };

  const save = (): void => {
    const checked = syncRequest(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      setStatus({ kind: 'error', text: 'Not saved: fix the fields marked above.' });
      return;
    }
    setErrors({});
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { sync: checked.sync }).then(
      (view) => {
        setDirty(false);
        setSavedFrom(JSON.stringify(syncDraftFrom(view.settings.sync)));
        setDraft(syncDraftFrom(view.settings.sync));
        setStatus({
          kind: 'saved',
          text: checked.sync.url ? 'Saved; connecting.' : 'Saved; sync is off.',
        });
      },
      (error: unknown) => setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` }),
    );
  };

  const described = (id: string) => (errors.url ? `${id}-error ${id}-help` : `${id}-help`);
  return (
    <form
      className="settings__section team-sync"
      aria-labelledby="team-sync-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <h2 className="settings__heading" id="team-sync-heading">
        Team sync
      </h2>
      <p className="muted">
        Share incidents with your team through a sync server: each member sees every team incident
        and joins it with one click. Everything is written here first and sent when the server is
        reachable.
      </p>
      <SyncNow />
      <div className="field">
        <label className="field__label" htmlFor="sync-url">
          Server address
        </label>
        <input
          id="sync-url"
          className="field__input"
          value={draft.url}
          placeholder="wss://sync.example.org"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => edit({ url: event.target.value })}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={described('sync-url')}
        />
        {errors.url ? (
          <span className="field__error" id="sync-url-error">
            {errors.url}
          </span>
        ) : null}
        <span className="field__help" id="sync-url-help">
          <code>wss://</code> for a server elsewhere; plain <code>ws://</code> only on this machine.
          Empty: incidents stay here.
        </span>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="sync-name">
          Your name
        </label>
        <input
          id="sync-name"
          className="field__input"
          value={draft.name}
          placeholder={props.view.settings.profile.name ?? 'As teammates should see it'}
          autoComplete="off"
          onChange={(event) => edit({ name: event.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? 'sync-name-error sync-name-help' : 'sync-name-help'}
        />
        {errors.name ? (
          <span className="field__error" id="sync-name-error">
            {errors.name}
          </span>
        ) : null}
        <span className="field__help" id="sync-name-help">
          What teammates see next to your entries; empty: the name from “You”.
        </span>
      </div>
      <div className="field">
        <label className="field field--inline" htmlFor="sync-insecure">
          <input
            id="sync-insecure"
            type="checkbox"
            checked={draft.allowInsecure}
            onChange={(event) => edit({ allowInsecure: event.target.checked })}
            aria-describedby="sync-insecure-warning"
          />{' '}
          Allow plain ws:// to another machine
        </label>
        <span
          className={`field__help${draft.allowInsecure ? ' team-sync__warning' : ''}`}
          id="sync-insecure-warning"
        >
          Warning: without TLS the team token and every incident cross the network unencrypted, and
          anyone on the path can read or change them. Only on a network you trust.
        </span>
      </div>
      <SaveActions canSave={dirty} status={status} />
      <SyncToken />
    </form>
  );
}

/** Where sync stands right now, with the refusal's reason when there is one. */
function SyncNow() {
  const sync = useAppState((s) => s.sync);
  const zone = incidentTimeZone(
    useAppState((s) => s.settings?.settings.profile.timeZone),
    machineTimeZone(),
  );
  if (!sync) return null;
  const tone = syncTone(sync.state);
  return (
    <p className={`team-sync__now team-sync__now--${tone}`} role="status">
      <span className={`sync-indicator__mark sync-indicator__mark--${tone}`} aria-hidden="true" />{' '}
      <strong>Now:</strong> {describeSyncState(sync.state, (iso) => formatZonedClock(iso, zone))}
    </p>
  );
}

/**
 * The team token: typed hidden, stored in the secret store at once (never in settings.json),
 * answered masked; forgetting it is one button.
 */
function SyncToken() {
  const { bridge } = useApp();
  const [token, setToken] = useState('');
  const [answered, setStored] = useState<CredentialState | undefined>();
  // What this form stored last, else what the app says is stored (after a reload, say).
  const known = useAppState((s) => s.sync?.token);
  const stored = answered ?? known;
  const [status, setStatus] = useState<SectionStatus | undefined>();

  const put = (value: string | null): void => {
    setStatus({ kind: 'saving', text: value === null ? 'Forgetting…' : 'Storing…' });
    bridge.invoke('sync:setToken', { token: value }).then(
      (answer) => {
        setStored(answer);
        setToken('');
        setStatus({
          kind: 'saved',
          text: answer.set ? `Stored ${answer.hint ?? ''}.` : 'Forgotten; sync stops using it.',
        });
      },
      (error: unknown) => setStatus({ kind: 'error', text: `Not stored: ${errorMessage(error)}` }),
    );
  };

  return (
    <div className="field team-sync__token">
      <label className="field__label" htmlFor="sync-token">
        Team token
      </label>
      <div className="team-sync__token-row">
        <input
          id="sync-token"
          className="field__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          placeholder={
            stored?.set ? `Stored ${stored.hint ?? ''} — type to replace` : 'Paste it here'
          }
          onChange={(event) => {
            setToken(event.target.value);
            setStatus(undefined);
          }}
          onKeyDown={(event) => {
            // Enter stores the token rather than submitting the address form around it.
            if (event.key === 'Enter') {
              event.preventDefault();
              if (token.trim() !== '') put(token.trim());
            }
          }}
          aria-describedby="sync-token-help"
        />
        <button
          type="button"
          className="btn"
          disabled={token.trim() === '' || status?.kind === 'saving'}
          onClick={() => put(token.trim())}
        >
          Store token
        </button>
        <button
          type="button"
          className="btn"
          disabled={status?.kind === 'saving' || stored?.set === false}
          onClick={() => put(null)}
        >
          Forget token
        </button>
      </div>
      <span className="field__help" id="sync-token-help">
        From whoever runs the sync server. Kept in the system’s secret store, never in the settings
        file, and never shown again; <code>ONCALL_SYNC_TOKEN</code>, when set, is used instead.
      </span>
      {status ? (
        <span
          className={`save-status save-status--${status.kind === 'saved' ? 'saved' : status.kind === 'error' ? 'error' : 'saving'}`}
          role="status"
        >
          {status.text}
        </span>
      ) : null}
    </div>
  );
}
