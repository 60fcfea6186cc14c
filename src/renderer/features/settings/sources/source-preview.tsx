import { useEffect, useState } from 'react';
import type { SeverityScale } from '../../../../shared/domain/severity';
import type { InvokeResponse } from '../../../../shared/ipc/contract';
import { useApp } from '../../../app/app-context';
import { errorMessage } from '../../../bridge/bridge-error';
import { SeverityBadge } from '../../../components/severity-badge';
import { sourceInput, takesToken, type SourceDraft } from './source-draft';

type Preview = InvokeResponse<'source:preview'>;

/** Quiet time after the last keystroke before the mapping is tried on the real answer. */
const SETTLE_MS = 700;

/**
 * The live preview of a JSON source's field mapping: as the URL, the list path and the fields
 * are typed, the real answer is fetched (nothing saved) and the preview shows one raw item and
 * the alerts the mapping makes of it, or why nothing could be read with the start of the
 * answer, so the right paths can be found in it. All of it is untrusted text, shown as text.
 */
export function SourcePreviewPanel(props: { draft: SourceDraft; scale: SeverityScale }) {
  const { bridge } = useApp();
  const { draft } = props;
  const [state, setState] = useState<
    { kind: 'asking' } | { kind: 'done'; preview: Preview } | { kind: 'error'; text: string }
  >();
  const [asked, setAsked] = useState(0);
  const { source, errors } = sourceInput(draft, draft.id ?? 'preview');
  const token = takesToken(draft) ? draft.token.trim() : '';
  const url = typeof draft.values.url === 'string' ? draft.values.url.trim() : '';
  // Only what decides the answer or its reading restarts the wait.
  const key = JSON.stringify([source, token, asked]);

  useEffect(() => {
    if (url === '' || Object.keys(errors).length > 0) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      setState({ kind: 'asking' });
      bridge
        .invoke('source:preview', {
          source: JSON.parse(key)[0],
          ...(token ? { credential: token } : {}),
        })
        .then(
          (preview) => current && setState({ kind: 'done', preview }),
          (error: unknown) => current && setState({ kind: 'error', text: errorMessage(error) }),
        );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // `key` stands for the source and token; `errors` and `url` are read from the same draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, bridge]);

  return (
    <section className="source-preview" aria-label="Preview of the mapping">
      <div className="source-preview__head">
        <span className="field__label">
          Preview (the real answer, read through the fields above)
        </span>
        <button type="button" className="btn btn--small" onClick={() => setAsked((n) => n + 1)}>
          Refresh
        </button>
      </div>
      <div role="status" className="source-preview__status">
        {url === '' ? <span className="muted">Enter the URL to see its answer here.</span> : null}
        {state?.kind === 'asking' ? <span className="muted">Asking…</span> : null}
        {state?.kind === 'error' ? <span className="field__error">{state.text}</span> : null}
        {state?.kind === 'done' && !state.preview.ok ? (
          <span className="field__error">{state.preview.error}</span>
        ) : null}
        {state?.kind === 'done' && state.preview.ok ? (
          <span className="source-test__ok">
            {state.preview.items} {state.preview.items === 1 ? 'item' : 'items'} →{' '}
            {state.preview.count} {state.preview.count === 1 ? 'alert' : 'alerts'}
          </span>
        ) : null}
      </div>
      {state?.kind === 'done' && state.preview.ok ? (
        <>
          {state.preview.alerts.length > 0 ? (
            <ul className="source-test__sample">
              {state.preview.alerts.map((alert) => (
                <li key={alert.id}>
                  <SeverityBadge severity={alert.severity} scale={props.scale} /> {alert.title}{' '}
                  <span className="muted">
                    ({alert.status}, id {alert.fingerprint}
                    {alert.severityUnmapped ? `, severity “${alert.severityLabel}” unmapped` : ''})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
          {state.preview.issues.length > 0 ? (
            <ul className="source-preview__issues">
              {state.preview.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
      {state?.kind === 'done' && state.preview.raw !== undefined ? (
        <pre className="source-preview__raw" aria-label="The first item as it came">
          {state.preview.raw}
        </pre>
      ) : null}
    </section>
  );
}
