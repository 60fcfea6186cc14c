import { useState, type InputHTMLAttributes } from 'react';

/**
 * An input edited in place that saves on Enter or when it loses the focus, and puts back what
 * is stored on Escape. A new stored value (saved here, or by a teammate) replaces what it shows
 * without remounting it, so the keyboard stays where it was.
 */
export function CommitField(
  props: {
    stored: string;
    /** Called with the new value when it differs from `stored`. */
    onCommit: (value: string) => void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'defaultValue'>,
) {
  const { stored, onCommit, ...input } = props;
  const [value, setValue] = useState(stored);
  const [shown, setShown] = useState(stored);
  if (shown !== stored) {
    setShown(stored);
    setValue(stored);
  }
  const commit = (): void => {
    if (value.trim() !== stored.trim()) onCommit(value.trim());
  };
  return (
    <input
      {...input}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          setValue(stored);
        }
      }}
    />
  );
}
