import type { Alert } from '../../../shared/domain/alert';
import type { AlertmanagerSourceConfig } from '../../../shared/domain/source';
import type { Clock } from '../clock/clock';
import { fetchAlertmanagerAlerts } from './alertmanager-client';
import { normaliseAlertmanagerAlerts, type SeverityMapping } from './alertmanager-normalise';
import { shownUrl } from './shown-url';
import { SourceError } from './source-error';

/** What polling an Alertmanager needs besides its settings. */
export interface AlertmanagerPollDeps {
  readonly clock: Clock;
  /** Read on every poll, so a changed severity vocabulary applies from the next poll on. */
  readonly severity: () => SeverityMapping;
}

/**
 * One poll of an Alertmanager source: fetch its alert list and normalise it.
 * @param config - the source's settings
 * @param deps - clock, severity mapping
 * @returns the `fetchOnce` of the poller; it rejects with a {@link SourceError}
 */
export function alertmanagerPoll(
  config: AlertmanagerSourceConfig,
  deps: AlertmanagerPollDeps,
): (signal: AbortSignal) => Promise<Alert[]> {
  return async (signal) => {
    const body = await fetchAlertmanagerAlerts(config.url, {
      signal,
      timeoutMs: config.timeoutSeconds * 1000,
      clock: deps.clock,
    });
    try {
      return normaliseAlertmanagerAlerts(body, {
        ...deps.severity(),
        sourceId: config.id,
        now: deps.clock.now(),
      });
    } catch (error) {
      // The normaliser says what was wrong ("answered HTML, …"); say who answered it.
      if (error instanceof SourceError) {
        throw new SourceError(error.kind, `${shownUrl(config.url)} ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
  };
}
