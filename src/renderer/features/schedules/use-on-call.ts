import { useEffect, useState } from 'react';
import type { OnCallSummary } from '../../../shared/schedules/on-call';
import { useApp } from '../../app/app-context';

/**
 * Who is on call: asked once (`schedules:onCall`) and after every reconnect, then kept up to
 * date by `schedules:changed`, which main pushes at each shift boundary and schedule edit.
 */
export function useOnCall(): OnCallSummary | undefined {
  const { bridge } = useApp();
  const [summary, setSummary] = useState<OnCallSummary | undefined>();
  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('schedules:onCall', {}).then(
        (answer) => live && setSummary(answer),
        () => {},
      );
    void load();
    const offChanged = bridge.on('schedules:changed', (event) => setSummary(event));
    const offConnection = bridge.onConnection((connection) => {
      if (connection.status === 'connected') void load();
    });
    return () => {
      live = false;
      offChanged();
      offConnection();
    };
  }, [bridge]);
  return summary;
}
