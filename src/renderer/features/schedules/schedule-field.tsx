import type { ReactNode } from 'react';

/**
 * A labelled field of the schedule editor with its refusal next to it: the input gets
 * `aria-invalid` and is described by the reason, so a screen reader says why.
 */
export function ScheduleField(props: {
  id: string;
  label: string;
  error: string | undefined;
  help?: ReactNode;
  children: (aria: {
    id: string;
    'aria-invalid': true | undefined;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const { id, error, help } = props;
  const describedBy =
    [error ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {props.label}
      </label>
      {props.children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {help ? (
        <span className="field__help" id={`${id}-help`}>
          {help}
        </span>
      ) : null}
    </div>
  );
}
