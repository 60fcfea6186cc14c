import type { PeerWords } from '../sources/http/peer-words';

/** One request a channel makes for a page: where, what JSON, and how messages name it. */
export interface OutboundRequest {
  readonly url: URL;
  readonly json: unknown;
  readonly peer: PeerWords;
  /** How messages name where it went, without the secret (a webhook's URL is its secret). */
  readonly shown: string;
}

/** A channel's stored secret that cannot be used, with what to do. */
export class ChannelSetupError extends Error {
  /** @param message - what is wrong with the channel's setup and how to fix it */
  constructor(message: string) {
    super(message);
    this.name = 'ChannelSetupError';
  }
}

/**
 * The stored URL of a webhook-like channel, checked: http(s) only.
 * @param secret - the stored URL
 * @param channelName - for the message
 */
export function secretUrl(secret: string, channelName: string): URL {
  let url: URL;
  try {
    url = new URL(secret);
  } catch {
    throw new ChannelSetupError(
      `the URL stored for ${channelName} is not a URL; store it again in Settings → Escalation`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChannelSetupError(
      `the URL stored for ${channelName} is not http:// or https://; store it again in Settings → Escalation`,
    );
  }
  return url;
}
