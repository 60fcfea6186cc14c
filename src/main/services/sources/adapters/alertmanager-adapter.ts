import type { AlertmanagerSourceConfig } from '../../../../shared/domain/source';
import { ALERTMANAGER_ACTIONS, actOnAlertmanager } from '../alertmanager-actions';
import { pollAlertmanagerCluster } from '../alertmanager-cluster';
import { normaliseWebhookAlerts } from '../alertmanager-webhook-normalise';
import { shownUrl } from '../shown-url';
import type { SourceAdapter } from '../source-adapter';

/** Prometheus Alertmanager, API v2. */
export const alertmanagerAdapter: SourceAdapter<AlertmanagerSourceConfig> = {
  kind: 'alertmanager',
  actions: () => ALERTMANAGER_ACTIONS,
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
  poll: (config, context) => (signal) => pollAlertmanagerCluster(config, context, signal),
  act: actOnAlertmanager,
};
