import type { SourceFieldSpec } from './source-kind-forms';

/** One setting of a source, as its spec says it is edited, with its error under it. */
export function SourceField(props: {
  spec: SourceFieldSpec;
  /** Unique in the page: the field's id and its error's. */
  id: string;
  value: string | boolean | undefined;
  error: string | undefined;
  onChange: (value: string | boolean) => void;
}) {
  const { spec, id, error } = props;
  const described = [error ? `${id}-error` : '', spec.help ? `${id}-help` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described || undefined,
  } as const;
  const text = typeof props.value === 'string' ? props.value : '';
  let control: React.ReactNode;
  if (spec.type === 'checkbox') {
    control = (
      <input
        {...common}
        type="checkbox"
        checked={props.value === true}
        onChange={(e) => props.onChange(e.target.checked)}
      />
    );
  } else if (spec.type === 'select') {
    control = (
      <select
        {...common}
        className="field__input field__input--select"
        value={text}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {(spec.options ?? []).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        className={`field__input${spec.type === 'number' ? ' tabular' : ''}`}
        value={text}
        placeholder={spec.placeholder}
        type={spec.type === 'email' ? 'email' : 'text'}
        inputMode={spec.type === 'number' ? 'numeric' : spec.type === 'url' ? 'url' : undefined}
        spellCheck={false}
        onChange={(e) => props.onChange(e.target.value)}
      />
    );
  }
  return (
    <div className={`field source-field source-field--${spec.type}`}>
      {spec.type === 'checkbox' ? (
        <label className="source-field__check" htmlFor={id}>
          {control} {spec.label}
        </label>
      ) : (
        <>
          <label className="field__label" htmlFor={id}>
            {spec.label}
          </label>
          {control}
        </>
      )}
      {spec.help ? (
        <span className="field__help muted" id={`${id}-help`}>
          {spec.help}
        </span>
      ) : null}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
