/** A field's reason, under it, when it has one; the id its control's aria-describedby names. */
export function FieldError(props: { id: string; error: string | undefined }) {
  return props.error ? (
    <span className="field__error" id={props.id}>
      {props.error}
    </span>
  ) : null;
}

/** The ids a control's aria-describedby lists: its help, then its reason when it has one. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter((id): id is string => typeof id === 'string');
  return list.length > 0 ? list.join(' ') : undefined;
}

/** A control's invalid state and the reason it points at, when it has one. */
export function invalid(id: string, error: string | undefined) {
  return error ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}

/**
 * One labelled line of text in the escalation editors: its label, the input (no spell check:
 * these are ids, names and patterns), its help and its reason at the field, both read out with
 * it.
 */
export function TextField(props: {
  id: string;
  /** The field's own class, next to `field`, for its place in the row. */
  className: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  maxLength: number;
  help?: string | undefined;
  placeholder?: string | undefined;
  readOnly?: boolean;
  type?: 'text' | 'url';
  inputMode?: 'numeric';
}) {
  const { id, error, help } = props;
  return (
    <div className={`field ${props.className}`}>
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        className="field__input"
        value={props.value}
        readOnly={props.readOnly}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        spellCheck={false}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        onChange={(event) => props.onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(help !== undefined && `${id}-help`, error && `${id}-error`)}
      />
      {help !== undefined ? (
        <span className="field__help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
