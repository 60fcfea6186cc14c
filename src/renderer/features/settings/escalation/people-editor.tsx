import { useState } from 'react';
import { channelTitle } from './channel-draft';
import { FieldError, invalid, TextField } from './field-parts';
import { personRemoveRefusal, personTitle } from './person-draft';
import type { PolicyEditorContext } from './policy-editor';

/**
 * The people a level can page by name: each one's name, id (how levels refer to them; a level
 * follows a retyped id) and the outbound channel that reaches them. Someone a level still pages
 * is not removed: the reason, naming the levels, shows under their row. Removing one hands the
 * keyboard to the next.
 */
export function PeopleEditor(props: { ctx: PolicyEditorContext }) {
  const { draft, errors, act } = props.ctx;
  const at = (key: string) => `[data-key="${CSS.escape(key)}"]`;
  // The person whose removal was refused; the reason is worked out afresh from the draft, so it
  // goes once the levels no longer page them.
  const [refused, setRefused] = useState<string>();
  return (
    <>
      {draft.people.length === 0 ? (
        <p className="muted">Nobody yet: add the people a level may page by name.</p>
      ) : null}
      <ul className="people-rows" aria-label="People">
        {draft.people.map((person, h) => {
          const shown = personTitle(draft, person.key);
          const refusal =
            refused === person.key ? personRemoveRefusal(draft, person.key) : undefined;
          const refusalId = `esc-${person.key}-refusal`;
          const field = (name: 'name' | 'id', label: string) => (
            <TextField
              id={`esc-${person.key}-${name}`}
              className={`people-row__${name}`}
              label={label}
              value={person[name]}
              maxLength={name === 'name' ? 200 : 64}
              onChange={(value) =>
                act({ type: 'person-field', person: person.key, field: name, value })
              }
              error={errors[`people.${h}.${name}`]}
            />
          );
          const channelId = `esc-${person.key}-channel`;
          const channelError = errors[`people.${h}.channel`];
          return (
            <li className="people-row" key={person.key} data-key={person.key}>
              {field('name', 'Name')}
              {field('id', 'Id')}
              <div className="field people-row__channel">
                <label className="field__label" htmlFor={channelId}>
                  Reached through
                </label>
                <select
                  id={channelId}
                  className="field__input field__input--select"
                  value={person.channel}
                  onChange={(event) =>
                    act({
                      type: 'person-field',
                      person: person.key,
                      field: 'channel',
                      value: event.target.value,
                    })
                  }
                  {...invalid(`${channelId}-error`, channelError)}
                >
                  <option value="">No channel (cannot be paged yet)</option>
                  {/* By draft key: the person follows a channel whose id is being retyped. */}
                  {draft.channels.map((channel) => (
                    <option key={channel.key} value={channel.key}>
                      {channelTitle(draft, channel.key)} ({channel.id})
                    </option>
                  ))}
                </select>
                <FieldError id={`${channelId}-error`} error={channelError} />
              </div>
              <button
                type="button"
                className="btn btn--small people-row__remove"
                aria-label={`Remove ${shown}`}
                aria-describedby={refusal ? refusalId : undefined}
                onClick={() => {
                  if (personRemoveRefusal(draft, person.key) !== undefined) {
                    setRefused(person.key);
                    return;
                  }
                  setRefused(undefined);
                  const next = draft.people[h + 1] ?? draft.people[h - 1];
                  act({ type: 'person-remove', person: person.key }, (root) =>
                    root.querySelector<HTMLElement>(
                      next ? `${at(next.key)} input` : '[data-add-person]',
                    ),
                  );
                }}
              >
                Remove
              </button>
              {refusal ? (
                <span className="field__error people-row__refusal" id={refusalId} role="alert">
                  {refusal}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        data-add-person
        disabled={draft.people.length >= 200}
        onClick={() => {
          setRefused(undefined);
          act({ type: 'person-add' }, (root) =>
            root.querySelector<HTMLElement>('.people-row:last-child input'),
          );
        }}
      >
        + Add person
      </button>
    </>
  );
}
