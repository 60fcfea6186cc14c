import { useEffect, useState } from 'react';
import type { OutboundChannel } from '../../../shared/escalation/policy-schema';
import type { EscalationSettings } from '../../../shared/escalation/policy-settings';
import type { SettingsView } from '../../../shared/ipc/contract';
import type { ChannelSecretState, OutboundRecordEntry } from '../../../shared/ipc/outbound-schemas';
import { useApp } from '../../app/app-context';
import { BridgeError, errorMessage } from '../../bridge/bridge-error';
import { formatTimestamp } from '../../components/time-format';
import {
  MAX_ESCALATION_TEXT,
  checkEscalationText,
  escalationText,
  outboundEntryText,
  policySummary,
} from './escalation-draft';
import { FormErrorList } from './form-error-list';
import { SaveActions, type SectionStatus } from './save-actions';

/** What each kind of channel keeps secret, as its field's label says. */
const SECRET_LABEL: Record<OutboundChannel['kind'], string> = {
  webhook: 'Webhook URL',
  slack: 'Slack incoming webhook URL',
  ntfy: 'ntfy topic URL (https://ntfy.sh/your-topic)',
  pagerduty: 'Routing key (Events API v2 integration key)',
};

const KIND_NAME: Record<OutboundChannel['kind'], string> = {
  webhook: 'JSON webhook',
  slack: 'Slack',
  ntfy: 'ntfy',
  pagerduty: 'PagerDuty Events API v2',
};

/** How many of the newest outbound pages the section lists. */
const RECORD_SHOWN = 10;

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
 * Settings → Escalation: the policies in words, the whole `escalation` block to edit (checked
 * as main checks it, each refusal with its reason), each outbound channel's secret (stored in
 * the secret store, shown masked) with "Send test page", and the newest outbound pages.
 */
export function EscalationSection(props: { view: SettingsView }) {
  const { bridge } = useApp();
  const saved = props.view.settings.escalation;
  const savedText = escalationText(saved);
  const [text, setText] = useState(savedText);
  const [savedFrom, setSavedFrom] = useState(savedText);
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const [status, setStatus] = useState<SectionStatus | undefined>();
  const [secrets, setSecrets] = useState<readonly ChannelSecretState[]>([]);
  const [record, setRecord] = useState<readonly OutboundRecordEntry[]>([]);

  // Follow a block saved elsewhere (the file, another window) unless the user is editing.
  if (savedFrom !== savedText && !dirty) {
    setSavedFrom(savedText);
    setText(savedText);
  }

  const channelKey = saved.channels.map((c) => c.id).join('\n');
  useEffect(() => {
    let live = true;
    bridge.invoke('channels:secrets', {}).then(
      (answer) => live && setSecrets(answer.channels),
      () => live && setSecrets([]),
    );
    return () => {
      live = false;
    };
  }, [bridge, channelKey]);

  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('outbound:list', {}).then(
        (answer) => live && setRecord(answer.entries.slice(0, RECORD_SHOWN)),
        () => {},
      );
    void load();
    const off = bridge.on('outbound:recorded', () => void load());
    return () => {
      live = false;
      off();
    };
  }, [bridge]);

  const save = (event: React.FormEvent): void => {
    event.preventDefault();
    const checked = checkEscalationText(text);
    if (!checked.ok) {
      setIssues(checked.issues);
      setStatus({ kind: 'error', text: 'Not saved: see the problems below.' });
      return;
    }
    setStatus({ kind: 'saving', text: 'Saving…' });
    bridge.invoke('settings:update', { escalation: checked.escalation }).then(
      (view) => {
        const next = escalationText(view.settings.escalation);
        setIssues([]);
        setDirty(false);
        setSavedFrom(next);
        setText(next);
        setStatus({ kind: 'saved', text: 'Saved.' });
      },
      (error: unknown) => {
        setIssues(error instanceof BridgeError ? [...error.issues] : []);
        setStatus({ kind: 'error', text: `Not saved: ${errorMessage(error)}` });
      },
    );
  };

  return (
    <form
      className="settings__section"
      aria-labelledby="escalation-heading"
      noValidate
      onSubmit={save}
    >
      <h2 className="settings__heading" id="escalation-heading">
        Escalation
      </h2>
      <PolicyList escalation={saved} />
      <div className="field">
        <label className="field__label" htmlFor="escalation-json">
          People, channels, policies and rules (JSON, as in the settings file)
        </label>
        <textarea
          id="escalation-json"
          className="field__input escalation__json"
          value={text}
          rows={14}
          spellCheck={false}
          maxLength={MAX_ESCALATION_TEXT}
          aria-invalid={issues.length > 0 ? true : undefined}
          aria-describedby="escalation-json-help"
          onChange={(event) => {
            setText(event.target.value);
            setDirty(true);
            setStatus(undefined);
          }}
        />
        <span className="field__help" id="escalation-json-help">
          Targets: <code>{'{ "kind": "me" }'}</code>, a person, a schedule or a channel by{' '}
          <code>id</code>. <code>delayMinutes</code> is how long a level has before the next;
          docs/settings.md describes every field.
        </span>
      </div>
      <FormErrorList issues={issues} />
      <SaveActions canSave={dirty} status={status}>
        {dirty ? (
          <button
            type="button"
            className="btn"
            onClick={() => {
              setText(savedText);
              setDirty(false);
              setIssues([]);
              setStatus(undefined);
            }}
          >
            Discard changes
          </button>
        ) : null}
      </SaveActions>
      <h3 className="escalation__subheading">Outbound channels</h3>
      {saved.channels.length === 0 ? (
        <p className="muted">No channels: add one to the block above and save it.</p>
      ) : (
        saved.channels.map((channel) => (
          <ChannelRow
            key={channel.id}
            channel={channel}
            secret={secrets.find((s) => s.channelId === channel.id)}
            onSecret={(state) =>
              setSecrets((all) => [...all.filter((s) => s.channelId !== channel.id), state])
            }
          />
        ))
      )}
      <h3 className="escalation__subheading">Recent pages</h3>
      {record.length === 0 ? (
        <p className="muted">Nothing paged yet.</p>
      ) : (
        <ul className="escalation__record">
          {record.map((entry) => (
            <li
              key={entry.id}
              className={entry.result === 'failed' ? 'escalation__record--failed' : undefined}
            >
              {outboundEntryText(entry, (iso) => formatTimestamp(new Date(iso)))}
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}

function PolicyList(props: { escalation: EscalationSettings }) {
  const { escalation } = props;
  if (escalation.policies.length === 0) {
    return <p className="muted">No policies: alerts page only you.</p>;
  }
  return (
    <ul className="escalation__policies">
      {escalation.policies.map((policy) => (
        <li key={policy.id}>
          <strong>{policy.name}</strong>
          {policy.id === escalation.defaultPolicy ? ' (default)' : ''}:{' '}
          {policySummary(policy, escalation)}
        </li>
      ))}
    </ul>
  );
}

function ChannelRow(props: {
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
          ({KIND_NAME[channel.kind]}, id {channel.id})
        </span>{' '}
        —{' '}
        {secret?.set
          ? `secret stored ${secret.hint ?? ''}`
          : 'no secret stored yet: pages to it fail until one is'}
      </p>
      <div className="field field--inline">
        <label className="field__label" htmlFor={id}>
          {SECRET_LABEL[channel.kind]}
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
          onClick={() => store(value.trim())}
        >
          Store
        </button>
        {secret?.set ? (
          <button type="button" className="btn btn--small" onClick={() => store(null)}>
            Forget
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--small"
          onClick={test}
          disabled={status?.kind === 'saving'}
        >
          Send test page
        </button>
      </div>
      <StatusText status={status} />
    </div>
  );
}
