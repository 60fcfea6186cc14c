import { useEffect, useState } from 'react';
import type { SourceConfig } from '../../../shared/domain/source';
import type { InvokeResponse, SettingsView } from '../../../shared/ipc/contract';
import { useApp } from '../../app/app-context';
import { errorMessage } from '../../bridge/bridge-error';
import type { SectionStatus } from './save-actions';

type SourceWebhook = InvokeResponse<'source:webhook'>;

/**
 * The sources with `push` switched for one source; the others untouched.
 * @param sources - the saved sources
 * @param sourceId - the source to switch
 * @param push - on or off
 */
export function withPush(
  sources: readonly SourceConfig[],
  sourceId: string,
  push: boolean,
): SourceConfig[] {
  return sources.map((source) =>
    source.id === sourceId && source.kind === 'alertmanager' ? { ...source, push } : source,
  );
}

/**
 * Whether the receiver listens, in words.
 * @param receiver - the receiver's state as `source:webhook` answers it
 */
export function receiverText(receiver: SourceWebhook['receiver']): string {
  return receiver.state === 'listening'
    ? `Listening on 127.0.0.1:${receiver.port ?? '?'}.`
    : `Not listening: ${receiver.reason ?? 'no reason given'}.`;
}

/**
 * Settings → Push from Alertmanager: per Alertmanager source, push on or off (saved at once),
 * the receiver's URL and state, the token masked, and "Make token" / "New token", which shows
 * the alertmanager.yml block with the token once.
 */
export function PushSection(props: { view: SettingsView }) {
  const { sources, webhook } = props.view.settings;
  const alertmanagers = sources.filter((source) => source.kind === 'alertmanager');
  return (
    <section className="settings__section" aria-labelledby="push-heading">
      <h2 className="settings__heading" id="push-heading">
        Push from Alertmanager
      </h2>
      <p className="muted">
        A pushed alert shows as soon as Alertmanager notifies, not at the next poll; polling goes on
        as the safety net. The receiver listens on 127.0.0.1 port {webhook.port}
        {webhook.port === 0 ? ' (off)' : ''} — <code>webhook.port</code> in the settings file.
      </p>
      {alertmanagers.length === 0 ? (
        <p className="muted">Save an Alertmanager source above first.</p>
      ) : (
        alertmanagers.map((source) => (
          <PushSource key={source.id} source={source} sources={sources} />
        ))
      )}
    </section>
  );
}

function PushSource(props: { source: SourceConfig; sources: readonly SourceConfig[] }) {
  const { bridge } = useApp();
  const { source } = props;
  const push = source.kind === 'alertmanager' && source.push;
  const [info, setInfo] = useState<SourceWebhook | undefined>();
  // The block with the token in it, from the answer that made the token: shown this once.
  const [made, setMade] = useState<string | undefined>();
  const [status, setStatus] = useState<SectionStatus | undefined>();

  useEffect(() => {
    if (!push) return undefined;
    let live = true;
    bridge.invoke('source:webhook', { sourceId: source.id }).then(
      (answer) => live && setInfo(answer),
      (error: unknown) => live && setStatus({ kind: 'error', text: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [bridge, source.id, push]);

  const toggle = (on: boolean): void => {
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { sources: withPush(props.sources, source.id, on) }).then(
      () => setStatus({ kind: 'saved', text: on ? 'Push is on.' : 'Push is off.' }),
      (error: unknown) => setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` }),
    );
  };

  const makeToken = (): void => {
    setStatus({ kind: 'saving', text: 'Making a token…' });
    bridge.invoke('source:webhook', { sourceId: source.id, newToken: true }).then(
      (answer) => {
        setInfo(answer);
        setMade(answer.alertmanagerConfig);
        setStatus(undefined);
      },
      (error: unknown) => setStatus({ kind: 'error', text: `No token: ${errorMessage(error)}` }),
    );
  };

  const id = `push-${source.id}`;
  return (
    <div className="push-source">
      <label className="field field--inline" htmlFor={id}>
        <input
          id={id}
          type="checkbox"
          checked={push}
          disabled={status?.kind === 'saving'}
          onChange={(event) => toggle(event.target.checked)}
        />{' '}
        Take pushes from {source.name}
      </label>
      {push && info ? (
        <div className="push-source__details">
          <p>
            Receiver URL <code className="path">{info.url}</code> — {receiverText(info.receiver)}
          </p>
          <p>
            {info.credential.set
              ? `Token ${info.credential.hint ?? 'set'}. A new token replaces it: the old one stops working at once.`
              : 'No token yet: pushes are refused until you make one.'}{' '}
            <button type="button" className="btn btn--small" onClick={makeToken}>
              {info.credential.set ? 'New token' : 'Make token'}
            </button>
          </p>
          {made ? (
            <>
              <p>
                Add this to <code>alertmanager.yml</code> now and reload Alertmanager — the token is
                shown only this once:
              </p>
              <pre className="push-source__block">{made}</pre>
            </>
          ) : null}
        </div>
      ) : null}
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
