import type { SeverityScale } from '../../../../shared/domain/severity';
import type { SourceStatus } from '../../../../shared/domain/source';
import { kindForm } from './source-kind-forms';
import { takesToken, type SourceDraft } from './source-draft';
import { SourceCredential } from './source-credential';
import { SourcePreviewPanel } from './source-preview';
import { SourceField } from './source-field';
import { SourceTest } from './source-test';
import { SeverityWordsEditor } from './severity-words-editor';

/** One source in Settings: its kind, name, fields, own severity words, test and live state. */
export function SourceCard(props: {
  draft: SourceDraft;
  index: number;
  scale: SeverityScale;
  errors: Record<string, string>;
  /** The source's live status, once it is saved and watched. */
  status: SourceStatus | undefined;
  onChange: (patch: Partial<SourceDraft>) => void;
  onRemove: () => void;
}) {
  const { draft, index, errors, status } = props;
  const form = kindForm(draft.kind);
  const error = (path: string) => errors[`sources.${index}.${path}`];
  const fieldId = (path: string) => `source-${draft.key}-${path.replace(/\W/g, '-')}`;
  const setValue = (path: string, value: string | boolean) =>
    props.onChange({ values: { ...draft.values, [path]: value } });
  const field = (spec: (typeof form.fields)[number]) => (
    <SourceField
      key={spec.path}
      spec={spec}
      id={fieldId(spec.path)}
      value={draft.values[spec.path]}
      error={error(spec.path)}
      onChange={(value) => setValue(spec.path, value)}
    />
  );
  const more = form.fields.filter((f) => f.more);
  const moreErrors = more.some((f) => error(f.path)) || draft.words.length > 0;
  return (
    <fieldset className={`source-card${draft.enabled ? '' : ' source-card--off'}`}>
      <legend className="source-card__legend">
        <span className="source-card__kind">{form.label}</span>
        {draft.id ? <span className="source-card__id muted">id {draft.id}</span> : null}
      </legend>
      <p className="source-card__about muted">{form.description}</p>
      <div className="source-card__fields">
        <div className="field source-field">
          <label className="field__label" htmlFor={fieldId('name')}>
            Name
          </label>
          <input
            id={fieldId('name')}
            className="field__input"
            value={draft.name}
            placeholder="Production"
            onChange={(e) => props.onChange({ name: e.target.value })}
            aria-invalid={error('name') ? true : undefined}
            aria-describedby={error('name') ? `${fieldId('name')}-error` : undefined}
          />
          {error('name') ? (
            <span className="field__error" id={`${fieldId('name')}-error`}>
              {error('name')}
            </span>
          ) : null}
        </div>
        {form.fields.filter((f) => !f.more).map(field)}
        {takesToken(draft) ? (
          <SourceCredential
            draft={draft}
            status={status}
            id={fieldId('token')}
            onChange={(token) => props.onChange({ token })}
          />
        ) : null}
      </div>
      {draft.kind === 'json' ? <SourcePreviewPanel draft={draft} scale={props.scale} /> : null}
      <details className="source-card__more" open={moreErrors || undefined}>
        <summary>More settings</summary>
        <div className="source-card__fields">{more.map(field)}</div>
        <div className="source-card__words">
          <span className="field__label">Severity words only this source uses</span>
          <SeverityWordsEditor
            idPrefix={fieldId('words')}
            rows={draft.words}
            scale={props.scale}
            onChange={(words) => props.onChange({ words })}
          />
        </div>
      </details>
      <div className="source-card__foot">
        <label className="source-field__check">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(e) => props.onChange({ enabled: e.target.checked })}
          />{' '}
          Watch this source
        </label>
        <SourceTest draft={draft} scale={props.scale} />
        <button type="button" className="btn btn--small btn--danger" onClick={props.onRemove}>
          Remove
        </button>
      </div>
      {status ? <SourceLiveState status={status} /> : null}
    </fieldset>
  );
}

function SourceLiveState({ status }: { status: SourceStatus }) {
  if (status.health === 'failing') {
    return (
      <p className="source-card__state source-card__state--failing" role="status">
        Not answering: {status.reason ?? 'no reason given'}
      </p>
    );
  }
  if (status.health === 'ok') {
    return (
      <p className="source-card__state muted">
        Answering · {status.activeAlerts} active {status.activeAlerts === 1 ? 'alert' : 'alerts'}
      </p>
    );
  }
  return null;
}
