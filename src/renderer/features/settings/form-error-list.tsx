/** What the app refused that belongs to no one field of the form; nothing when there is none. */
export function FormErrorList(props: { issues: readonly string[] }) {
  if (props.issues.length === 0) return null;
  return (
    <ul className="form-errors" role="alert">
      {props.issues.map((issue) => (
        <li key={issue}>{issue}</li>
      ))}
    </ul>
  );
}
