import { useEffect, useState } from 'react';
import { worstAlarmFirst, type AlarmRinging } from '../../../shared/escalation/alarm-ringing';
import { useApp } from '../../app/app-context';

/**
 * The alarms ringing now: asked once (`alarm:ringing`) and again after every reconnect, then
 * kept up to date by `alarm:changed`; worst first, as the shell's alarm window orders them.
 */
export function useAlarms(): readonly AlarmRinging[] {
  const { bridge } = useApp();
  const [ringing, setRinging] = useState<readonly AlarmRinging[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      bridge.invoke('alarm:ringing', {}).then(
        (answer) => live && setRinging(worstAlarmFirst(answer.ringing)),
        () => {},
      );
    void load();
    const offChanged = bridge.on('alarm:changed', (event) =>
      setRinging(worstAlarmFirst(event.ringing)),
    );
    const offConnection = bridge.onConnection((connection) => {
      if (connection.status === 'connected') void load();
    });
    return () => {
      live = false;
      offChanged();
      offConnection();
    };
  }, [bridge]);
  return ringing;
}
