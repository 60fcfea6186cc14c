import type { AlertmanagerSourceConfig } from '../../../../shared/domain/source';
import { fetchAlertmanagerAlerts } from '../alertmanager-client';
import { normaliseAlertmanagerAlertsInSlices } from '../alertmanager-normalise';
import { shownUrl } from '../shown-url';
import type { SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

// Lets timers, IPC and the other sources run between slices of a big poll.
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Prometheus Alertmanager, API v2. */
export const alertmanagerAdapter: SourceAdapter<AlertmanagerSourceConfig> = {
  kind: 'alertmanager',
  actions: () => [],
  usesCredential: (config) => config.auth === 'bearer',
  shownUrl: (config) => shownUrl(config.url),
  samePeer: (a, b) =>
    a.url === b.url && a.peerUrls.join(' ') === b.peerUrls.join(' ') && a.auth === b.auth,
  poll: (config, context) => async (signal) => {
    const body = await fetchAlertmanagerAlerts(config.url, {
      signal,
      timeoutMs: config.timeoutSeconds * 1000,
      clock: context.clock,
    });
    try {
      return await normaliseAlertmanagerAlertsInSlices(
        body,
        { ...context.severity(), sourceId: config.id, now: context.clock.now() },
        yieldToLoop,
      );
    } catch (error) {
      // The normaliser says what was wrong ("answered HTML, …"); say who answered it.
      if (error instanceof SourceError) {
        throw new SourceError(error.kind, `${shownUrl(config.url)} ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
  },
};
