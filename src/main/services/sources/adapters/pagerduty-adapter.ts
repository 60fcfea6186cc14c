import type { Alert } from '../../../../shared/domain/alert';
import type { PagerdutySourceConfig } from '../../../../shared/domain/source';
import type { HttpRequestOptions } from '../http/http-request';
import {
  fetchCurrentUserId,
  fetchOpenIncidents,
  snoozeIncident,
  updateIncidentStatus,
  type IncidentScope,
  type PagerdutyAccount,
} from '../pagerduty-client';
import { normalisePagerdutyIncidents } from '../pagerduty-normalise';
import { shownUrl } from '../shown-url';
import type { AdapterContext, SourceAdapter } from '../source-adapter';
import { SourceError } from '../source-error';

/**
 * A PagerDuty account (REST API v2): its triggered and acknowledged incidents, assigned to the
 * token's user or of chosen teams or services. Acknowledge, snooze and resolve are PagerDuty's
 * own calls, made as the `fromEmail` user, so the whole team sees them. PagerDuty has no call
 * to un-acknowledge, so that is not offered.
 */
export const pagerdutyAdapter: SourceAdapter<PagerdutySourceConfig> = {
  kind: 'pagerduty',
  actions: () => ['acknowledge', 'snooze', 'resolve'],
  usesCredential: () => true,
  shownUrl: (config) => shownUrl(config.apiUrl),
  samePeer: (a, b) =>
    a.apiUrl === b.apiUrl &&
    a.scope === b.scope &&
    a.teamIds.join(' ') === b.teamIds.join(' ') &&
    a.serviceIds.join(' ') === b.serviceIds.join(' '),
  poll: (config, context) => {
    // The token's user hardly ever changes: ask once per token, not on every poll.
    let me: { token: string; id: string } | undefined;
    return async (signal) => {
      const account = await accountOf(config, context);
      const options = requestOptions(config, context, signal);
      let scope: IncidentScope;
      if (config.scope === 'me') {
        if (me?.token !== account.token) {
          me = { token: account.token, id: await fetchCurrentUserId(account, options) };
        }
        scope = { param: 'user_ids[]', ids: [me.id] };
      } else {
        scope = scopeOf(config);
      }
      const incidents = await fetchOpenIncidents(account, scope, options);
      return normalisePagerdutyIncidents(incidents, {
        ...context.severity(),
        sourceId: config.id,
      });
    };
  },
  act: async (config, alerts, request, context) => {
    const account = await accountOf(config, context);
    const options = requestOptions(config, context, request.signal);
    const ids = alerts.map((alert) => alert.fingerprint);
    const { action } = request;
    switch (action.type) {
      case 'acknowledge':
        return updateIncidentStatus(account, config.fromEmail, ids, 'acknowledged', options);
      case 'resolve':
        return updateIncidentStatus(account, config.fromEmail, ids, 'resolved', options);
      case 'snooze': {
        // PagerDuty snoozes acknowledged incidents only, so a triggered one is acknowledged
        // first (docs/settings.md says so): snoozing means "I have it, remind me later".
        const triggered = alerts.filter((alert) => !isAcknowledged(alert));
        if (triggered.length > 0) {
          await updateIncidentStatus(
            account,
            config.fromEmail,
            triggered.map((alert) => alert.fingerprint),
            'acknowledged',
            options,
          );
        }
        try {
          for (const id of ids) {
            await snoozeIncident(account, config.fromEmail, id, action.minutes * 60, options);
          }
        } catch (error) {
          // The acknowledgement stands; the person must know the reminder will not come.
          if (triggered.length === 0 || !(error instanceof SourceError)) throw error;
          throw new SourceError(
            error.kind,
            `acknowledged at PagerDuty, but not snoozed: ${error.message}`,
            { cause: error },
          );
        }
        return;
      }
      default:
        throw new SourceError('config', `PagerDuty cannot ${action.type} incidents`);
    }
  },
};

function isAcknowledged(alert: Alert): boolean {
  return alert.ack?.via === 'source';
}

async function accountOf(
  config: PagerdutySourceConfig,
  context: AdapterContext,
): Promise<PagerdutyAccount> {
  const token = (await context.secret())?.trim();
  if (!token) {
    throw new SourceError(
      'config',
      'no PagerDuty API token is stored for this source — add one in Settings (PagerDuty: My Profile → User Settings → Create API User Token)',
    );
  }
  return { apiUrl: config.apiUrl, token };
}

function scopeOf(config: PagerdutySourceConfig): IncidentScope {
  const [param, ids, what] =
    config.scope === 'teams'
      ? (['team_ids[]', config.teamIds, 'team'] as const)
      : (['service_ids[]', config.serviceIds, 'service'] as const);
  if (ids.length === 0) {
    throw new SourceError(
      'config',
      `this source watches chosen ${what}s but lists no ${what} id — add one in Settings (the id is in the ${what}'s PagerDuty URL, e.g. PQ9K7I8)`,
    );
  }
  return { param, ids };
}

function requestOptions(
  config: PagerdutySourceConfig,
  context: AdapterContext,
  signal: AbortSignal,
): HttpRequestOptions {
  return { signal, timeoutMs: config.timeoutSeconds * 1000, clock: context.clock };
}
