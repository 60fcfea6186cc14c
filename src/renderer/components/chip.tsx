/** A `name=value` label chip; the value is untrusted and shown as text. */
export function LabelChip(props: { name: string; value: string }) {
  return (
    <span className="chip" title={`${props.name}=${props.value}`}>
      <span className="chip__key">{props.name}=</span>
      {props.value}
    </span>
  );
}
