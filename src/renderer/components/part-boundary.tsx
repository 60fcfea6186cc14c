import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps a failure in one part of the window to that part. Without a boundary React unmounts the
 * whole tree on a render error, leaving a blank window nobody notices (issue 10: a runbook that
 * overflowed the Markdown renderer's stack). The message says which part failed and why, and
 * "Reload" renders that part again; everything else keeps working.
 * @param props.part - what the part is, for the message: "the alert list", "the runbook"
 * @param props.resetKeys - values that, when they change, render the part again by themselves
 *   (another runbook or incident opened)
 */
export function PartBoundary(props: { part: string; resetKeys?: unknown[]; children: ReactNode }) {
  const fallback = ({ error, resetErrorBoundary }: FallbackProps) => (
    <div className="banner banner--danger" role="alert">
      <strong>Could not show {props.part}.</strong> {errorText(error)}{' '}
      <button type="button" className="btn" onClick={() => resetErrorBoundary()}>
        Reload {props.part}
      </button>
    </div>
  );
  return (
    <ErrorBoundary fallbackRender={fallback} resetKeys={props.resetKeys}>
      {props.children}
    </ErrorBoundary>
  );
}
