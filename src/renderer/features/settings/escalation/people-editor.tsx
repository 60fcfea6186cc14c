import { channelTitle } from './channel-draft';
import type { PolicyEditorContext } from './policy-editor';

/**
 * The people a level can page by name: each one's name, id (how levels refer to them) and the
 * outbound channel that reaches them. Removing one hands the keyboard to the next.
 */
export function PeopleEditor(props: { ctx: PolicyEditorContext }) {
  const { draft, errors, act } = props.ctx;
  const at = (key: string) => `[data-key="${CSS.escape(key)}"]`;
  return (
    <>
      {draft.people.length === 0 ? (
        <p className="muted">Nobody yet: add the people a level may page by name.</p>
      ) : null}
      <ul className="people-rows" aria-label="People">
        {draft.people.map((person, h) => {
          const shown = person.name.trim() || `person ${h + 1}`;
          const field = (name: 'name' | 'id', label: string) => {
            const id = `esc-${person.key}-${name}`;
            const error = errors[`people.${h}.${name}`];
            return (
              <div className={`field people-row__${name}`}>
                <label className="field__label" htmlFor={id}>
                  {label}
                </label>
                <input
                  id={id}
                  className="field__input"
                  value={person[name]}
                  spellCheck={false}
                  maxLength={name === 'name' ? 200 : 64}
                  onChange={(event) =>
                    act({
                      type: 'person-field',
                      person: person.key,
                      field: name,
                      value: event.target.value,
                    })
                  }
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                />
                {error ? (
                  <span className="field__error" id={`${id}-error`}>
                    {error}
                  </span>
                ) : null}
              </div>
            );
          };
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
                  aria-invalid={channelError ? true : undefined}
                  aria-describedby={channelError ? `${channelId}-error` : undefined}
                >
                  <option value="">No channel (cannot be paged yet)</option>
                  {/* By draft key: the person follows a channel whose id is being retyped. */}
                  {draft.channels.map((channel) => (
                    <option key={channel.key} value={channel.key}>
                      {channelTitle(draft, channel.key)} ({channel.id})
                    </option>
                  ))}
                </select>
                {channelError ? (
                  <span className="field__error" id={`${channelId}-error`}>
                    {channelError}
                  </span>
                ) : null}
              </div>
              <button
                type="button"
                className="btn btn--small people-row__remove"
                aria-label={`Remove ${shown}`}
                onClick={() => {
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
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        data-add-person
        disabled={draft.people.length >= 200}
        onClick={() =>
          act({ type: 'person-add' }, (root) =>
            root.querySelector<HTMLElement>('.people-row:last-child input'),
          )
        }
      >
        + Add person
      </button>
    </>
  );
}
