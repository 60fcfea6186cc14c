/**
 * Parse a link that a user clicked and allow it out of the app only when it is http(s).
 * Annotations and runbooks are untrusted, so `javascript:`, `file:`, `data:` and anything
 * unparsable are refused.
 * @param raw - the link as written
 * @returns the normalised URL, or undefined when it must not be opened
 */
export function safeExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return url.href;
}
