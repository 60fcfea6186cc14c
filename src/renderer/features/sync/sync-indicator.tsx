import { describeSyncState } from '../../../shared/sync/sync-state';
import { useApp, useAppState } from '../../app/app-context';
import { formatZonedClock, incidentTimeZone, machineTimeZone } from '../incident/zoned-time';
import { syncLabel, syncTone } from './sync-tone';

/**
 * The header's team sync state in words and colour (synced / N changes waiting / offline since
 * 14:02 / server refused: reason); opens Settings, where sync is set up. Says nothing until the
 * app has answered, rather than guess.
 */
export function SyncIndicator() {
  const { uiStore } = useApp();
  const sync = useAppState((s) => s.sync);
  const zone = incidentTimeZone(
    useAppState((s) => s.settings?.settings.profile.timeZone),
    machineTimeZone(),
  );
  if (!sync) return null;
  const described = describeSyncState(sync.state, (iso) => formatZonedClock(iso, zone));
  const tone = syncTone(sync.state);
  return (
    <div className="sync-indicator-wrap" aria-live="polite">
      <button
        type="button"
        className={`sync-indicator sync-indicator--${tone}`}
        data-sync-state={sync.state.kind}
        title={`Team sync: ${described}${sync.server ? ` (${sync.server})` : ''} — open Settings`}
        onClick={() => uiStore.actions.showView('settings')}
      >
        <span className={`sync-indicator__mark sync-indicator__mark--${tone}`} aria-hidden="true" />
        <span className="visually-hidden">Team sync: </span>
        <span className="sync-indicator__text">{syncLabel(sync.state, described)}</span>
      </button>
    </div>
  );
}
