import { readFile } from 'node:fs/promises';
import { headerContentSecurityPolicy } from './csp';
import { contentTypeFor, resolveStaticFile } from './static-files';

/**
 * The shell's own scheme for the built page. Served by `protocol.handle` instead of `file://`,
 * so the page is one origin (`oncall://app`) with nothing else on it: with the
 * `GrantFileProtocolExtraPrivileges` fuse off, script in the page could not read other local
 * files even if it ever ran.
 */
export const APP_SCHEME = 'oncall';

/** The only host of {@link APP_SCHEME}. */
export const APP_HOST = 'app';

/** The built page's URL. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });
}

/**
 * Answers one request of the app's scheme from the built renderer folder: GET (or HEAD) of a
 * file inside `root` (the same checks as browser mode: no `..`, no symlink out), with the CSP
 * as a real response header; anything else is refused with a status and a reason.
 * @param root - the built renderer folder (`.vite/renderer/main_window`)
 * @param request - the request's URL and method, as `protocol.handle` passes it
 */
export async function serveAppRequest(
  root: string,
  request: { url: string; method: string },
): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refusal(400, 'Not a URL.');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return refusal(404, 'Not found.');
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return refusal(405, `${request.method} is not allowed here.`);
  }
  const file = await resolveStaticFile(root, url.pathname);
  if (file === undefined) return refusal(404, 'Not found.');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return refusal(404, 'Not found.');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeFor(file),
      'Content-Security-Policy': headerContentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  });
}
