/**
 * A configured URL as it may appear in messages and logs: no credentials, query or trailing
 * slash, so a password typed into the URL never reaches the screen or a log file.
 * @param baseUrl - the URL as configured
 */
export function shownUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return baseUrl;
  }
}
