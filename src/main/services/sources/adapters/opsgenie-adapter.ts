import { actOnEach } from '../act-on-each';
import {
  OPSGENIE_API_URLS,
  type OpsgenieSourceConfig,
} from '../../../../shared/domain/sources/opsgenie-source-config';
import type { AlertAction } from '../../../../shared/domain/alert-action';
import {
  actOnAlert,
  listOpenAlerts,
  type OpsgenieAction,
  type OpsgenieCall,
} from '../opsgenie/opsgenie-client';
import { normaliseOpsgenieAlerts } from '../opsgenie/opsgenie-normalise';
import { shownUrl } from '../shown-url';
import type { AdapterContext, SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

const WEB_URLS = { us: 'https://app.opsgenie.com', eu: 'https://app.eu.opsgenie.com' } as const;

/** Written as the source of each action, so Opsgenie's log says where it came from. */
const ACTION_SOURCE = 'On-Call Companion';

const baseUrl = (config: OpsgenieSourceConfig) => config.apiUrl ?? OPSGENIE_API_URLS[config.region];

async function callFor(
  config: OpsgenieSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<OpsgenieCall> {
  const apiKey = await context.secret();
  if (!apiKey) {
    throw new SourceError(
      'config',
      `no Opsgenie API key is stored for ${config.name} — enter it in Settings`,
    );
  }
  return {
    baseUrl: baseUrl(config),
    apiKey,
    signal,
    timeoutMs: config.timeoutSeconds * 1000,
    clock: context.clock,
  };
}

function opsgenieAction(
  action: AlertAction,
  actor: string,
  now: Date,
): { path: OpsgenieAction; body: Record<string, string> } {
  const base = { user: actor, source: ACTION_SOURCE };
  switch (action.type) {
    case 'acknowledge':
      return { path: 'acknowledge', body: { ...base, note: `Acknowledged in ${ACTION_SOURCE}` } };
    case 'unacknowledge':
      return { path: 'unacknowledge', body: base };
    case 'snooze':
      return {
        path: 'snooze',
        body: {
          ...base,
          endTime: new Date(now.getTime() + action.minutes * 60_000).toISOString(),
          note: `Snoozed for ${action.minutes} min in ${ACTION_SOURCE}`,
        },
      };
    case 'resolve':
      return { path: 'close', body: { ...base, note: `Closed in ${ACTION_SOURCE}` } };
    default:
      throw new SourceError('config', `Opsgenie alerts cannot be given "${action.type}" here`);
  }
}

/**
 * Opsgenie: open alerts; acknowledge, un-acknowledge, snooze and close, each confirmed by
 * Opsgenie's request status. Kept small: Atlassian ends Opsgenie in April 2027.
 */
export const opsgenieAdapter: SourceAdapter<OpsgenieSourceConfig> = {
  kind: 'opsgenie',
  actions: () => ['acknowledge', 'unacknowledge', 'snooze', 'resolve'],
  usesCredential: () => true,
  shownUrl: (config) => shownUrl(baseUrl(config)),
  samePeer: (a, b) => baseUrl(a) === baseUrl(b) && a.query.trim() === b.query.trim(),
  poll: (config, context) => async (signal) => {
    const alerts = await listOpenAlerts(await callFor(config, context, signal), config.query);
    return normaliseOpsgenieAlerts(alerts, {
      ...context.severity(),
      sourceId: config.id,
      ...(config.apiUrl === undefined && { webUrl: WEB_URLS[config.region] }),
    });
  },
  async act(config, alerts, { action, actor, signal }, context) {
    const call = await callFor(config, context, signal);
    const { path, body } = opsgenieAction(action, actor, context.clock.now());
    await actOnEach(alerts, (alert) => actOnAlert(call, alert.fingerprint, path, body));
  },
};
