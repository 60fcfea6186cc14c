import { createHash } from 'node:crypto';
import type { Severity } from '../../../shared/domain/severity';
import type { PageContent } from './page-content';
import { truncate } from './page-content';
import { ChannelSetupError, type OutboundRequest } from './outbound-request';

/** PagerDuty's severities for ours, worst first. */
const PAGERDUTY_SEVERITY: Record<Severity, 'critical' | 'error' | 'warning' | 'info'> = {
  sev1: 'critical',
  sev2: 'error',
  sev3: 'warning',
  sev4: 'info',
};

/** The Events API's limit on `dedup_key`. */
const MAX_DEDUP_KEY_CHARS = 255;

/**
 * The dedup key of an alert: the same for its trigger and its resolve, and for every repeat, so
 * PagerDuty keeps one alert for it. An alert id too long for the key is hashed.
 * @param alertId - the app's alert id (`<sourceId>:<fingerprint>`)
 */
export function pagerDutyDedupKey(alertId: string): string {
  const key = `oncall-companion:${alertId}`;
  if (key.length <= MAX_DEDUP_KEY_CHARS) return key;
  return `oncall-companion:sha256:${createHash('sha256').update(alertId).digest('hex')}`;
}

/**
 * A PagerDuty Events API v2 event (`POST /v2/enqueue`) as its published OpenAPI document
 * (PagerDuty/api-schema, reference/events-v2) describes it: `routing_key`, `event_action` and
 * `dedup_key`; a trigger carries `payload` with the required `summary`, `source` and `severity`
 * (critical, error, warning or info) and the alert's labels in `custom_details`; an acknowledge
 * or a resolve only the key. A test is a trigger and its resolve under a test key.
 * @param channel - the channel's Events URL and name
 * @param routingKey - the integration's routing key (the secret)
 * @param content - the bounded page
 * @param dedupKey - the alert's key ({@link pagerDutyDedupKey})
 * @param eventAction - what to do with the alert at PagerDuty
 */
export function pagerDutyRequest(
  channel: { eventsUrl: string; name: string },
  routingKey: string,
  content: PageContent,
  dedupKey: string,
  eventAction: 'trigger' | 'acknowledge' | 'resolve',
): OutboundRequest {
  if (!/^[A-Za-z0-9]{20,64}$/.test(routingKey)) {
    throw new ChannelSetupError(
      `the routing key stored for ${channel.name} is not an Events API v2 integration key (32 letters and digits); store it again in Settings → Escalation`,
    );
  }
  const base = { routing_key: routingKey, event_action: eventAction, dedup_key: dedupKey };
  const json =
    eventAction !== 'trigger'
      ? base
      : {
          ...base,
          payload: {
            summary: truncate(
              content.action === 'test'
                ? 'Test page from On-Call Companion'
                : `[${content.severityName}] ${content.title}`,
              1024,
            ),
            source: truncate(content.labels.fields.instance ?? content.sourceId, 255),
            severity: content.action === 'test' ? 'info' : PAGERDUTY_SEVERITY[content.severity],
            timestamp: content.startsAt,
            ...(content.labels.fields.alertname !== undefined && {
              class: content.labels.fields.alertname,
            }),
            ...(content.labels.fields.service !== undefined && {
              component: content.labels.fields.service,
            }),
            custom_details: {
              ...(content.summary !== undefined && { summary: content.summary }),
              labels: content.labels.fields,
              ...(content.labels.omitted > 0 && { labels_omitted: content.labels.omitted }),
              annotations: content.annotations.fields,
              ...(content.level !== undefined && { escalation_level: content.level }),
              ...(content.repeat !== undefined && { escalation_repeat: content.repeat }),
            },
          },
          client: 'On-Call Companion',
          ...(content.url !== undefined && {
            client_url: content.url,
            links: [{ href: content.url, text: 'The alert at its source' }],
          }),
        };
  return {
    url: new URL(channel.eventsUrl),
    json,
    peer: { name: 'PagerDuty', check: 'is this PagerDuty’s Events API v2 URL?' },
    shown: `PagerDuty (${channel.name})`,
  };
}
