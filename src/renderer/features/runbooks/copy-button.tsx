import { useEffect, useState } from 'react';

/** How long "Copied" stays before the button reads "Copy" again. */
const CONFIRM_MS = 2000;

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed'; reason: string };

/**
 * Copies `text` to the clipboard with `navigator.clipboard.writeText`: the one clipboard
 * permission the Electron shell grants (clipboard-sanitized-write, to the app page only). Says
 * when it worked and, when it did not, why, so nobody pastes a stale command at 3 a.m.
 */
export function CopyButton(props: {
  text: string;
  label: string;
  /** The button's word before it was pressed; "Copy" unless told. */
  idleText?: string;
}) {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = (): void => {
    // Absent outside a secure context; the page is always one (file:, or 127.0.0.1).
    if (navigator.clipboard === undefined) {
      setState({ kind: 'failed', reason: 'this window has no clipboard access' });
      return;
    }
    navigator.clipboard.writeText(props.text).then(
      () => setState({ kind: 'copied' }),
      (error: unknown) =>
        setState({
          kind: 'failed',
          reason: error instanceof Error ? error.message : String(error),
        }),
    );
  };

  return (
    <span className="copy">
      <button
        type="button"
        className="btn btn--small copy__button"
        onClick={copy}
        aria-label={props.label}
        title={state.kind === 'failed' ? `Not copied: ${state.reason}` : props.label}
      >
        {state.kind === 'copied'
          ? 'Copied'
          : state.kind === 'failed'
            ? 'Not copied'
            : (props.idleText ?? 'Copy')}
      </button>
      <span className="visually-hidden" role="status">
        {state.kind === 'copied'
          ? 'Copied to the clipboard.'
          : state.kind === 'failed'
            ? `Not copied: ${state.reason}. Select the text and copy it by hand.`
            : ''}
      </span>
    </span>
  );
}
