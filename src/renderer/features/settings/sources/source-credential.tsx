import { useState } from 'react';
import type { SourceStatus } from '../../../../shared/domain/source';
import { useApp } from '../../../app/app-context';
import { errorMessage } from '../../../bridge/bridge-error';
import { kindForm } from './source-kind-forms';
import type { SourceDraft } from './source-draft';

/**
 * A source's token: typed here (hidden), tried by Test connection, stored in the secret store
 * on Save; what is stored shows only masked, and can be removed at once.
 */
export function SourceCredential(props: {
  draft: SourceDraft;
  /** The live status, whose `credential` says what is stored (masked). */
  status: SourceStatus | undefined;
  id: string;
  onChange: (token: string) => void;
}) {
  const { bridge } = useApp();
  const { draft, status, id } = props;
  const form = kindForm(draft.kind);
  const [removal, setRemoval] = useState<{ kind: 'removing' | 'error'; text: string }>();
  if (!form.credential) return null;
  const stored = status?.credential;
  const remove = (): void => {
    if (draft.id === undefined) return;
    setRemoval({ kind: 'removing', text: 'Removing…' });
    bridge.invoke('source:setCredential', { sourceId: draft.id, credential: null }).then(
      () => setRemoval(undefined),
      (error: unknown) => setRemoval({ kind: 'error', text: errorMessage(error) }),
    );
  };
  return (
    <div className="field source-field source-credential">
      <label className="field__label" htmlFor={id}>
        {form.credential.label}
      </label>
      <input
        id={id}
        className="field__input"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={draft.token}
        placeholder={
          stored?.set ? `Stored ${stored.hint ?? ''} — type to replace` : 'Paste it here'
        }
        onChange={(e) => props.onChange(e.target.value)}
        aria-describedby={`${id}-help`}
      />
      <span className="field__help muted" id={`${id}-help`}>
        {form.credential.help}{' '}
        {draft.id === undefined
          ? 'Stored when you save the source.'
          : stored?.set
            ? `Stored ${stored.hint ?? ''}; a new one replaces it on Save.`
            : 'None stored yet; it is stored on Save.'}
      </span>
      {stored?.set && draft.id !== undefined ? (
        <button
          type="button"
          className="btn btn--small source-credential__remove"
          onClick={remove}
          disabled={removal?.kind === 'removing'}
        >
          Remove stored {form.credential.label.toLowerCase()}
        </button>
      ) : null}
      {removal?.kind === 'error' ? <span className="field__error">{removal.text}</span> : null}
    </div>
  );
}
