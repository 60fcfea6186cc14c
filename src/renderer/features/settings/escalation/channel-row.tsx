import { useState } from 'react';
import type { OutboundChannel } from '../../../../shared/escalation/policy-schema';
import type { ChannelSecretState } from '../../../../shared/ipc/outbound-schemas';
import { useApp } from '../../../app/app-context';
import { errorMessage } from '../../../bridge/bridge-error';
import type { SectionStatus } from '../save-actions';
import { CHANNEL_KIND_NAME } from './channel-draft';

/** What each kind of channel keeps secret, as its field's label says. */
const SECRET_LABEL: Record<OutboundChannel['kind'], string> = {
  webhook: 'Webhook URL',
  slack: 'Slack incoming webhook URL',
  ntfy: 'ntfy topic URL (https://ntfy.sh/your-topic)',
  pagerduty: 'Routing key (Events API v2 integration key)',
};

function StatusText(props: { status: SectionStatus | undefined }) {
  const { status } = props;
  if (!status) return null;
  const kind = status.kind === 'note' ? 'saving' : status.kind;
  return (
    <span className={`save-status save-status--${kind}`} role="status">
      {status.text}
    </span>
  );
}

/**
 * One outbound channel: its name and kind, whether its secret is stored (masked), a field to
 * store or forget it, and "Send test page" with the result.
 */
export function ChannelRow(props: {
  channel: OutboundChannel;
  secret: ChannelSecretState | undefined;
  onSecret: (state: ChannelSecretState) => void;
}) {
  const { bridge } = useApp();
  const { channel, secret } = props;
  const [value, setValue] = useState('');
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const id = `channel-secret-${channel.id}`;

  const store = (next: string | null): void => {
    setStatus({ kind: 'saving', text: next === null ? 'Forgetting…' : 'Storing…' });
    bridge.invoke('channel:setSecret', { channelId: channel.id, secret: next }).then(
      (state) => {
        props.onSecret(state);
        setValue('');
        setStatus({ kind: 'saved', text: next === null ? 'Forgotten.' : 'Stored.' });
      },
      (error: unknown) => setStatus({ kind: 'error', text: errorMessage(error) }),
    );
  };

  const test = (): void => {
    setStatus({ kind: 'saving', text: 'Sending a test page…' });
    bridge.invoke('channel:test', { channelId: channel.id }).then(
      (entry) =>
        setStatus(
          entry.result === 'sent'
            ? {
                kind: 'saved',
                text: `Test page sent${entry.attempts > 1 ? ` (${entry.attempts} attempts)` : ''} — check that it arrived.`,
              }
            : { kind: 'error', text: `Test page failed: ${entry.reason ?? 'no reason given'}` },
        ),
      (error: unknown) =>
        setStatus({ kind: 'error', text: `Test page failed: ${errorMessage(error)}` }),
    );
  };

  return (
    <div className="escalation__channel">
      <p className="escalation__channel-name">
        <strong>{channel.name}</strong>{' '}
        <span className="muted">
          ({CHANNEL_KIND_NAME[channel.kind]}, id {channel.id})
        </span>{' '}
        —{' '}
        {secret?.set
          ? `secret stored ${secret.hint ?? ''}`
          : 'no secret stored yet: pages to it fail until one is'}
      </p>
      <div className="field field--inline">
        <label className="field__label" htmlFor={id}>
          {SECRET_LABEL[channel.kind]}
          {/* With several channels each field and button says whose it is. */}
          <span className="visually-hidden"> of {channel.name}</span>
        </label>
        <input
          id={id}
          className="field__input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={value}
          maxLength={4096}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              if (value.trim()) store(value.trim());
            }
          }}
        />
        <button
          type="button"
          className="btn btn--small"
          disabled={!value.trim()}
          aria-label={`Store secret of ${channel.name}`}
          onClick={() => store(value.trim())}
        >
          Store
        </button>
        {secret?.set ? (
          <button
            type="button"
            className="btn btn--small"
            aria-label={`Forget secret of ${channel.name}`}
            onClick={() => store(null)}
          >
            Forget
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--small"
          onClick={test}
          aria-label={`Send test page to ${channel.name}`}
          disabled={status?.kind === 'saving'}
        >
          Send test page
        </button>
      </div>
      <StatusText status={status} />
    </div>
  );
}
