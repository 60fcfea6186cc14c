import type { Alert } from '../domain/alert';
import { runbookMatchScore } from '../domain/runbook';
import type { EscalationPolicy, EscalationRule } from './policy-schema';
import type { EscalationSettings } from './policy-settings';

/** What a rule looks at in an alert. */
export type RuleSubject = Pick<Alert, 'severity' | 'sourceId' | 'labels'>;

/** The policy an alert gets and why, or why it gets none. */
export type PolicyChoice =
  | {
      readonly policy: EscalationPolicy;
      /** The index of the rule that chose it; absent when the default policy applies. */
      readonly rule?: number;
    }
  | { readonly policy: undefined; readonly reason: string; readonly rule?: number };

/**
 * Whether one rule matches an alert: every condition it has holds. Label patterns are RE2
 * (linear time, whole value), compiled once per rule object.
 * @param rule - the rule
 * @param alert - the alert's severity, source and labels
 */
export function ruleMatches(rule: EscalationRule, alert: RuleSubject): boolean {
  if (rule.severities && !rule.severities.includes(alert.severity)) return false;
  if (rule.sources && !rule.sources.includes(alert.sourceId)) return false;
  // An empty label map never matches as a runbook's; here it means "no label condition".
  if (rule.labels && Object.keys(rule.labels).length > 0) {
    return runbookMatchScore(rule.labels, alert.labels) !== undefined;
  }
  return true;
}

/**
 * The policy for an alert: the first rule that matches decides (a rule with `policy: null`
 * means no escalation); no rule matching means the default policy.
 * @param escalation - the escalation settings
 * @param alert - the alert's severity, source and labels
 */
export function choosePolicy(
  escalation: Pick<EscalationSettings, 'rules' | 'policies' | 'defaultPolicy'>,
  alert: RuleSubject,
): PolicyChoice {
  const byId = (id: string) => escalation.policies.find((policy) => policy.id === id);
  const index = escalation.rules.findIndex((rule) => ruleMatches(rule, alert));
  const rule = index >= 0 ? escalation.rules[index] : undefined;
  const id = rule ? rule.policy : escalation.defaultPolicy;
  const where = rule ? `rule ${index + 1}` : 'the default';
  const extra = rule ? { rule: index } : {};
  if (id === null) return { policy: undefined, reason: `${where} escalates to nobody`, ...extra };
  const policy = byId(id);
  if (!policy) {
    return {
      policy: undefined,
      reason: `${where} names policy "${id}", which does not exist`,
      ...extra,
    };
  }
  return { policy, ...extra };
}
