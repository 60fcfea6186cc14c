/**
 * Said while the user edits a section whose saved settings changed meanwhile: their edits are
 * kept, and they choose between loading the new settings and saving over them.
 * @param props.what - what changed, e.g. "The incident settings"
 * @param props.onLoad - drop the edits and load the saved settings
 */
export function ChangedElsewhere(props: { what: string; onLoad: () => void }) {
  return (
    <p className="notice notice--warn" role="status">
      {props.what} changed outside this form (the file was edited, or another window saved).{' '}
      <button type="button" className="btn btn--link" onClick={props.onLoad}>
        Load them
      </button>{' '}
      (drops your edits here) or save yours over them.
    </p>
  );
}
