import { actOnEach } from '../act-on-each';
import type { AlertAction } from '../../../../shared/domain/alert-action';
import type { GrafanaOncallSourceConfig } from '../../../../shared/domain/sources/grafana-oncall-source-config';
import {
  actOnAlertGroup,
  listAlertGroups,
  type OncallAction,
  type OncallCall,
} from '../grafana-oncall/grafana-oncall-client';
import { normaliseOncallAlertGroups } from '../grafana-oncall/grafana-oncall-normalise';
import { shownUrl } from '../shown-url';
import type { AdapterContext, SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

async function callFor(
  config: GrafanaOncallSourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): Promise<OncallCall> {
  const token = await context.secret();
  if (!token) {
    throw new SourceError(
      'config',
      `no Grafana OnCall API token is stored for ${config.name} — enter it in Settings`,
    );
  }
  return {
    apiUrl: config.apiUrl,
    token,
    signal,
    timeoutMs: config.timeoutSeconds * 1000,
    clock: context.clock,
  };
}

function oncallAction(action: AlertAction): { path: OncallAction; body?: { delay: number } } {
  switch (action.type) {
    case 'acknowledge':
      return { path: 'acknowledge' };
    case 'unacknowledge':
      return { path: 'unacknowledge' };
    case 'resolve':
      return { path: 'resolve' };
    // OnCall's silence is a snooze: the group stays quiet for `delay` seconds, then escalates.
    case 'silence':
    case 'snooze':
      return { path: 'silence', body: { delay: action.minutes * 60 } };
    default:
      throw new SourceError('config', `Grafana OnCall cannot "${action.type}" an alert group`);
  }
}

/**
 * Grafana OnCall and Grafana IRM (the same public API): alert groups that are new, acknowledged
 * or silenced; acknowledge, un-acknowledge, resolve and silence (also offered as snooze).
 */
export const grafanaOncallAdapter: SourceAdapter<GrafanaOncallSourceConfig> = {
  kind: 'grafana-oncall',
  actions: () => ['acknowledge', 'unacknowledge', 'snooze', 'silence', 'resolve'],
  usesCredential: () => true,
  shownUrl: (config) => shownUrl(config.apiUrl),
  samePeer: (a, b) => a.apiUrl === b.apiUrl,
  poll: (config, context) => async (signal) => {
    const groups = await listAlertGroups(await callFor(config, context, signal));
    return normaliseOncallAlertGroups(groups, { ...context.severity(), sourceId: config.id });
  },
  async act(config, alerts, { action, signal }, context) {
    const call = await callFor(config, context, signal);
    const { path, body } = oncallAction(action);
    await actOnEach(alerts, (alert) => actOnAlertGroup(call, alert.fingerprint, path, body));
  },
};
