import { useState } from 'react';
import type { OutboundChannel } from '../../../../shared/escalation/policy-schema';
import {
  CHANNEL_KINDS,
  CHANNEL_KIND_NAME,
  channelRemoveRefusal,
  channelTitle,
  type ChannelDraft,
} from './channel-draft';
import { describedBy, FieldError, TextField } from './field-parts';
import type { PolicyEditorContext } from './policy-editor';

const at = (key: string) => `[data-key="${CSS.escape(key)}"]`;

/**
 * The outbound channels levels and people page through: each one's name, kind, id and, for
 * PagerDuty, its Events URL; never its secret, which is stored below once the channel is saved.
 * A channel something still pages through is not removed: the reason, naming who uses it, shows
 * under its Remove button. Adding one takes the keyboard to its name; removing one to the next.
 */
export function ChannelsEditor(props: {
  ctx: PolicyEditorContext;
  /** The channels as saved, to say when a kind change needs a new secret. */
  saved: readonly OutboundChannel[];
}) {
  const { draft, errors, act } = props.ctx;
  // Which channel's Remove was refused; the reason is worked out afresh on every render, so it
  // goes away by itself once nothing uses the channel any more.
  const [refused, setRefused] = useState<string | undefined>();
  const refusal = refused === undefined ? undefined : channelRemoveRefusal(draft, refused);
  return (
    <>
      {draft.channels.length === 0 ? (
        <p className="muted">No channels yet: add one for a level or a person to page through.</p>
      ) : null}
      <ul className="channel-edits" aria-label="Channels">
        {draft.channels.map((channel, c) => (
          <ChannelEdit
            key={channel.key}
            ctx={props.ctx}
            channel={channel}
            index={c}
            savedKind={props.saved.find((s) => channel.saved && s.id === channel.id)?.kind}
            refusal={refused === channel.key ? refusal : undefined}
            onRemove={() => {
              if (channelRemoveRefusal(draft, channel.key) !== undefined) {
                setRefused(channel.key);
                return;
              }
              setRefused(undefined);
              const next = draft.channels[c + 1] ?? draft.channels[c - 1];
              act({ type: 'channel-remove', channel: channel.key }, (root) =>
                root.querySelector<HTMLElement>(
                  next ? `${at(next.key)} input` : '[data-add-channel]',
                ),
              );
            }}
            errors={errors}
          />
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        data-add-channel
        disabled={draft.channels.length >= 50}
        onClick={() => {
          setRefused(undefined);
          act({ type: 'channel-add' }, (root) =>
            root.querySelector<HTMLElement>('.channel-edit:last-child input'),
          );
        }}
      >
        + Add channel
      </button>
    </>
  );
}

function ChannelEdit(props: {
  ctx: PolicyEditorContext;
  channel: ChannelDraft;
  index: number;
  savedKind: OutboundChannel['kind'] | undefined;
  refusal: string | undefined;
  onRemove: () => void;
  errors: Record<string, string>;
}) {
  const { ctx, channel, index, savedKind, refusal, errors } = props;
  const { act, draft } = ctx;
  const base = `esc-${channel.key}`;
  const path = `channels.${index}`;
  const title = channelTitle(draft, channel.key);

  const text = (name: 'name' | 'id' | 'eventsUrl', label: string, help?: string) => (
    <TextField
      id={`${base}-${name}`}
      className={`channel-edit__${name}`}
      label={label}
      value={channel[name]}
      readOnly={name === 'id' && channel.saved}
      type={name === 'eventsUrl' ? 'url' : 'text'}
      maxLength={name === 'eventsUrl' ? 2048 : name === 'name' ? 100 : 64}
      onChange={(value) => act({ type: 'channel-field', channel: channel.key, field: name, value })}
      error={errors[`${path}.${name}`]}
      help={help}
    />
  );

  const kindId = `${base}-kind`;
  const kindError = errors[`${path}.kind`];
  // A secret stored for one kind (a Slack URL) does not serve another (a routing key).
  const kindNote =
    savedKind !== undefined && savedKind !== channel.kind
      ? `Its stored secret is for ${CHANNEL_KIND_NAME[savedKind]}: after saving, store the new one below.`
      : undefined;
  return (
    <li className="channel-edit" data-key={channel.key}>
      {text('name', 'Name')}
      <div className="field channel-edit__kind">
        <label className="field__label" htmlFor={kindId}>
          Kind
        </label>
        <select
          id={kindId}
          className="field__input field__input--select"
          value={channel.kind}
          onChange={(event) =>
            act({
              type: 'channel-kind',
              channel: channel.key,
              kind: event.target.value as OutboundChannel['kind'],
            })
          }
          aria-invalid={kindError ? true : undefined}
          aria-describedby={describedBy(
            kindNote && `${kindId}-note`,
            kindError && `${kindId}-error`,
          )}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {CHANNEL_KIND_NAME[kind]}
            </option>
          ))}
        </select>
        {kindNote ? (
          <span className="field__help" id={`${kindId}-note`}>
            {kindNote}
          </span>
        ) : null}
        <FieldError id={`${kindId}-error`} error={kindError} />
      </div>
      {/* Said once above the list rather than under every saved id: a saved id is read-only. */}
      {text('id', 'Id')}
      <div className="channel-edit__remove">
        <button
          type="button"
          className="btn btn--small"
          aria-label={`Remove channel ${title}`}
          aria-describedby={refusal ? `${base}-refusal` : undefined}
          onClick={props.onRemove}
        >
          Remove
        </button>
      </div>
      {channel.kind === 'pagerduty'
        ? text(
            'eventsUrl',
            'PagerDuty Events URL',
            'Blank for PagerDuty’s own; EU accounts use https://events.eu.pagerduty.com/v2/enqueue',
          )
        : null}
      {refusal ? (
        <span className="field__error channel-edit__refusal" id={`${base}-refusal`} role="alert">
          {refusal}
        </span>
      ) : null}
    </li>
  );
}
