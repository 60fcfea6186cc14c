import type { SourceConfig, SourceStatus } from '../../../shared/domain/source';
import type { PollOutcome } from '../poller/poll-outcome';
import { adapterFor } from './adapters/source-adapters';

/**
 * The status of a source before its first poll answered (or of one that is switched off).
 * @param config - the source's settings
 * @param isDefault - true for the fallback source watched when none is configured
 */
export function initialStatus(config: SourceConfig, isDefault: boolean): SourceStatus {
  return {
    sourceId: config.id,
    name: config.name,
    kind: config.kind,
    url: adapterFor(config).shownUrl(config),
    isDefault,
    health: config.enabled ? 'pending' : 'disabled',
    failures: 0,
    activeAlerts: 0,
    actions: [...adapterFor(config).actions(config)],
  };
}

/**
 * A source's status after a poll.
 * @param previous - the status before the poll
 * @param outcome - what the poll came to
 * @param activeAlerts - open alerts in the source's snapshot; after a failure, the last known
 *   (stale) count
 * @param warning - after a success, what the user should still know (one cluster member is
 *   down): shown as the reason while the health stays ok
 */
export function statusAfter(
  previous: SourceStatus,
  outcome: PollOutcome<unknown>,
  activeAlerts: number,
  warning?: string,
): SourceStatus {
  const { reason: _reason, failingSince: _since, ...rest } = previous;
  const at = outcome.at.toISOString();
  if (outcome.ok) {
    return {
      ...rest,
      health: 'ok',
      ...(warning !== undefined && { reason: warning }),
      failures: 0,
      lastSuccessAt: at,
      lastAttemptAt: at,
      nextAttemptAt: new Date(outcome.at.getTime() + outcome.nextInMs).toISOString(),
      activeAlerts,
    };
  }
  return {
    ...rest,
    health: 'failing',
    reason: outcome.reason,
    // The run of failures began at its first failure, not at the latest one.
    failingSince:
      previous.health === 'failing' && previous.failingSince ? previous.failingSince : at,
    failures: outcome.failures,
    lastAttemptAt: at,
    nextAttemptAt: new Date(outcome.at.getTime() + outcome.retryInMs).toISOString(),
    activeAlerts,
  };
}

/** True when two statuses would look the same to the user. */
export function sameStatus(a: SourceStatus, b: SourceStatus): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof SourceStatus>;
  for (const key of keys) if (a[key] !== b[key]) return false;
  return true;
}
