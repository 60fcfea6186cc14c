import { APP_HOST, APP_SCHEME } from './app-protocol';

/**
 * Builds the test "is this URL the app's own page?" used by the IPC sender check, the
 * navigation guard and the permission handler of the Electron shell.
 *
 * - Dev (`electron-forge start`): the page is served by Vite's dev server, so anything on that
 *   origin is ours (Vite serves modules and HMR from it).
 * - Built: the page is served on the app's own scheme (`oncall://app/`, app-protocol.ts), which
 *   serves nothing but the built renderer, so that origin is ours; `file:` URLs (a dropped file,
 *   another directory) are not.
 *
 * @param pageUrl - the URL the main window loads
 * @returns a predicate that never throws, false for anything unparsable
 */
export function createAppPageMatcher(pageUrl: string): (candidate: string) => boolean {
  const page = new URL(pageUrl);
  if (page.protocol === 'http:' || page.protocol === 'https:') {
    return (candidate) => parse(candidate)?.origin === page.origin;
  }
  if (page.protocol === `${APP_SCHEME}:` && page.host === APP_HOST) {
    return (candidate) => {
      const url = parse(candidate);
      return url?.protocol === page.protocol && url.host === APP_HOST;
    };
  }
  throw new Error(`The app page must be http(s) or ${APP_SCHEME}://${APP_HOST}, not ${pageUrl}`);
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
