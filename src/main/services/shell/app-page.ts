/**
 * Builds the test "is this URL the app's own page?" used by the IPC sender check, the
 * navigation guard and the permission handler of the Electron shell.
 *
 * - Dev (`electron-forge start`): the page is served by Vite's dev server, so anything on that
 *   origin is ours (Vite serves modules and HMR from it).
 * - Built: the page is one `index.html` loaded with `loadFile`, so only that exact file counts,
 *   whatever its query or hash; any other `file:` URL (a dropped file, another directory) does not.
 *
 * @param pageUrl - the URL the main window loads
 * @returns a predicate that never throws, false for anything unparsable
 */
export function createAppPageMatcher(pageUrl: string): (candidate: string) => boolean {
  const page = new URL(pageUrl);
  if (page.protocol === 'http:' || page.protocol === 'https:') {
    return (candidate) => parse(candidate)?.origin === page.origin;
  }
  if (page.protocol === 'file:') {
    return (candidate) => {
      const url = parse(candidate);
      return url?.protocol === 'file:' && url.host === page.host && url.pathname === page.pathname;
    };
  }
  throw new Error(`The app page must be http(s) or file, not ${page.protocol}`);
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
