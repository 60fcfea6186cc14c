import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Content types of the files a Vite build of the renderer produces. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Content type for a file name; unknown kinds are served as opaque bytes (with `nosniff`, the
 * browser will not guess a script or a page out of them).
 * @param file - a file name or path
 */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Map a request path onto a regular file inside `root`, or undefined (→ 404).
 *
 * The path is percent-decoded once, `/` means `index.html`, and the resolved file — after
 * following symlinks — must lie inside the real `root`: `..`, encoded `%2e%2e`, backslashes,
 * NUL bytes and symlinks pointing out are all refused.
 * @param root - the directory that may be served (absolute)
 * @param pathname - the URL path as received, without query
 */
export async function resolveStaticFile(
  root: string,
  pathname: string,
): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\'))
    return undefined;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return undefined;
  }
  const candidate = path.resolve(realRoot, relative);
  if (!isInside(realRoot, candidate)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!isInside(realRoot, real)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}
