import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { NoAlarmError, type Escalation } from '../../escalation/create-escalation';

/** Snooze and do-not-disturb of my alarm. */
export type AlarmHandlers = Pick<
  InvokeHandlers,
  'alarm:snooze' | 'alarm:doNotDisturb' | 'alarm:ringing'
>;

/**
 * `alarm:snooze`, `alarm:doNotDisturb` and `alarm:ringing` over the escalation.
 * @param deps - the escalation
 */
export function alarmHandlers({
  escalation,
}: {
  escalation: Pick<Escalation, 'snooze' | 'doNotDisturb' | 'ringing'>;
}): AlarmHandlers {
  return {
    'alarm:snooze': async ({ alertId, minutes }) => {
      try {
        return await escalation.snooze(alertId, minutes);
      } catch (error) {
        if (error instanceof NoAlarmError) throw new IpcFailure('not-found', error.message);
        throw error;
      }
    },
    'alarm:doNotDisturb': async ({ on, minutes }) => escalation.doNotDisturb(on, minutes),
    'alarm:ringing': async () => ({ ringing: await escalation.ringing() }),
  };
}
