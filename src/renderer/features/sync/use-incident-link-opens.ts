import { useEffect } from 'react';
import { useApp, useAppState } from '../../app/app-context';

/**
 * When the desktop opens an incident link, show the incidents view, whose "Join from link"
 * follows it (the header is on every view, so it is there to notice).
 */
export function useIncidentLinkOpens(): void {
  const { uiStore } = useApp();
  const seq = useAppState((s) => s.incidentLink?.seq);
  useEffect(() => {
    if (seq !== undefined) uiStore.actions.showView('incidents');
  }, [uiStore, seq]);
}
