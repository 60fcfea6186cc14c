/**
 * The URL a feed is fetched from: `webcal://` (what PagerDuty, Opsgenie and calendar apps hand
 * out) becomes `https://`; anything but http and https is refused.
 * @param input - the URL as the person gave it
 * @throws Error saying what is wrong and what to give instead
 */
export function feedUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new Error(
      'not a URL: give the feed’s address, e.g. https://example.pagerduty.com/private/…/feed/…',
    );
  }
  if (url.protocol === 'webcal:' || url.protocol === 'webcals:') {
    url = new URL(`https:${url.href.slice(url.protocol.length)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(
      `a feed is fetched over https, http or webcal, not ${url.protocol.replace(/:$/, '')}`,
    );
  }
  return url;
}

/**
 * A feed's URL as messages and logs show it: scheme and host only. A private feed's path or
 * query is its password (PagerDuty: /private/<token>/feed/…; GoAlert: ?token=…).
 * @param url - the feed's URL
 */
export function shownFeedUrl(url: URL): string {
  return `${url.protocol}//${url.host}/…`;
}
