import type { RunbookLabelMatcher, RunbookMatch } from '../../../shared/domain/runbook';

function matcherText(matcher: RunbookLabelMatcher): string {
  if (typeof matcher === 'string') return `=${matcher}`;
  if (Array.isArray(matcher)) return `=${matcher.join('|')}`;
  return `=~${matcher.regex}`;
}

/**
 * A runbook's `match` as short label expressions, the way Alertmanager writes matchers:
 * `alertname=HighErrorRate`, `service=checkout|cart`, `alertname=~Replica(Lag|Down)`.
 * @param match - the runbook's matchers
 */
export function matchExpressions(match: RunbookMatch): string[] {
  return Object.entries(match).map(([name, matcher]) => `${name}${matcherText(matcher)}`);
}

/**
 * "1 step", "3 steps".
 * @param count - how many
 */
export function stepCountText(count: number): string {
  return count === 1 ? '1 step' : `${count} steps`;
}
