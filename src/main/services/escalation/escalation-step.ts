import type { Alert } from '../../../shared/domain/alert';
import type { Settings } from '../../../shared/domain/settings';
import { latenessText } from '../../../shared/escalation/due-deadlines';
import { isEscalating } from '../../../shared/escalation/escalation-steps';
import {
  resolveLevel,
  type PlannedStep,
  type WhoIsOnCall,
} from '../../../shared/escalation/policy-plan';
import { choosePolicy } from '../../../shared/escalation/policy-rules';
import type { AppLog } from '../app/app-log';
import type { DeadlineHandler } from './deadline-scheduler';

/** Pages the targets of a step other than `me` (the outbound service's `deliver`). */
export type DeliverStep = (step: PlannedStep, alert: Alert) => Promise<unknown>;

/** What an escalation step needs at the moment it is due. */
export interface EscalationStepOptions {
  /** The alert with this id as its source reports it now, if it does. */
  alert: (alertId: string) => Alert | undefined;
  /** Whether the alert's source has answered since start (or is gone). */
  answered: (alertId: string) => boolean;
  settings: () => Settings;
  whoIsOnCall: WhoIsOnCall;
  deliver: DeliverStep;
  log: AppLog;
}

/**
 * The handler of `escalation-step` deadlines: when a step is due and its alert still fires
 * unacknowledged, the level's targets (as the alert's policy has them now, schedules resolved to
 * who is on call now) are paged through the outbound service; `me` is left to my alarm. The
 * step is dropped when the alert was acknowledged here or at its source, silenced, resolved, or
 * its policy no longer has the level; it waits while the alert's source has not answered since
 * the app started. Do-not-disturb never holds it back. Delivered at least once (the page first,
 * the mark after): a crash between the two pages again, which PagerDuty deduplicates by its key
 * and the outbound record shows as a second attempt.
 * @param options - the alerts now, settings, schedules and the outbound service
 */
export function escalationStepHandler(options: EscalationStepOptions): DeadlineHandler {
  return ({ deadline, lateMs }, now) => {
    const alert = options.alert(deadline.subject);
    if (!alert) return options.answered(deadline.subject) ? { do: 'drop' } : { do: 'wait' };
    if (!isEscalating(alert)) return { do: 'drop' };
    const choice = choosePolicy(options.settings().escalation, alert);
    const levelNo = deadline.level ?? 1;
    const level = choice.policy?.levels[levelNo - 1];
    if (!choice.policy || !level) {
      options.log(
        'warn',
        `Escalation: level ${levelNo} of ${alert.id} is no longer in its policy (${choice.policy ? choice.policy.id : choice.reason}); not paged.`,
      );
      return { do: 'drop' };
    }
    const { targets, unreached } = resolveLevel(level, now, options.whoIsOnCall);
    const step: PlannedStep = {
      repeat: deadline.repeat ?? 0,
      level: levelNo,
      at: new Date(deadline.dueAt),
      targets,
      unreached,
      ...(targets.length === 0 && { skipped: `skipped: ${unreached.join('; ')}` }),
    };
    const late = latenessText(lateMs);
    const others = targets.filter((target) => target.kind !== 'me');
    if (others.length === 0) {
      if (unreached.length > 0) {
        options.log(
          'info',
          `Escalation: level ${levelNo} of ${alert.id}: ${unreached.join('; ')}.`,
        );
      }
      return { do: 'fire' };
    }
    return {
      do: 'fire',
      act: async () => {
        if (late) options.log('info', `Escalation: level ${levelNo} of ${alert.id} paged ${late}.`);
        await options.deliver(step, alert);
      },
    };
  };
}
