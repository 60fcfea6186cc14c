import { SourceError } from '../source-error';

/**
 * A configured URL, checked before anything is sent to it.
 * @param url - the URL as configured
 * @param shown - the URL as messages show it
 * @param example - a URL of the right kind, for the hint
 * @throws SourceError (kind `config`) saying what is wrong with it
 */
export function checkedUrl(url: string, shown: string, example: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new SourceError('config', `"${url}" is not a URL — use something like ${example}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new SourceError('config', `${shown} is not an http:// or https:// URL`);
  }
  if (parsed.username !== '' || parsed.password !== '') {
    // fetch refuses credentials in the URL, and the message would echo the password.
    throw new SourceError(
      'config',
      `${shown}: user and password in the URL are not supported — remove them`,
    );
  }
  return parsed;
}

/**
 * A configured base URL, checked, with a trailing slash so paths resolve beneath it (an
 * Alertmanager served under /alertmanager/ keeps its prefix).
 * @param baseUrl - the URL as configured
 * @param shown - the URL as messages show it
 * @param example - a URL of the right kind, for the hint
 * @throws SourceError (kind `config`) saying what is wrong with it
 */
export function baseUrlOf(baseUrl: string, shown: string, example: string): URL {
  const url = checkedUrl(baseUrl, shown, example);
  return new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
}
