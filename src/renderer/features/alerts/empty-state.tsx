import type { SourceStatus } from '../../../shared/domain/source';
import { useApp, useAppState } from '../../app/app-context';

/**
 * No alerts to show. Calm when every source answered; honest when some did not (then "no
 * alerts" may not mean "all clear"). Says what is watched and how to add a source.
 */
export function EmptyState(props: { sources: readonly SourceStatus[] }) {
  const { uiStore } = useApp();
  const settingsPath = useAppState((s) => s.settings?.path);
  const { sources } = props;
  const unhealthy = sources.filter((s) => s.health === 'failing' || s.health === 'pending');
  const allClear = unhealthy.length === 0;
  const onlyDefault = sources.length > 0 && sources.every((s) => s.isDefault);
  return (
    <div className={`empty ${allClear ? 'empty--clear' : 'empty--unsure'}`}>
      <div className="empty__mark" aria-hidden="true">
        {allClear ? '✓' : '!'}
      </div>
      <h2 className="empty__title">
        {allClear ? 'All clear' : 'No alerts — but not every source answered'}
      </h2>
      <p className="empty__text">
        {allClear
          ? 'Nothing is firing in the sources being watched.'
          : `${unhealthy.map((s) => s.name).join(', ')} ${unhealthy.length === 1 ? 'has' : 'have'} not answered, so alerts there would not show here.`}
      </p>
      {sources.length > 0 ? (
        <ul className="empty__sources">
          {sources.map((s) => (
            <li key={s.sourceId}>
              <span
                className={`dot dot--${s.health === 'ok' ? 'ok' : s.health === 'failing' ? 'failing' : 'pending'}`}
              />{' '}
              {s.name} <span className="muted">{s.url}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="empty__hint">
        {onlyDefault
          ? 'No source is configured yet. Add your Alertmanager in'
          : 'To watch another Alertmanager, add it in'}{' '}
        <button
          type="button"
          className="btn btn--link"
          onClick={() => uiStore.actions.showView('settings')}
        >
          Settings
        </button>
        {settingsPath ? (
          <>
            {' '}
            or edit <code className="path">{settingsPath}</code>
          </>
        ) : null}
        .
      </p>
    </div>
  );
}
