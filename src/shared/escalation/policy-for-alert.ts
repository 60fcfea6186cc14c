import type { Alert } from '../domain/alert';
import {
  planEscalation,
  type EscalationPause,
  type PlannedStep,
  type WhoIsOnCall,
} from './policy-plan';
import { choosePolicy } from './policy-rules';
import type { EscalationPolicy } from './policy-schema';
import type { EscalationSettings } from './policy-settings';

/** What {@link planAlertEscalation} needs besides the settings and the alert. */
export interface AlertPlanState {
  /** Snoozes of this alert, each pausing its escalation. */
  readonly pauses?: readonly EscalationPause[];
  /** When it was acknowledged, if the alert's own `ack` does not say (a local acknowledgement). */
  readonly acknowledgedAt?: Date;
  readonly whoIsOnCall: WhoIsOnCall;
}

/** An alert's escalation: its policy and steps, or why it has none. */
export interface AlertPlan {
  readonly policy?: EscalationPolicy;
  /** Why there is no policy ("rule 2 escalates to nobody"). */
  readonly reason?: string;
  readonly steps: readonly PlannedStep[];
}

/**
 * An alert's whole escalation: the policy its rules pick and the steps of that policy from the
 * time it started firing. Its acknowledgement (`alert.ack.at`, or `acknowledgedAt`) and its
 * resolution (`endsAt` of a resolved alert) stop it.
 * @param escalation - the escalation settings
 * @param alert - the alert
 * @param state - snoozes, a local acknowledgement, and who is on call
 */
export function planAlertEscalation(
  escalation: EscalationSettings,
  alert: Alert,
  state: AlertPlanState,
): AlertPlan {
  const choice = choosePolicy(escalation, alert);
  if (!choice.policy) return { reason: choice.reason, steps: [] };
  const acks = [state.acknowledgedAt, alert.ack ? new Date(alert.ack.at) : undefined].filter(
    (at): at is Date => at !== undefined && !Number.isNaN(at.getTime()),
  );
  const acknowledgedAt =
    acks.length > 0 ? new Date(Math.min(...acks.map((at) => at.getTime()))) : undefined;
  const resolvedAt =
    alert.status === 'resolved' && alert.endsAt ? new Date(alert.endsAt) : undefined;
  return {
    policy: choice.policy,
    steps: planEscalation({
      policy: choice.policy,
      firingSince: new Date(alert.startsAt),
      ...(acknowledgedAt && { acknowledgedAt }),
      ...(resolvedAt && { resolvedAt }),
      ...(state.pauses && { pauses: state.pauses }),
      whoIsOnCall: state.whoIsOnCall,
    }),
  };
}
