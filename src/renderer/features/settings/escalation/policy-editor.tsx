import { describePolicy } from '../../../../shared/escalation/policy-description';
import type { EscalationTarget } from '../../../../shared/escalation/policy-schema';
import { channelByKey, channelTitle } from './channel-draft';
import { FieldError, invalid, TextField } from './field-parts';
import { personByKey, personTitle } from './person-draft';
import type {
  LevelDraft,
  PolicyDraft,
  PolicyFormAction,
  PolicyFormDraft,
  TargetDraft,
  TargetKind,
} from './policy-form-draft';

/** Where focus goes after an action: a finder run over the form once it has re-rendered. */
export type FocusFinder = (root: HTMLElement) => HTMLElement | null;

/** What every part of the policy editor is handed. */
export interface PolicyEditorContext {
  draft: PolicyFormDraft;
  errors: Record<string, string>;
  /** Do it, then move the focus where the finder says (when given). */
  act: (action: PolicyFormAction, focus?: FocusFinder) => void;
}

/** The id of the datalist that suggests schedule ids. */
export const SCHEDULE_LIST_ID = 'escalation-schedule-ids';

const KIND_TEXT: Record<TargetKind, string> = {
  me: 'Me (this app’s alarm)',
  person: 'A person',
  schedule: 'On-call schedule',
  channel: 'Outbound channel',
};

const find =
  (selector: string): FocusFinder =>
  (root) =>
    root.querySelector<HTMLElement>(selector);

/** The first of the finders that finds an enabled element. */
const firstOf =
  (...finders: FocusFinder[]): FocusFinder =>
  (root) => {
    for (const finder of finders) {
      const element = finder(root);
      if (element && !(element as HTMLButtonElement).disabled) return element;
    }
    return null;
  };

const at = (key: string) => `[data-key="${CSS.escape(key)}"]`;

/** The target as the plan describes it: a person or channel by id (the draft points by key). */
function asTarget(target: TargetDraft, draft: PolicyFormDraft): EscalationTarget {
  switch (target.kind) {
    case 'me':
      return { kind: 'me' };
    case 'channel':
      return { kind: 'channel', id: channelByKey(draft, target.id)?.id.trim() ?? '' };
    case 'person':
      return { kind: 'person', id: personByKey(draft, target.id)?.id.trim() ?? '' };
    case 'schedule':
      return { kind: 'schedule', id: target.id.trim() };
  }
}

/**
 * One policy: name, id, repeat count, and its ordered levels, each a delay and its targets;
 * beside it, read-only, what it will do in words. Levels and targets move with ↑/↓ buttons (and
 * Alt+↑/↓ in a level's minutes); the focus follows what moved, and lands on the next thing after
 * a removal, so a keyboard user never drops back to the top of the page.
 */
export function PolicyEditor(props: {
  ctx: PolicyEditorContext;
  policy: PolicyDraft;
  index: number;
}) {
  const { ctx, policy, index } = props;
  const { errors, act, draft } = ctx;
  const path = `policies.${index}`;
  const base = `esc-${policy.key}`;
  const title = policy.name.trim() || `Policy ${index + 1}`;
  const plan = describePolicy(
    {
      repeat: Number.isInteger(Number(policy.repeat)) ? Math.max(0, Number(policy.repeat)) : 0,
      levels: policy.levels.map((level) => ({
        delayMinutes: Math.max(0, Number(level.delay) || 0),
        targets: level.targets.map((target) => asTarget(target, draft)),
      })),
    },
    draft,
  );
  const field = (name: 'name' | 'id' | 'repeat', label: string, help?: string) => (
    <TextField
      id={`${base}-${name}`}
      className={`policy-card__${name}`}
      label={label}
      value={policy[name]}
      {...(name === 'repeat' && { inputMode: 'numeric' as const })}
      maxLength={name === 'name' ? 100 : 64}
      onChange={(value) => act({ type: 'policy-field', policy: policy.key, field: name, value })}
      error={errors[`${path}.${name}`]}
      help={help}
    />
  );
  const levelsError = errors[`${path}.levels`];
  return (
    <li className="policy-card" data-key={policy.key}>
      <div className="policy-card__form">
        <div className="policy-card__head">
          <h4 className="policy-card__title">{title}</h4>
          <button
            type="button"
            className="btn btn--small btn--danger"
            aria-label={`Remove policy ${title}`}
            onClick={() => {
              const next = draft.policies[index + 1] ?? draft.policies[index - 1];
              act(
                { type: 'policy-remove', policy: policy.key },
                next ? find(`${at(next.key)} input`) : find('[data-add-policy]'),
              );
            }}
          >
            Remove policy
          </button>
        </div>
        <div className="policy-card__fields">
          {field('name', 'Name')}
          {field('id', 'Id', 'How rules name it')}
          {field('repeat', 'Repeat the whole policy (times)', `0–10; 0 runs it once`)}
        </div>
        <ol className="policy-levels" aria-label={`Levels of ${title}`}>
          {policy.levels.map((level, l) => (
            <LevelEditor
              key={level.key}
              ctx={ctx}
              policy={policy}
              level={level}
              index={l}
              path={`${path}.levels.${l}`}
            />
          ))}
        </ol>
        <button
          type="button"
          className="btn btn--small"
          data-add-level
          aria-label={`Add level to ${title}`}
          disabled={policy.levels.length >= 20}
          aria-describedby={levelsError ? `${base}-levels-error` : undefined}
          onClick={() =>
            act(
              { type: 'level-add', policy: policy.key },
              find(`${at(policy.key)} .policy-level:last-child input`),
            )
          }
        >
          + Add level
        </button>
        <FieldError id={`${base}-levels-error`} error={levelsError} />
      </div>
      <section className="policy-card__plan" aria-label={`What ${title} will do`}>
        <h5 className="policy-card__plan-title">What it will do</h5>
        <ul className="policy-card__plan-lines">
          {plan.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      </section>
    </li>
  );
}

function LevelEditor(props: {
  ctx: PolicyEditorContext;
  policy: PolicyDraft;
  level: LevelDraft;
  index: number;
  path: string;
}) {
  const { ctx, policy, level, index, path } = props;
  const { errors, act } = ctx;
  const id = `esc-${level.key}-delay`;
  const delayError = errors[`${path}.delayMinutes`];
  const targetsError = errors[`${path}.targets`];
  const name = `level ${index + 1}`;
  const last = index === policy.levels.length - 1;
  const move = (by: -1 | 1, button: string): void =>
    act(
      { type: 'level-move', policy: policy.key, level: level.key, by },
      firstOf(find(`${at(level.key)} > .policy-level__head ${button}`), find(`#${CSS.escape(id)}`)),
    );
  return (
    <li className="policy-level" data-key={level.key}>
      <div className="policy-level__head">
        <span className="policy-level__name">Level {index + 1}</span>
        <div className="field policy-level__delay">
          <label className="field__label" htmlFor={id}>
            {last ? 'Minutes before repeating' : 'Minutes before the next level'}
          </label>
          <input
            id={id}
            className="field__input tabular"
            value={level.delay}
            inputMode="decimal"
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
            onChange={(event) =>
              act({
                type: 'level-delay',
                policy: policy.key,
                level: level.key,
                value: event.target.value,
              })
            }
            onKeyDown={(event) => {
              if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
              event.preventDefault();
              move(event.key === 'ArrowUp' ? -1 : 1, 'input');
            }}
            {...invalid(`${id}-error`, delayError)}
          />
          <FieldError id={`${id}-error`} error={delayError} />
        </div>
        <span className="policy-level__buttons">
          <button
            type="button"
            className="btn btn--small btn--icon"
            data-move="up"
            disabled={index === 0}
            aria-label={`Move ${name} of ${policy.name || 'this policy'} up`}
            title="Move up (Alt+↑ in its minutes)"
            onClick={() => move(-1, '[data-move="up"]')}
          >
            ↑
          </button>
          <button
            type="button"
            className="btn btn--small btn--icon"
            data-move="down"
            disabled={last}
            aria-label={`Move ${name} of ${policy.name || 'this policy'} down`}
            title="Move down (Alt+↓ in its minutes)"
            onClick={() => move(1, '[data-move="down"]')}
          >
            ↓
          </button>
          <button
            type="button"
            className="btn btn--small btn--icon"
            aria-label={`Remove ${name} of ${policy.name || 'this policy'}`}
            title="Remove level"
            onClick={() => {
              const next = policy.levels[index + 1] ?? policy.levels[index - 1];
              act(
                { type: 'level-remove', policy: policy.key, level: level.key },
                next ? find(`${at(next.key)} input`) : find(`${at(policy.key)} [data-add-level]`),
              );
            }}
          >
            ✕
          </button>
        </span>
      </div>
      <ul className="policy-targets" aria-label={`Who ${name} pages`}>
        {level.targets.map((target, t) => (
          <TargetEditor
            key={target.key}
            ctx={ctx}
            policy={policy}
            level={level}
            target={target}
            index={t}
            levelName={`Level ${index + 1}`}
            path={`${path}.targets.${t}`}
          />
        ))}
      </ul>
      <button
        type="button"
        className="btn btn--small"
        data-add-target
        aria-label={`Add target to ${name}`}
        disabled={level.targets.length >= 20}
        aria-describedby={targetsError ? `esc-${level.key}-targets-error` : undefined}
        onClick={() =>
          act(
            { type: 'target-add', policy: policy.key, level: level.key },
            find(`${at(level.key)} .policy-target:last-child select`),
          )
        }
      >
        + Add target
      </button>
      <FieldError id={`esc-${level.key}-targets-error`} error={targetsError} />
    </li>
  );
}

function TargetEditor(props: {
  ctx: PolicyEditorContext;
  policy: PolicyDraft;
  level: LevelDraft;
  target: TargetDraft;
  index: number;
  levelName: string;
  path: string;
}) {
  const { ctx, policy, level, target, index, levelName, path } = props;
  const { errors, act, draft } = ctx;
  const base = `esc-${target.key}`;
  const error = errors[`${path}.id`] ?? errors[`${path}.kind`];
  const name = `${levelName}, target ${index + 1}`;
  const set = (kind: TargetKind, id: string) =>
    act({ type: 'target-set', policy: policy.key, level: level.key, target: target.key, kind, id });
  const move = (by: -1 | 1, button: string): void =>
    act(
      { type: 'target-move', policy: policy.key, level: level.key, target: target.key, by },
      firstOf(find(`${at(target.key)} ${button}`), find(`${at(target.key)} select`)),
    );
  // A person or channel is picked by their draft key, so the target follows them while their id
  // is retyped.
  const choices =
    target.kind === 'person'
      ? draft.people.map((p) => ({ value: p.key, text: `${personTitle(draft, p.key)} (${p.id})` }))
      : draft.channels.map((c) => ({
          value: c.key,
          text: `${channelTitle(draft, c.key)} (${c.id})`,
        }));
  const detail =
    target.kind === 'me' ? null : target.kind === 'schedule' ? (
      <input
        className="field__input policy-target__id"
        value={target.id}
        list={SCHEDULE_LIST_ID}
        spellCheck={false}
        maxLength={64}
        placeholder="schedule id, e.g. secondary"
        aria-label={`${name}: schedule id`}
        onChange={(event) => set('schedule', event.target.value)}
        {...invalid(`${base}-error`, error)}
      />
    ) : (
      <select
        className="field__input field__input--select policy-target__id"
        value={target.id}
        aria-label={`${name}: ${target.kind}`}
        onChange={(event) => set(target.kind, event.target.value)}
        {...invalid(`${base}-error`, error)}
      >
        <option value="">{target.kind === 'person' ? 'Pick a person…' : 'Pick a channel…'}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.text}
          </option>
        ))}
      </select>
    );
  return (
    <li className="policy-target" data-key={target.key}>
      <select
        className="field__input field__input--select"
        value={target.kind}
        aria-label={`${name}: who`}
        onChange={(event) => set(event.target.value as TargetKind, '')}
        {...(target.kind === 'me' ? invalid(`${base}-error`, error) : {})}
      >
        {(Object.keys(KIND_TEXT) as TargetKind[]).map((kind) => (
          <option key={kind} value={kind}>
            {KIND_TEXT[kind]}
          </option>
        ))}
      </select>
      {detail}
      <span className="policy-target__buttons">
        <button
          type="button"
          className="btn btn--small btn--icon"
          data-move="up"
          disabled={index === 0}
          aria-label={`Move target ${index + 1} of ${levelName.toLowerCase()} up`}
          title="Move up"
          onClick={() => move(-1, '[data-move="up"]')}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn btn--small btn--icon"
          data-move="down"
          disabled={index === level.targets.length - 1}
          aria-label={`Move target ${index + 1} of ${levelName.toLowerCase()} down`}
          title="Move down"
          onClick={() => move(1, '[data-move="down"]')}
        >
          ↓
        </button>
        <button
          type="button"
          className="btn btn--small btn--icon"
          aria-label={`Remove target ${index + 1} of ${levelName.toLowerCase()}`}
          title="Remove target"
          onClick={() => {
            const next = level.targets[index + 1] ?? level.targets[index - 1];
            act(
              { type: 'target-remove', policy: policy.key, level: level.key, target: target.key },
              next ? find(`${at(next.key)} select`) : find(`${at(level.key)} [data-add-target]`),
            );
          }}
        >
          ✕
        </button>
      </span>
      <FieldError id={`${base}-error`} error={error} />
    </li>
  );
}
