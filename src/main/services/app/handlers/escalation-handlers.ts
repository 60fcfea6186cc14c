import type { Alert } from '../../../../shared/domain/alert';
import type { Settings } from '../../../../shared/domain/settings';
import { alertEscalationView } from '../../../../shared/escalation/alert-escalation-view';
import { choosePolicy } from '../../../../shared/escalation/policy-rules';
import type { InvokeHandlers } from '../../../../shared/ipc/dispatch';
import { IpcFailure } from '../../../../shared/ipc/result';
import type { Escalation } from '../../escalation/create-escalation';
import type { OutboundService } from '../../outbound/outbound-service';

/** One alert's escalation. */
export type EscalationHandlers = Pick<InvokeHandlers, 'alert:escalation'>;

/**
 * `alert:escalation`: the alert's policy, its steps on the scheduler and its pages in the
 * outbound record.
 * @param deps - the escalation, the outbound record, settings and alerts
 */
export function escalationHandlers(deps: {
  escalation: Pick<Escalation, 'deadlines' | 'whoIsOnCall'>;
  outbound: Pick<OutboundService, 'list'>;
  settings: () => Settings;
  alerts: () => readonly Alert[];
}): EscalationHandlers {
  return {
    'alert:escalation': async ({ alertId }) => {
      const alert = deps.alerts().find((a) => a.id === alertId);
      if (!alert) throw new IpcFailure('not-found', `No source reports an alert ${alertId} now.`);
      const { escalation } = deps.settings();
      const [deadlines, entries] = await Promise.all([
        deps.escalation.deadlines(),
        deps.outbound.list(),
      ]);
      return alertEscalationView({
        alertId,
        choice: choosePolicy(escalation, alert),
        escalation,
        deadlines,
        entries,
        whoIsOnCall: deps.escalation.whoIsOnCall,
      });
    },
  };
}
