import type { FormEvent, KeyboardEvent } from 'react';

/**
 * The handlers every small editor of the incident view shares (severity, times, roles, cadence,
 * entries, reopen): Enter submits without reloading the page, Esc gives up and closes it.
 * @param submit - what Enter does
 * @param cancel - what Esc does
 */
export function inlineFormHandlers(
  submit: () => void,
  cancel: () => void,
): {
  onSubmit: (event: FormEvent) => void;
  onKeyDown: (event: KeyboardEvent) => void;
} {
  return {
    onSubmit: (event) => {
      event.preventDefault();
      submit();
    },
    onKeyDown: (event) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      cancel();
    },
  };
}
