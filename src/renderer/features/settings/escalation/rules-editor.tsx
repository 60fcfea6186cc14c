import { SEVERITIES, severityLabel, type SeverityScale } from '../../../../shared/domain/severity';
import { FieldError, invalid, TextField } from './field-parts';
import type { PolicyEditorContext } from './policy-editor';
import type { PolicyPick } from './policy-form-draft';

const NOBODY = '';
const UNSET = '?';

function pickValue(pick: PolicyPick): string {
  return pick.kind === 'policy' ? pick.key : pick.kind === 'nobody' ? NOBODY : UNSET;
}

function pickOf(value: string): PolicyPick {
  return value === NOBODY
    ? { kind: 'nobody' }
    : value === UNSET
      ? { kind: 'unset' }
      : { kind: 'policy', key: value };
}

/** A policy picker: every policy by name, Nobody, and "Pick…" while none is chosen. */
function PolicySelect(props: {
  ctx: PolicyEditorContext;
  id: string;
  pick: PolicyPick;
  error: string | undefined;
  onPick: (pick: PolicyPick) => void;
}) {
  const { ctx, id, pick, error } = props;
  return (
    <select
      id={id}
      className="field__input field__input--select"
      value={pickValue(pick)}
      onChange={(event) => props.onPick(pickOf(event.target.value))}
      {...invalid(`${id}-error`, error)}
    >
      {pick.kind === 'unset' ? <option value={UNSET}>Pick a policy…</option> : null}
      {ctx.draft.policies.map((policy, index) => (
        <option key={policy.key} value={policy.key}>
          {policy.name.trim() || `Policy ${index + 1}`}
        </option>
      ))}
      <option value={NOBODY}>Nobody (no escalation)</option>
    </select>
  );
}

/**
 * The rules choosing a policy per alert, tried in order (the first that matches decides), each
 * with its severities, sources and label conditions; and the policy of alerts no rule matches.
 */
export function RulesEditor(props: { ctx: PolicyEditorContext; scale: SeverityScale }) {
  const { ctx, scale } = props;
  const { draft, errors, act } = ctx;
  const at = (key: string) => `[data-key="${CSS.escape(key)}"]`;
  const defaultError = errors['defaultPolicy'];
  return (
    <>
      {draft.rules.length === 0 ? (
        <p className="muted">No rules: every alert gets the default policy.</p>
      ) : null}
      <ol className="policy-rules" aria-label="Rules, first match decides">
        {draft.rules.map((rule, r) => {
          const path = `rules.${r}`;
          const base = `esc-${rule.key}`;
          const name = `rule ${r + 1}`;
          const error = (field: string) => errors[`${path}.${field}`];
          const text = (field: 'sources' | 'labels', label: string, placeholder: string) => (
            <TextField
              id={`${base}-${field}`}
              className={`policy-rule__${field}`}
              label={label}
              value={rule[field]}
              maxLength={2000}
              placeholder={placeholder}
              onChange={(value) => act({ type: 'rule-field', rule: rule.key, field, value })}
              error={error(field)}
            />
          );
          const move = (by: -1 | 1, button: string) =>
            act({ type: 'rule-move', rule: rule.key, by }, (root) => {
              const wanted = root.querySelector<HTMLButtonElement>(`${at(rule.key)} ${button}`);
              return wanted && !wanted.disabled
                ? wanted
                : root.querySelector<HTMLElement>(`${at(rule.key)} select`);
            });
          const severityError = error('severities');
          const policyError = error('policy');
          return (
            <li className="policy-rule" key={rule.key} data-key={rule.key}>
              <div className="policy-rule__head">
                <span className="policy-rule__name">Rule {r + 1}</span>
                <span className="policy-level__buttons">
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    data-move="up"
                    disabled={r === 0}
                    aria-label={`Move ${name} up`}
                    title="Move up (tried earlier)"
                    onClick={() => move(-1, '[data-move="up"]')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    data-move="down"
                    disabled={r === draft.rules.length - 1}
                    aria-label={`Move ${name} down`}
                    title="Move down (tried later)"
                    onClick={() => move(1, '[data-move="down"]')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn--small btn--icon"
                    aria-label={`Remove ${name}`}
                    title="Remove rule"
                    onClick={() => {
                      const next = draft.rules[r + 1] ?? draft.rules[r - 1];
                      act({ type: 'rule-remove', rule: rule.key }, (root) =>
                        root.querySelector<HTMLElement>(
                          next ? `${at(next.key)} input` : '[data-add-rule]',
                        ),
                      );
                    }}
                  >
                    ✕
                  </button>
                </span>
              </div>
              <fieldset
                className="policy-rule__severities"
                aria-describedby={severityError ? `${base}-severities-error` : undefined}
              >
                <legend className="field__label">Severities (none ticked: any)</legend>
                {SEVERITIES.map((severity) => (
                  <label className="policy-rule__severity" key={severity}>
                    <input
                      type="checkbox"
                      checked={rule.severities.includes(severity)}
                      onChange={(event) =>
                        act({
                          type: 'rule-severity',
                          rule: rule.key,
                          severity,
                          on: event.target.checked,
                        })
                      }
                    />
                    {severityLabel(severity, scale)}
                  </label>
                ))}
                <FieldError id={`${base}-severities-error`} error={severityError} />
              </fieldset>
              {text('sources', 'Sources (ids, comma-separated; blank: any)', 'local, pagerduty')}
              {text(
                'labels',
                'Labels (blank: any)',
                'service=checkout, env=prod|staging, team=~db-.*',
              )}
              <div className="field policy-rule__policy">
                <label className="field__label" htmlFor={`${base}-policy`}>
                  Policy
                </label>
                <PolicySelect
                  ctx={ctx}
                  id={`${base}-policy`}
                  pick={rule.policy}
                  error={policyError}
                  onPick={(pick) => act({ type: 'rule-policy', rule: rule.key, pick })}
                />
                <FieldError id={`${base}-policy-error`} error={policyError} />
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn--small"
        data-add-rule
        disabled={draft.rules.length >= 100}
        onClick={() =>
          act({ type: 'rule-add' }, (root) =>
            root.querySelector<HTMLElement>('.policy-rule:last-child input'),
          )
        }
      >
        + Add rule
      </button>
      <div className="field field--inline policy-rules__default">
        <label className="field__label" htmlFor="esc-default-policy">
          Alerts no rule matches get
        </label>
        <PolicySelect
          ctx={ctx}
          id="esc-default-policy"
          pick={draft.defaultPolicy}
          error={defaultError}
          onPick={(pick) => act({ type: 'default-policy', pick })}
        />
        <FieldError id={'esc-default-policy-error'} error={defaultError} />
      </div>
    </>
  );
}
