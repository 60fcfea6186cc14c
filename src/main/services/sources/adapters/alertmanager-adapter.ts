import type { AlertmanagerSourceConfig } from '../../../../shared/domain/source';
import { fetchAlertmanagerAlerts } from '../alertmanager-client';
import { normaliseAlertmanagerAlerts } from '../alertmanager-normalise';
import { normaliseWebhookAlerts } from '../alertmanager-webhook-normalise';
import { shownUrl } from '../shown-url';
import type { SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

/** Prometheus Alertmanager, API v2. */
export const alertmanagerAdapter: SourceAdapter<AlertmanagerSourceConfig> = {
  kind: 'alertmanager',
  actions: () => [],
  usesCredential: (config) => config.auth === 'bearer',
  shownUrl: (config) => shownUrl(config.url),
  samePeer: (a, b) =>
    a.url === b.url && a.peerUrls.join(' ') === b.peerUrls.join(' ') && a.auth === b.auth,
  push: {
    enabled: (config) => config.push,
    read: (config, body, context) =>
      normaliseWebhookAlerts(body, {
        ...context.severity(),
        sourceId: config.id,
        now: context.clock.now(),
      }),
  },
  poll: (config, context) => async (signal) => {
    const body = await fetchAlertmanagerAlerts(config.url, {
      signal,
      timeoutMs: config.timeoutSeconds * 1000,
      clock: context.clock,
    });
    try {
      return normaliseAlertmanagerAlerts(body, {
        ...context.severity(),
        sourceId: config.id,
        now: context.clock.now(),
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
  },
};
