import { useState } from 'react';
import type { SourceStatus } from '../../../shared/domain/source';
import { useApp, useAppState } from '../../app/app-context';
import { useNow } from '../../app/use-now';
import { errorMessage } from '../../bridge/bridge-error';
import { describeSourceStatus } from './source-status-text';

/** Every watched source and its health; failing ones say why and offer "Retry now". */
export function SourceStrip() {
  const sources = useAppState((s) => s.sources);
  const loaded = useAppState((s) => s.sourcesLoaded);
  // Seconds matter here ("last poll 10 s ago", "retrying in 20 s"); the strip is small.
  const now = useNow(1000);
  if (!loaded || sources.length === 0) return null;
  return (
    <section className="sources" aria-label="Sources">
      {sources.map((source) => (
        <SourceRow key={source.sourceId} source={source} now={now} />
      ))}
    </section>
  );
}

function SourceRow(props: { source: SourceStatus; now: number }) {
  const { source, now } = props;
  const { bridge, uiStore } = useApp();
  const [retrying, setRetrying] = useState(false);
  const [retryError, setRetryError] = useState<string | undefined>();
  const text = describeSourceStatus(source, now);

  const retry = (): void => {
    setRetrying(true);
    setRetryError(undefined);
    bridge
      .invoke('source:refresh', { sourceId: source.sourceId })
      .catch((error: unknown) => setRetryError(errorMessage(error)))
      .finally(() => setRetrying(false));
  };

  return (
    <div className={`source source--${text.tone}`}>
      <div className="source__line">
        <span className={`dot dot--${text.tone}`} aria-hidden="true" />
        <span className="source__name">{source.name}</span>
        <span className={`source__label source__label--${text.tone}`}>{text.label}</span>
        <span className="source__url" title={source.url}>
          {source.url}
        </span>
        <span className="source__detail tabular">{text.detail}</span>
        {text.tone === 'failing' ? (
          <button
            type="button"
            className="btn btn--small source__retry"
            onClick={retry}
            disabled={retrying}
          >
            {retrying ? 'Retrying…' : 'Retry now'}
          </button>
        ) : null}
      </div>
      {text.reason ? <div className="source__reason">{text.reason}</div> : null}
      {retryError ? <div className="source__reason">{retryError}</div> : null}
      {text.defaultNote ? (
        <div className="source__note">
          {text.defaultNote}{' '}
          <button
            type="button"
            className="btn btn--link"
            onClick={() => uiStore.actions.showView('settings')}
          >
            Open Settings
          </button>
        </div>
      ) : null}
    </div>
  );
}
