import type { PageContent } from './page-content';
import { secretUrl, type OutboundRequest } from './outbound-request';

/** Version of the generic webhook's JSON; a change of shape gets a new one. */
export const WEBHOOK_BODY_VERSION = 1;

/**
 * The key a webhook's receiver deduplicates by: the same for every sending of one page (a step
 * is paged at least once, so a crash between the page and its mark sends it again, with a new
 * `sentAt`), different for each escalation step, for each acknowledgement, for the resolve,
 * and for each test.
 * @param content - the bounded page
 */
export function webhookDedupKey(content: PageContent): string {
  const page =
    content.level !== undefined
      ? `${content.action}:${content.repeat ?? 0}:${content.level}`
      : content.acknowledgedAt !== undefined
        ? `${content.action}:${content.acknowledgedAt}`
        : content.action;
  return `oncall-companion:${content.alertId}:${page}`;
}

/**
 * The generic webhook's JSON: its dedup key ({@link webhookDedupKey}), the action, the alert (bounded: labels and annotations at most 20
 * each, long values cut, with how many were left out) and the escalation step.
 * @param url - the stored URL (the secret: it may hold a token)
 * @param channelName - for messages
 * @param content - the bounded page
 * @param sentAt - when the page was made
 */
export function webhookRequest(
  url: string,
  channelName: string,
  content: PageContent,
  sentAt: Date,
): OutboundRequest {
  return {
    url: secretUrl(url, channelName),
    json: {
      version: WEBHOOK_BODY_VERSION,
      sender: 'On-Call Companion',
      action: content.action,
      dedupKey: webhookDedupKey(content),
      sentAt: sentAt.toISOString(),
      ...(content.acknowledgedBy !== undefined && {
        acknowledged: { by: content.acknowledgedBy, at: content.acknowledgedAt },
      }),
      alert: {
        id: content.alertId,
        sourceId: content.sourceId,
        status: content.status,
        severity: content.severity,
        severityName: content.severityName,
        title: content.title,
        ...(content.summary !== undefined && { summary: content.summary }),
        labels: content.labels.fields,
        labelsOmitted: content.labels.omitted,
        annotations: content.annotations.fields,
        annotationsOmitted: content.annotations.omitted,
        startsAt: content.startsAt,
        ...(content.endsAt !== undefined && { endsAt: content.endsAt }),
        ...(content.url !== undefined && { url: content.url }),
      },
      ...(content.level !== undefined && {
        escalation: { level: content.level, repeat: content.repeat ?? 0 },
      }),
    },
    peer: { name: 'the webhook', check: 'is this the webhook’s URL?' },
    shown: `the webhook of ${channelName}`,
  };
}
