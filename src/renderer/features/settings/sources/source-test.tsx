import { useState } from 'react';
import type { InvokeResponse } from '../../../../shared/ipc/contract';
import type { SeverityScale } from '../../../../shared/domain/severity';
import { useApp } from '../../../app/app-context';
import { errorMessage } from '../../../bridge/bridge-error';
import { SeverityBadge } from '../../../components/severity-badge';
import { sourceInput, takesToken, type SourceDraft } from './source-draft';

type Tested = InvokeResponse<'source:test'>;

/**
 * "Test connection": polls the source as typed (not saved) once and shows what came back — how
 * many alerts and the first few — or the exact reason it failed.
 */
export function SourceTest(props: { draft: SourceDraft; scale: SeverityScale }) {
  const { bridge } = useApp();
  const [state, setState] = useState<
    { kind: 'testing' } | { kind: 'done'; result: Tested } | { kind: 'error'; text: string }
  >();
  const test = (): void => {
    const { source, errors } = sourceInput(props.draft, props.draft.id ?? 'new-source');
    const problems = Object.entries(errors);
    if (problems.length > 0) {
      setState({ kind: 'error', text: `Fix ${problems.map(([path]) => path).join(', ')} first.` });
      return;
    }
    setState({ kind: 'testing' });
    const token = takesToken(props.draft) ? props.draft.token.trim() : '';
    bridge.invoke('source:test', { source, ...(token ? { credential: token } : {}) }).then(
      (result) => setState({ kind: 'done', result }),
      (error: unknown) => setState({ kind: 'error', text: errorMessage(error) }),
    );
  };
  return (
    <div className="source-test">
      <button
        type="button"
        className="btn btn--small"
        onClick={test}
        disabled={state?.kind === 'testing'}
      >
        Test connection
      </button>
      <div className="source-test__result" role="status">
        {state?.kind === 'testing' ? <span className="muted">Asking…</span> : null}
        {state?.kind === 'error' ? <span className="field__error">{state.text}</span> : null}
        {state?.kind === 'done' && !state.result.ok ? (
          <span className="field__error">Failed: {state.result.error}</span>
        ) : null}
        {state?.kind === 'done' && state.result.ok ? (
          <>
            <span className="source-test__ok">
              Answered: {state.result.count} {state.result.count === 1 ? 'alert' : 'alerts'}
              {state.result.count > state.result.sample.length ? ', the first ones:' : '.'}
            </span>
            {state.result.sample.length > 0 ? (
              <ul className="source-test__sample">
                {state.result.sample.map((alert) => (
                  <li key={alert.id}>
                    <SeverityBadge severity={alert.severity} scale={props.scale} /> {alert.title}
                    {alert.severityUnmapped ? (
                      <span className="muted"> (severity “{alert.severityLabel}” unmapped)</span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
