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

/**
 * Why a secret cannot serve a channel of this kind, or undefined when it can: a URL for the
 * webhook kinds (an ntfy one ending in its topic), an integration key for PagerDuty.
 * @param kind - the channel's kind
 * @param secret - the secret as typed (trimmed)
 */
export function channelSecretProblem(
  kind: keyof typeof CHANNEL_SECRET_WORDS,
  secret: string,
): string | undefined {
  if (kind === 'pagerduty') {
    return /^[A-Za-z0-9]{20,64}$/.test(secret)
      ? undefined
      : 'a PagerDuty routing key is the 32 letters and digits of an Events API v2 integration (Integration Key)';
  }
  let url: URL;
  try {
    url = new URL(secret);
  } catch {
    return `a ${CHANNEL_SECRET_WORDS[kind]} starts with https:// (or http://)`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return `a ${CHANNEL_SECRET_WORDS[kind]} starts with https:// (or http://)`;
  }
  if (url.username || url.password) {
    return 'put no user name or password in the URL';
  }
  if (kind === 'ntfy' && !/\/[-_A-Za-z0-9]{1,64}$/.test(url.pathname)) {
    return 'an ntfy topic URL ends in the topic, such as https://ntfy.sh/your-topic';
  }
  return undefined;
}
