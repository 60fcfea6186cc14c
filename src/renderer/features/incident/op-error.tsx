/** The refusal under a control, announced to screen readers. */
export function OpError(props: { error: string | undefined }) {
  if (props.error === undefined) return null;
  return (
    <p className="op-error" role="alert">
      {props.error}
    </p>
  );
}
