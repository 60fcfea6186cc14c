import type { DoNotDisturbState } from '../../../../shared/escalation/do-not-disturb';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import { NoAlarmError, type Escalation } from '../../escalation/create-escalation';

/** Snooze and do-not-disturb of my alarm. */
export type AlarmHandlers = Pick<
  InvokeHandlers,
  'alarm:snooze' | 'alarm:doNotDisturb' | 'alarm:doNotDisturbState' | 'alarm:ringing'
>;

/** Furthest ahead a do-not-disturb `until` may end: the menu's farthest choice is tomorrow 08:00. */
const DND_UNTIL_MAX_MS = 2 * 24 * 3_600_000;

/**
 * `alarm:snooze`, `alarm:doNotDisturb`, `alarm:doNotDisturbState` and `alarm:ringing` over the
 * escalation.
 * @param deps - the escalation, do-not-disturb now, and the clock
 */
export function alarmHandlers({
  escalation,
  doNotDisturbNow,
  now,
}: {
  escalation: Pick<Escalation, 'snooze' | 'doNotDisturb' | 'ringing'>;
  doNotDisturbNow: () => Promise<DoNotDisturbState>;
  now: () => Date;
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
    'alarm:doNotDisturb': async ({ on, minutes, until }) => {
      if (on && until !== undefined) {
        const ahead = Date.parse(until) - now().getTime();
        if (ahead <= 0 || ahead > DND_UNTIL_MAX_MS) {
          throw new IpcFailure(
            'bad-request',
            `Do not disturb until ${until} is not within the next 2 days: choose a later time, or minutes.`,
          );
        }
      }
      return escalation.doNotDisturb(on, minutes, until);
    },
    'alarm:doNotDisturbState': async () => doNotDisturbNow(),
    'alarm:ringing': async () => ({ ringing: await escalation.ringing() }),
  };
}
