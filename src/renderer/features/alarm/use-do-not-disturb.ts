import { useEffect, useState } from 'react';
import type { DoNotDisturbState } from '../../../shared/escalation/do-not-disturb';
import { useApp } from '../../app/app-context';

/**
 * Do-not-disturb now: asked once (`alarm:doNotDisturbState`) and again after every reconnect,
 * then kept up to date by `alarm:doNotDisturbChanged`, so a change made in the tray or by the
 * shortcut shows here too. Undefined until the app has answered.
 */
export function useDoNotDisturb(): DoNotDisturbState | undefined {
  const { bridge } = useApp();
  const [state, setState] = useState<DoNotDisturbState | undefined>();
  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('alarm:doNotDisturbState', {}).then(
        (answer) => live && setState(answer),
        () => {},
      );
    void load();
    const offChanged = bridge.on('alarm:doNotDisturbChanged', (event) => setState(event));
    const offConnection = bridge.onConnection((connection) => {
      if (connection.status === 'connected') void load();
    });
    return () => {
      live = false;
      offChanged();
      offConnection();
    };
  }, [bridge]);
  return state;
}
