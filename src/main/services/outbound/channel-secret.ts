/** The secret store key of an outbound channel's secret (its URL or routing key). */
export function channelSecretKey(channelId: string): string {
  return `channel:${channelId}`;
}

/** What each kind of channel keeps as its secret, in the words the UI and errors use. */
export const CHANNEL_SECRET_WORDS = {
  webhook: 'webhook URL',
  slack: 'Slack webhook URL',
  ntfy: 'ntfy topic URL',
  pagerduty: 'routing key',
} as const;
